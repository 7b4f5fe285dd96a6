import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { layerGroups, sourceId } from '$lib/map/layerGroups';
import { buildStyle } from '$lib/map/style';

describe('buildStyle', () => {
  const style = buildStyle({ base: 'http://localhost:4173' });

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('loads the basemap and the fonts from the app itself, nothing from another host', () => {
    const urls = [
      ...Object.values(style.sources).flatMap((s) =>
        'data' in s && typeof s.data === 'string' ? [s.data] : [],
      ),
      ...Object.values(style['font-faces'] ?? {}).flatMap((f) =>
        typeof f === 'string' ? [f] : f.map((x) => x.url),
      ),
    ];
    expect(urls.length).toBeGreaterThan(2);
    for (const u of urls) expect(new URL(u).origin).toBe('http://localhost:4173');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('gives every layer group a source and at least one layer tagged with the group', () => {
    for (const g of layerGroups) {
      expect(style.sources[sourceId(g)]).toBeDefined();
      const tagged = style.layers.filter(
        (l) => (l.metadata as Record<string, unknown>)?.['corridor:group'] === g,
      );
      expect(tagged.length, g).toBeGreaterThan(0);
      for (const l of tagged) expect('source' in l && l.source).toBe(sourceId(g));
    }
  });

  it('draws points above lines and areas, and labels above everything', () => {
    const ids = style.layers.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at('areas-fill')).toBeLessThan(at('roads-line'));
    expect(at('roads-line')).toBeLessThan(at('corridors-line'));
    expect(at('frontlines-line')).toBeLessThan(at('sites-circle'));
    expect(at('sites-circle')).toBeLessThan(at('crossings-icon'));
    expect(at('sites-label')).toBe(ids.length - 2);
    expect(at('crossings-label')).toBe(ids.length - 1);
  });
});
