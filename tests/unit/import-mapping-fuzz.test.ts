// Property-based fuzzing (fast-check) of column mappings and fixed values: whatever mapping a user or a
// remembered source gives, the importer reports problems and never throws; a fixed value the layer cannot
// take refuses the file; a fixed name is every imported feature's name. On real files' heads and a
// generated table. FUZZ_RUNS_SCALE multiplies the case counts, as in import-fuzz.test.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerNames } from '$lib/domain/schemas';
import { parseImport } from '$lib/import';
import { layerFields } from '$lib/import/columnDetection';
import { settableFields } from '$lib/import/fixedValues';
import type { ColumnMapping } from '$lib/import/types';

const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const REALDATA = resolve('..', 'shared', 'realdata');
const head = (file: string, lines: number) =>
  readFileSync(resolve(REALDATA, file), 'utf8').split('\n').slice(0, lines).join('\n');

const FILES: [string, string][] = [
  ['sdn_dtm_idp_sites_2019_omdena.csv', head('sdn_dtm_idp_sites_2019_omdena.csv', 30)],
  ['hxl_sdn_dtm_idp_admin2_2024-12.csv', head('hxl_sdn_dtm_idp_admin2_2024-12.csv', 20)],
  ['sdn_acled_events_2023-04_week.csv', head('sdn_acled_events_2023-04_week.csv', 12)],
  ['sdn_acled_pv_admin2_monthly_2023-2025.csv', head('sdn_acled_pv_admin2_monthly_2023-2025.csv', 20)],
  [
    'villages.csv',
    'Name,Latitude,Longitude,Lat Dd,Long Dd\nKutum,141159.0,0243951E,14.19972,24.66417\nA,,,,\n',
  ],
];
const headersOf = (text: string) =>
  text
    .split('\n')
    .flatMap((l) => l.split(','))
    .slice(0, 60);
const allFields = [...new Set(Object.values(layerFields).flat())];

const file = fc.constantFrom(...FILES);
const layer = fc.constantFrom(...layerNames);
const value = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,10}$/),
  fc.constantFrom('village', 'camp', 'rsf', 'RSF', 'assessed', '2025-10-26', '26/10/2025', '3', '-1', 'yes'),
  fc.string({ maxLength: 8 }),
);

describe('fuzzing column mappings and fixed values', () => {
  it(`never throws, and keeps its counts straight (${runs(800)} cases)`, () => {
    fc.assert(
      fc.property(
        file,
        layer,
        fc.dictionary(fc.oneof(fc.constantFrom(...allFields), fc.string({ maxLength: 6 })), fc.string(), {
          maxKeys: 4,
        }),
        fc.dictionary(fc.oneof(fc.constantFrom(...allFields), fc.string({ maxLength: 6 })), value, {
          maxKeys: 4,
        }),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        fc.boolean(),
        ([name, text], l, rawFields, set, headerRow, realColumns) => {
          // Half the mappings name columns the file has.
          const columns = headersOf(text);
          const fields = realColumns
            ? Object.fromEntries(Object.keys(rawFields).map((f, i) => [f, columns[i % columns.length]]))
            : rawFields;
          const mapping: ColumnMapping = { fields, set, ...(headerRow === undefined ? {} : { headerRow }) };
          const p = parseImport(text, { fileName: name, layer: l, mapping, actors: ['saf', 'rsf'] });
          expect(p.features.length).toBe(p.counts.valid);
          expect(p.counts.valid + p.counts.rejected).toBeLessThanOrEqual(Math.max(p.counts.read, 0));
          for (const x of p.problems) expect(x.file).toBe(name);
        },
      ),
      { numRuns: runs(800) },
    );
  });

  it(`a fixed value the layer cannot take refuses the whole file, naming it (${runs(300)} cases)`, () => {
    fc.assert(
      fc.property(file, layer, fc.stringMatching(/^[a-z]{3,8}$/), value, ([name, text], l, field, v) => {
        fc.pre(!settableFields(l).includes(field));
        const p = parseImport(text, {
          fileName: name,
          layer: l,
          mapping: { fields: {}, set: { [field]: v } },
        });
        expect(p.features).toEqual([]);
        expect(p.problems.some((x) => x.level === 'error' && x.message.includes(`"${field}"`))).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it(`a fixed name is the name of every feature imported (${runs(300)} cases)`, () => {
    fc.assert(
      fc.property(
        file,
        layer,
        fc.stringMatching(/^[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?$/),
        ([name, text], l, fixed) => {
          const p = parseImport(text, {
            fileName: name,
            layer: l,
            mapping: { fields: {}, set: { name: fixed } },
          });
          for (const f of p.features) expect((f.properties as { name?: string }).name).toBe(fixed);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
