import { describe, expect, it } from 'vitest';
import { buildStyle } from '$lib/map/style';
import { tiledStyle } from '$lib/map/tiledStyle';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';

// The tiled map's style (docs/scaling.md): valid for MapLibre, drawn from vector tiles, with the date's
// verdicts read from feature state and no layout or filter left reading a property the tiles do not carry.
const style = tiledStyle(buildStyle({ base: 'http://localhost' }), 'http://localhost', '2024-08-20');

describe('tiledStyle', () => {
  it('is a valid style whose data sources are vector tiles of the server', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources['corridor-roads']).toMatchObject({
      type: 'vector',
      tiles: ['http://localhost/tiles/roads/{z}/{x}/{y}.mvt'],
      promoteId: 'id',
    });
    expect(style.state).toMatchObject({ asOf: { default: '2024-08-20' }, month: { default: 8 } });
  });

  it('draws a crossing marker per status, each shown where the verdict gives that status', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(
      expect.arrayContaining(['crossings-icon:open', 'crossings-icon:restricted', 'crossings-icon:closed']),
    );
    expect(ids).not.toContain('crossings-icon');
    const closed = style.layers.find((l) => l.id === 'crossings-icon:closed')!;
    expect(JSON.stringify(closed.layout)).toContain('"-","closed"');
    expect(JSON.stringify(closed.paint)).toContain('["==",["feature-state","status"],"closed"]');
  });

  it('reads the verdict keys from feature state in paint, and never from tile properties in layouts or filters', () => {
    const tiled = style.layers.filter((l) => 'source-layer' in l);
    expect(tiled.length).toBeGreaterThan(15);
    for (const l of tiled) {
      const { layout, filter } = l as { layout?: unknown; filter?: unknown };
      const text = JSON.stringify({ layout, filter });
      for (const key of ['status', 'flags', 'besieged', 'population', 'ipcPhase', 'famine'])
        expect(text, l.id).not.toContain(`["get","${key}"]`);
    }
    const flag = style.layers.find((l) => l.id === 'sites-flag')!;
    expect(JSON.stringify(flag.paint)).toContain('["feature-state","flags"]');
  });
});

describe('tiledStyle, compare mode', () => {
  it('outlines changed corridors, sites and crossings from their tiles, shown only where the comparison marks them', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(
      expect.arrayContaining(['changes-line:corridors', 'changes-point:sites', 'changes-point:crossings']),
    );
    // The page holds no geometry on the tiled map: nothing is left reading the empty GeoJSON source.
    expect(style.layers.filter((l) => 'source' in l && l.source === 'corridor-changes')).toEqual([]);
    const line = style.layers.find((l) => l.id === 'changes-line:corridors')!;
    expect(line).toMatchObject({ source: 'corridor-corridors', 'source-layer': 'corridors' });
    const gate = ['case', ['boolean', ['feature-state', 'changed'], false], 1, 0];
    expect((line.paint as Record<string, unknown>)['line-opacity']).toEqual(gate);
    const ring = style.layers.find((l) => l.id === 'changes-point:sites')!;
    expect((ring.paint as Record<string, unknown>)['circle-stroke-opacity']).toEqual(gate);
  });
});
