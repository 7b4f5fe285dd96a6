// Dates and numbers as people read them in each interface language: the month always a word.
import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatDate,
  formatDateTime,
  formatList,
  formatMonthYear,
  formatNumber,
  formatSigned,
} from '$lib/i18n/format';

describe('formatDate', () => {
  it('writes the month as a word in each language', () => {
    expect(formatDate('2024-08-20', 'en')).toBe('20 August 2024');
    expect(formatDate('2024-08-20', 'fr')).toBe('20 août 2024');
    expect(formatDate('2024-08-20', 'ar')).toBe('20 أغسطس 2024');
  });

  it('keeps the calendar day whatever the time zone (the date is a UTC day)', () => {
    expect(formatDate('2025-01-01', 'en')).toBe('1 January 2025');
    expect(formatDate('2025-12-31', 'fr')).toBe('31 décembre 2025');
  });

  it('writes a moment with its time in UTC', () => {
    expect(formatDateTime('2024-08-20T14:05:00Z', 'en')).toMatch(/^20 August 2024.*14:05.*UTC$/);
    expect(formatDateTime('2024-08-20T14:05:00Z', 'ar')).toMatch(/^20 أغسطس 2024.*14:05/);
  });
});

describe('formatNumber', () => {
  it("uses each language's separators, with Western digits in Arabic", () => {
    expect(formatNumber(1234567, 0, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 0, 'fr').replace(/\s/g, ' ')).toBe('1 234 567');
    expect(formatNumber(1234567, 0, 'ar')).toMatch(/^1.234.567$/);
    expect(formatNumber(12.345, 1, 'fr')).toBe('12,3');
  });
});

describe('changes, chart axes and lists', () => {
  it("writes a change with a real minus sign and the language's separators", () => {
    expect(formatSigned(-411_538, 'en')).toBe('−411,538');
    expect(formatSigned(588_462, 'fr').replace(/\s/g, ' ')).toBe('+588 462');
    expect(formatSigned(0, 'ar')).toBe('0');
  });

  it('writes an axis figure short, in words of the language', () => {
    expect(formatCompact(2_500_000, 'fr').replace(/\s/g, ' ')).toBe('2,5 M');
    expect(formatCompact(2_500_000, 'ar')).toContain('مليون');
    expect(formatCompact(250_000, 'en')).toBe('250k');
  });

  it('names a month with its year, and joins a list as the language does', () => {
    expect(formatMonthYear('2024-07-01', 'en')).toBe('Jul 2024');
    expect(formatMonthYear('2024-07-01', 'fr')).toBe('juil. 2024');
    expect(formatMonthYear('2024-07-01', 'ar')).toBe('يوليو 2024');
    expect(formatList(['public', 'restricted'], 'fr')).toBe('public et restricted');
  });
});
