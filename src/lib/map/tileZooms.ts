// From which zoom a feature is in its group's tiles. The first view of the map (the whole country, zoom 5 on
// a laptop's screen) drew every road and every incident of every date: at Sudan scale 2.7 MB of its 3 MB of
// tiles, most of it tracks a few pixels apart and incidents of no consequence at that scale
// (docs/performance.md, "The map at scale"). Both tile writers apply the same rules (`vectorTiles.ts`,
// `postgisTiles.ts`), so their tiles stay the same. Nothing here depends on the date: a date change loads no
// tile.
import type { LayerGroup } from '$lib/map/layerGroups';

/** A group's rule: the zoom from which a feature with this value of `key` is in the tiles; other values, all. */
export interface TileZoomRule {
  key: string;
  from: Readonly<Record<string, number>>;
}

export const TILE_ZOOM_RULES: Partial<Record<LayerGroup, TileZoomRule>> = {
  // Main roads at every zoom; secondary roads from zoom 6 and tracks from zoom 8, where they are drawn apart
  // rather than as a brown mat. The state of a corridor is drawn on its own layer (`corridors`), at every zoom.
  roads: { key: 'class', from: { secondary: 6, track: 8 } },
  // Incidents that block roads (severity 3) at every zoom; those that put them at risk and raise the
  // protection flag (2) from zoom 6; the others (0 and 1) from zoom 8.
  incidents: { key: 'severity', from: { '2': 6, '1': 8, '0': 8 } },
};

/** The zoom from which a feature of `group` with these properties is in the tiles (0: always). */
export function tileMinZoom(group: LayerGroup, properties: Readonly<Record<string, unknown>>): number {
  const rule = TILE_ZOOM_RULES[group];
  if (!rule) return 0;
  return rule.from[String(properties[rule.key])] ?? 0;
}

/**
 * The zooms at which `group`'s tiles gain features, ascending, from 0: the tiles of zoom z hold the features
 * whose `tileMinZoom` is at most the last of these ≤ z.
 *
 * @example tileZoomSteps('roads') // [0, 6, 8]
 */
export function tileZoomSteps(group: LayerGroup): number[] {
  const rule = TILE_ZOOM_RULES[group];
  return [...new Set([0, ...Object.values(rule?.from ?? {})])].sort((a, b) => a - b);
}

/** The values of the rule's key left out of `group`'s tiles at zoom `z` (none when the group has no rule). */
export function valuesHiddenAt(group: LayerGroup, z: number): { key: string; values: string[] } | undefined {
  const rule = TILE_ZOOM_RULES[group];
  if (!rule) return undefined;
  const values = Object.entries(rule.from)
    .filter(([, from]) => from > z)
    .map(([v]) => v);
  return values.length ? { key: rule.key, values } : undefined;
}
