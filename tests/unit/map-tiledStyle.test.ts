import { describe, expect, it } from 'vitest';
import { buildStyle } from '$lib/map/style';
import { tiledStyle } from '$lib/map/tiledStyle';
import { expression, latest, validateStyleMin, type StyleExpression } from '@maplibre/maplibre-gl-style-spec';

// The tiled map's style (docs/scaling.md): valid for MapLibre, drawn from vector tiles, with the date's
// verdicts read from feature state and no layout or filter left reading a property the tiles do not carry.
const style = tiledStyle(buildStyle({ base: 'http://localhost' }), 'http://localhost');

describe('tiledStyle', () => {
  it('is a valid style whose data sources are vector tiles of the server', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources['corridor-roads']).toMatchObject({
      type: 'vector',
      tiles: ['http://localhost/tiles/roads/{z}/{x}/{y}.mvt'],
      promoteId: 'id',
    });
  });

  it('reads nothing from global state, so a date change reloads no tile', () => {
    // A global-state value in a filter, layout or data-driven paint makes MapLibre re-parse every tile of the
    // source when it changes: the date comes as feature state instead.
    expect(style.state).toBeUndefined();
    expect(JSON.stringify(style.layers)).not.toContain('global-state');
  });

  it('draws a feature only where the date counts it: incidents of the window, others unless out of force', () => {
    const opacity = (id: string, p: string) =>
      JSON.stringify((style.layers.find((l) => l.id === id)!.paint as Record<string, unknown>)[p]);
    expect(opacity('incidents-circle', 'circle-opacity')).toContain('["feature-state","shown"],false]');
    expect(opacity('frontlines-line', 'line-opacity')).toContain('["feature-state","shown"],true]');
    expect(opacity('sites-circle', 'circle-opacity')).toContain('["feature-state","shown"],true]');
    // No filter left on the validity interval: a feature hidden on one date is drawn again on another.
    expect(JSON.stringify(style.layers.map((l) => (l as { filter?: unknown }).filter))).not.toMatch(
      /"from"|"to"|"date"/,
    );
  });

  it('dots a road impassable in the month in its own layer, shown where the feature state says so', () => {
    const paint = (id: string) => style.layers.find((l) => l.id === id)!.paint as Record<string, unknown>;
    // The dash pattern cannot read feature state: each layer has its own, for a track here.
    const dash = (id: string) =>
      (
        expression.createExpression(
          paint(id)['line-dasharray'],
          latest.paint_line['line-dasharray'] as never,
        ) as { value: StyleExpression }
      ).value.evaluate({ zoom: 6 }, { type: 'LineString', properties: { class: 'track' } } as never);
    expect(dash('roads-line:impassable')).toEqual([0.6, 1.6]);
    expect(dash('roads-line:passable')).toEqual([3, 1.5]);
    expect(JSON.stringify(paint('roads-line:impassable')['line-opacity'])).toContain(
      '["==",["coalesce",["feature-state","impassable"],false],true]',
    );
  });

  it('draws a crossing marker per status, each shown where the verdict gives that status', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(
      expect.arrayContaining(['crossings-icon:open', 'crossings-icon:restricted', 'crossings-icon:closed']),
    );
    expect(ids).not.toContain('crossings-icon');
    const closed = style.layers.find((l) => l.id === 'crossings-icon:closed')!;
    expect(JSON.stringify(closed.layout)).toContain('"-","closed"');
    expect(JSON.stringify(closed.paint)).toContain(
      '["==",["coalesce",["feature-state","status"],""],"closed"]',
    );
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
