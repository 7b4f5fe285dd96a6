import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { fixedValueProblems, parseSetArgument } from '$lib/import/fixedValues';
import type { ImportOptions } from '$lib/import/types';

const EXTENT: [number, number, number, number] = [14.5, 8.4, 38.8, 22.4];
const run = (text: string, o: Partial<ImportOptions> & Pick<ImportOptions, 'layer' | 'fileName'>) =>
  parseImport(text, { extent: EXTENT, defaultCountry: 'SDN', ...o });
const props = (f: { properties: unknown }) => f.properties as Record<string, unknown>;

// A hand-drawn control polygon as people share them: a geometry and nothing the areas layer needs.
const polygon = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'RSF-held El Fasher' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [25.2, 13.5],
            [25.5, 13.5],
            [25.5, 13.8],
            [25.2, 13.8],
            [25.2, 13.5],
          ],
        ],
      },
    },
  ],
});

describe('fixed values (--set)', () => {
  it('a table of villages with no kind column imports with kind fixed, and is refused without it', () => {
    const text = 'name,lat,lon\nTawila,14.03,24.87\nKorma,13.89,24.86\n';
    const without = run(text, { fileName: 'villages.csv', layer: 'sites' });
    expect(without.counts.valid).toBe(0);
    expect(without.problems[0]).toMatchObject({ level: 'error', field: 'properties.kind' });

    const fixed = run(text, {
      fileName: 'villages.csv',
      layer: 'sites',
      mapping: { fields: {}, set: { kind: 'village' } },
    });
    expect(fixed.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(fixed.features.map((f) => props(f).kind)).toEqual(['town', 'town']);
    // The preview carries the fixed values so the commit remembers them with the mapping.
    expect(fixed.mapping?.set).toEqual({ kind: 'village' });
  });

  it('a fixed value replaces the column mapped to the same field', () => {
    const p = run('name,lat,lon,type\nA,14,24.8,camp\n', {
      fileName: 'x.csv',
      layer: 'sites',
      mapping: { fields: {}, set: { kind: 'town' } },
    });
    expect(props(p.features[0]).kind).toBe('town');
    expect(p.mapping?.fields.kind).toBeUndefined();
  });

  it('a control polygon gets its actor, confidence and date from fixed values', () => {
    const none = run(polygon, { fileName: 'control.geojson', layer: 'areas' });
    expect(none.counts.valid).toBe(0);
    const p = run(polygon, {
      fileName: 'control.geojson',
      layer: 'areas',
      mapping: { fields: {}, set: { actorId: 'rsf', confidence: 'assessed', validFrom: '2025-10-26' } },
    });
    expect(p.problems.filter((x) => x.level === 'error')).toEqual([]);
    expect(props(p.features[0])).toMatchObject({
      actorId: 'rsf',
      confidence: 'assessed',
      validFrom: '2025-10-26',
    });
    expect(p.sourceKey).toMatch(/^geojson:/);
  });

  it('a wrong fixed value is named, and refuses the whole file', () => {
    const bad = run('name,lat,lon\nA,14,24.8\n', {
      fileName: 'x.csv',
      layer: 'sites',
      mapping: { fields: {}, set: { colour: 'red' } },
    });
    expect(bad.counts.read).toBe(0);
    expect(bad.problems[0].message).toMatch(/the sites layer has no field "colour" to fix: fields .* kind/);
    const date = run(polygon, {
      fileName: 'control.geojson',
      layer: 'areas',
      mapping: { fields: {}, set: { actorId: 'rsf', confidence: 'assessed', validFrom: '26/10/2025x' } },
    });
    expect(date.counts.valid).toBe(0);
    expect(date.problems.some((x) => x.field === 'validFrom (fixed value)')).toBe(true);
    expect(fixedValueProblems({ lat: '1' }, 'sites')[0]).toMatch(/cannot give "lat"/);
  });

  it('reads FIELD=VALUE, keeping an = in the value', () => {
    expect(parseSetArgument('kind=village')).toEqual(['kind', 'village']);
    expect(parseSetArgument('note=a=b')).toEqual(['note', 'a=b']);
    expect(parseSetArgument('=x')).toBeUndefined();
    expect(parseSetArgument('kind')).toBeUndefined();
  });
});
