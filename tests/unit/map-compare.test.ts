import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDates } from '$lib/domain/analysis/compare';
import { changesData } from '$lib/map/changesLayer';
import { parseUrlState, writeUrlState } from '$lib/map/urlState';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const fixture = loadSituationFromDir(join(import.meta.dirname, '..', 'fixtures', 'compare', 'border-closes'));

describe('compare mode on the map', () => {
  it('a link carries the other date, and a mangled one is ignored', () => {
    const s = parseUrlState(new URLSearchParams('date=2024-08-20&compare=2024-03-01'));
    expect([s.date, s.compare]).toEqual(['2024-08-20', '2024-03-01']);
    expect(parseUrlState(new URLSearchParams('compare=2024-3-1')).compare).toBeUndefined();
    expect(writeUrlState({ ...s }).get('compare')).toBe('2024-03-01');
    expect(writeUrlState({ ...s, compare: undefined }).has('compare')).toBe(false);
  });

  it('outlines exactly the crossings, corridors and sites that changed', () => {
    const c = compareDates(fixture, '2024-05-01', '2024-08-01');
    const data = changesData(fixture, c);
    expect(data.features.map((f) => [f.properties?.subject, f.properties?.id])).toEqual([
      ['corridor', 'c_abroad'],
      ['crossing', 'x_border'],
      ['site', 'camp_east'],
    ]);
    expect(data.features[2].geometry).toEqual(
      fixture.sites.find((s) => s.properties.id === 'camp_east')?.geometry,
    );
    expect(changesData(fixture, undefined).features).toEqual([]);
    // A change the map's situation does not hold (not visible to this reader) is not drawn.
    const without = { ...fixture, sites: fixture.sites.filter((s) => s.properties.id !== 'camp_east') };
    expect(changesData(without, c).features.map((f) => f.properties?.id)).toEqual(['c_abroad', 'x_border']);
  });
});
