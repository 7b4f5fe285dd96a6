import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumber, daysBetween } from '$lib/domain/calendarDays';

// What the analysis did through `Date` before: the arithmetic in integers must give the same answers.
const DAY_MS = 86_400_000;
const viaDate = {
  dayNumber: (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY_MS,
  dateOfDay: (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10),
};

describe('calendar days in integers', () => {
  it('reads and writes every day from 1600 to 2400 as Date does', () => {
    const first = viaDate.dayNumber('1600-01-01');
    const last = viaDate.dayNumber('2400-12-31');
    let checked = 0;
    for (let n = first; n <= last; n++) {
      const date = viaDate.dateOfDay(n);
      if (dateOfDay(n) !== date) expect(dateOfDay(n)).toBe(date);
      if (dayNumber(date) !== n) expect(dayNumber(date)).toBe(n);
      checked++;
    }
    expect(checked).toBe(292_560);
  });

  it('counts leap days: 1900 and 2100 have none, 2000 and 2024 have one', () => {
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -366)).toBe('2023-03-01');
    expect(dayNumber('1970-01-01')).toBe(0);
  });

  it('moves dates across month and year ends both ways', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-08-15', 365)).toBe('2025-08-15');
    expect(addDays('2025-06-01', -30)).toBe('2025-05-02');
    expect(daysBetween('2025-06-01', '2024-06-01')).toBe(-365);
  });

  it('reads what Date.parse reads and refuses what it refuses', () => {
    // Date.parse of a midnight UTC takes any day up to 31 and carries it into the next month.
    for (const s of ['2024-02-30', '2023-02-29', '2024-04-31', '0000-01-01', '9999-12-31', '0001-03-01'])
      expect(dayNumber(s)).toBe(viaDate.dayNumber(s));
    for (const s of [
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-01-32',
      '2024-1-01',
      'abcd-ef-gh',
      '',
      '2024-01-011',
      '2024/01/01',
    ])
      expect([s, dayNumber(s)]).toEqual([s, NaN]);
    expect(daysBetween('2024-01-01', 'soon')).toBeNaN();
  });

  it('writes a day from any number as Date does: fractions, far years, and not a number', () => {
    expect(dateOfDay(19_950.75)).toBe(viaDate.dateOfDay(19_950.75));
    expect(dateOfDay(-0.25)).toBe('1969-12-31');
    expect(dateOfDay(-800_000)).toBe(viaDate.dateOfDay(-800_000));
    expect(dateOfDay(3_000_000)).toBe(viaDate.dateOfDay(3_000_000));
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
  });
});
