// Property-based fuzzing (fast-check) of preset detection: whatever columns a file has, detection never
// throws and never offers a preset one of whose required columns is absent (checked here by a plain reading
// of each preset's list, not by the detector's own code); and a file read with any preset it is offered, or
// any preset at all, gives problems, never an exception. FUZZ_RUNS_SCALE multiplies the case counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerNames } from '$lib/domain/schemas';
import { parseImport } from '$lib/import';
import { PRESETS, presetFits } from '$lib/import/presets';

const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

/** Every column name and HXL tag the presets know, so generated headers often come close to a source's. */
const known = [
  ...new Set(
    PRESETS.flatMap((p) => [...p.required, ...p.typical, ...Object.values(p.fields)].flat()).concat(
      PRESETS.flatMap((p) => p.ask ?? []),
    ),
  ),
];
const knownNames = known.filter((n) => !n.startsWith('#'));
const knownTags = known.filter((n) => n.startsWith('#'));

/** A header as people type them: the known name, in another case, with spaces or dashes for underscores. */
const header = fc.oneof(
  fc.constantFrom(...knownNames),
  fc.constantFrom(...knownNames).map((n) => n.toUpperCase()),
  fc.constantFrom(...knownNames).map((n) => n.replace(/_/g, ' ')),
  fc.constantFrom(...knownNames).map((n) => `${n}_x`),
  fc.string({ maxLength: 12 }),
);
const column = fc.record(
  {
    name: header,
    tag: fc.oneof(
      fc.constantFrom(...knownTags),
      fc.constantFrom('#geo+lat', '#date', '#x+y'),
      fc.string({ maxLength: 6 }),
    ),
  },
  { requiredKeys: ['name'] },
);
const columns = fc.array(column, { maxLength: 16 });
const layer = fc.constantFrom(...layerNames);

/** The spec's reading of a column name: case, `_ - . : /` and spaces do not matter. */
const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_\-.:/()#\\\s]+/g, ' ')
    .trim();
const tagParts = (t: string) =>
  t
    .toLowerCase()
    .split('+')
    .map((x) => x.replace(/[#\s]/g, ''))
    .filter(Boolean);
function present(cols: { name: string; tag?: string }[], names: readonly string[]): boolean {
  return names.some((n) =>
    n.startsWith('#')
      ? cols.some((c) => {
          if (!c.tag || !/^\s*#/.test(c.tag)) return false;
          const [want, ...attrs] = tagParts(n);
          const [has, ...hasAttrs] = tagParts(c.tag);
          return want === has && attrs.every((a) => hasAttrs.includes(a));
        })
      : cols.some((c) => plain(c.name) === plain(n)),
  );
}

describe('fuzzing preset detection', () => {
  it(`never throws, and never offers a preset whose required columns are absent (${runs(3000)} cases)`, () => {
    fc.assert(
      fc.property(columns, fc.option(layer, { nil: undefined }), (cols, l) => {
        const fits = presetFits(cols, l);
        for (const fit of fits) {
          const p = PRESETS.find((x) => x.name === fit.name)!;
          expect(fit.score).toBeGreaterThanOrEqual(0.5);
          expect(fit.score).toBeLessThanOrEqual(1);
          if (p.offeredForLayer) {
            expect(l).toBe(p.layer);
            expect(present(cols, p.ask ?? [])).toBe(false);
          } else
            for (const names of p.required)
              expect(present(cols, names), `${p.name} offered without ${names.join(' or ')}`).toBe(true);
        }
        // Best first.
        expect(fits.map((f) => f.score)).toEqual([...fits.map((f) => f.score)].sort((a, b) => b - a));
      }),
      { numRuns: runs(3000) },
    );
  });

  it(`reading a generated table or GeoJSON with any preset gives problems, never an exception (${runs(400)} cases)`, () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        '1',
        '3',
        '12',
        '2024-05-10',
        '13.63',
        '25.35',
        'village',
        'hospital',
        'ADM2',
        'TCD.1_1',
        'x',
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...knownNames), { minLength: 1, maxLength: 10 }),
        fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 5 }),
        fc.constantFrom(...PRESETS.map((p) => p.name), 'nope'),
        layer,
        fc.boolean(),
        (names, rows, preset, l, asGeoJson) => {
          const text = asGeoJson
            ? JSON.stringify({
                type: 'FeatureCollection',
                features: rows.map((r) => ({
                  type: 'Feature',
                  geometry: { type: 'Point', coordinates: [25, 13] },
                  properties: Object.fromEntries(names.map((n, i) => [n, r[i]])),
                })),
              })
            : [
                names.join(','),
                ...rows.map((r) =>
                  r
                    .slice(0, names.length)
                    .map((c) => JSON.stringify(c))
                    .join(','),
                ),
              ].join('\n');
          const p = parseImport(text, {
            fileName: asGeoJson ? 'f.geojson' : 'f.csv',
            layer: l,
            preset,
            extent: [13, 7, 39, 24],
            actors: ['rsf', 'saf'],
          });
          expect(p.counts.valid).toBe(p.features.length);
          if (p.counts.valid > 0) expect(p.counts.read).toBe(p.counts.valid + p.counts.rejected);
          const wrongLayer = PRESETS.find((x) => x.name === preset)?.layer !== l;
          // A preset that does not exist or is for another layer refuses the whole file.
          if (wrongLayer) expect(p.features).toEqual([]);
        },
      ),
      { numRuns: runs(400) },
    );
  });
});
