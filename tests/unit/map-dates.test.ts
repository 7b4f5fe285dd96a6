import { describe, expect, it } from 'vitest';
import { addDays, clampDate, dateOfDay, dayNumber, formatDate } from '$lib/state/dates';

describe('as-of dates', () => {
  it('move by whole days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-08-20', -30)).toBe('2024-07-21');
    expect(dateOfDay(dayNumber('2024-05-01'))).toBe('2024-05-01');
  });

  it('stay inside the time range', () => {
    expect(clampDate('2022-01-01', '2023-04-15', '2025-11-30')).toBe('2023-04-15');
    expect(clampDate('2026-01-01', '2023-04-15', '2025-11-30')).toBe('2025-11-30');
    expect(clampDate('2024-08-15', '2023-04-15', '2025-11-30')).toBe('2024-08-15');
  });

  it('read as words for people and screen readers', () => {
    expect(formatDate('2024-08-15')).toBe('15 August 2024');
  });
});
