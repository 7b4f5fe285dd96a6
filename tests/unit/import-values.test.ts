import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate, dateInText } from '$lib/import/dates';
import { enumValue, siteKindSynonyms } from '$lib/import/enums';
import { parseNumber } from '$lib/import/numbers';
import { cleanCell, normalizeKey } from '$lib/import/text';
import { siteKind } from '$lib/domain/schemas';

describe('reading values as people write them', () => {
  it('reads Excel serial dates by the 1900 date system', () => {
    // 45000 is 2023-03-15 and 43831 is 2020-01-01 in Excel; 43788 is 43 days before that.
    expect(excelSerialToIso(45000)).toBe('2023-03-15');
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(parseDate('43788')).toEqual({ date: '2019-11-19', excelSerial: 43788 });
    expect(parseDate('43788.75')).toMatchObject({ date: '2019-11-19' });
  });

  it('reads ISO, day-first, month-name and Arabic-digit dates; refuses impossible ones', () => {
    expect(parseDate('2023-04-12')).toEqual({ date: '2023-04-12' });
    expect(parseDate('2023-04-12T10:00:00Z')).toEqual({ date: '2023-04-12' });
    expect(parseDate('17-Dec-2024')).toEqual({ date: '2024-12-17' });
    expect(parseDate('12 April 2023')).toEqual({ date: '2023-04-12' });
    expect(parseDate('April 12, 2023')).toEqual({ date: '2023-04-12' });
    expect(parseDate('25/12/2023')).toEqual({ date: '2023-12-25' });
    expect(parseDate('12/25/2023')).toEqual({ date: '2023-12-25' });
    expect(parseDate('04/05/2023')).toEqual({ date: '2023-05-04', ambiguous: true });
    expect(parseDate('٢٠٢٣-٠٤-١٢')).toEqual({ date: '2023-04-12' });
    expect(parseDate('2023-02-30')).toHaveProperty('error');
    expect(parseDate('1234')).toHaveProperty('error');
    expect(dateInText('DTM SUDAN: IDP Master List 17-Dec-2024')).toBe('2024-12-17');
    expect(dateInText('Round 1')).toBeUndefined();
  });

  it('reads decimal commas in coordinates and thousands separators in counts', () => {
    expect(parseNumber('12,50615', 'coordinate')).toBe(12.50615);
    expect(parseNumber(' 24.2866 ', 'coordinate')).toBe(24.2866);
    expect(parseNumber('1,300', 'count')).toBe(1300);
    expect(parseNumber('1 300', 'count')).toBe(1300);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('١٢٫٥', 'coordinate')).toBe(12.5);
    expect(parseNumber('n/a')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('matches enumerated values whatever their case, with synonyms', () => {
    const kinds = siteKind.options;
    expect(enumValue('IDP_CAMP', kinds, siteKindSynonyms)).toBe('idp_camp');
    expect(enumValue('Refugee Camp', kinds, siteKindSynonyms)).toBe('refugee_camp');
    expect(enumValue('Camp', kinds, siteKindSynonyms)).toBe('idp_camp');
    expect(enumValue('neighborhood', kinds, siteKindSynonyms)).toBe('town');
    expect(enumValue('castle', kinds, siteKindSynonyms)).toBeUndefined();
  });

  it('cleans padded cells and normalizes headers', () => {
    expect(cleanCell('South Darfur                     ')).toBe('South Darfur');
    expect(cleanCell('Korma   gathering')).toBe('Korma gathering');
    expect(normalizeKey('_GPS_latitude')).toBe('gps latitude');
    expect(normalizeKey('LOCALITY_ CODE')).toBe('locality code');
  });
});
