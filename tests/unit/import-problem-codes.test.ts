// Every problem the importer reports has a code, and every code a label in each language of the
// interface: the /data page shows a problem by the label of its kind in the reader's language, while the
// message (English, with its values) stays what the command line prints.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { problemLabel } from '$lib/editing/import/problemLabels';
import { parseImport } from '$lib/import';
import { groupProblems } from '$lib/import/groupProblems';
import { problemCodes } from '$lib/import/problemCodes';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

const EXTENT: [number, number, number, number] = [14.5, 8.4, 38.8, 22.4];
const messages = (locale: string) =>
  JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('import problem codes', () => {
  it('each code has a label in English, Arabic and French, translated', () => {
    const [en, ar, fr] = ['en', 'ar', 'fr'].map(messages);
    expect(new Set(problemCodes).size).toBe(problemCodes.length);
    for (const code of problemCodes) {
      const key = `import_problem_${code}`;
      expect(en[key], key).toBeTruthy();
      expect(ar[key], key).toBeTruthy();
      expect(fr[key], key).toBeTruthy();
      expect(ar[key], key).not.toBe(en[key]);
      expect(fr[key], key).not.toBe(en[key]);
    }
  });

  it('a file with many kinds of mistakes gives problems that each carry a known code', () => {
    const csv = [
      'id,name,lat,lon,population,date,country',
      'a1,Good,13.6,25.3,100,2024-05-01,SDN',
      'a2,Letters,abc,25.3,100,2024-05-01,SDN',
      'a3,Zero,0,0,100,2024-05-01,SDN',
      'a4,Swapped,25.3,13.6,100,2024-05-01,SDN',
      'a5,Half,13.6,25.3,many,2024-05-01,SDN',
      'a6,Date,13.6,25.3,100,31/31/2024,SDN',
      'a8,Nowhere,13.6,25.3,100,2024-05-01,Atlantis',
    ].join('\n');
    const preview = parseImport(csv, {
      fileName: 'mixed.csv',
      layer: 'sites',
      extent: EXTENT,
      defaultCountry: 'SDN',
    });
    const codes = new Set(preview.problems.map((p) => p.code));
    for (const code of codes) expect(problemCodes).toContain(code);
    // The mistakes above, each under its own code.
    for (const code of ['not_a_number', 'point_at_zero', 'coordinates_swapped', 'unknown_country'])
      expect(codes, code).toContain(code);
    // Grouped by kind, a group keeps its code; the label is in the reader's language.
    const swapped = groupProblems(preview.problems).find((g) => g.code === 'coordinates_swapped')!;
    overwriteGetLocale(() => 'fr');
    expect(problemLabel(swapped.code)).toBe('Latitude et longitude semblent inversées');
    overwriteGetLocale(() => 'ar');
    expect(problemLabel(swapped.code)).toBe('يبدو أن خط العرض وخط الطول متبادلان');
    // The message stays the importer's English, values included.
    expect(swapped.message).toMatch(/latitude and longitude swapped/);
  });

  it('whole-file problems carry codes too (a file that is not JSON, an empty table)', () => {
    const json = parseImport('{ not json', { fileName: 'x.geojson', layer: 'sites', extent: EXTENT });
    expect(json.problems.map((p) => p.code)).toEqual(['invalid_json']);
    const empty = parseImport('', { fileName: 'x.csv', layer: 'sites', extent: EXTENT });
    expect(empty.problems.map((p) => p.code)).toEqual(['empty_file']);
  });
});
