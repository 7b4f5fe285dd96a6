import { m } from '$lib/paraglide/messages';
/**
 * The layer groups a user can switch on and off, in legend order (top of the map first). Each group
 * owns one GeoJSON source and one or more MapLibre style layers; the ids here are the contract between
 * the style builders in this folder, the map controller and the URL.
 */
export const layerGroups = [
  'incidents',
  'crossings',
  'sites',
  'corridors',
  'frontlines',
  'roads',
  'areas',
  'admin',
] as const;
export type LayerGroup = (typeof layerGroups)[number];

export const layerGroupLabels: Record<LayerGroup, string> = {
  get incidents() {
    return m.group_incidents();
  },
  get crossings() {
    return m.group_crossings();
  },
  get sites() {
    return m.group_sites();
  },
  get corridors() {
    return m.group_corridors();
  },
  get frontlines() {
    return m.group_frontlines();
  },
  get roads() {
    return m.group_roads();
  },
  get areas() {
    return m.group_areas();
  },
  get admin() {
    return m.group_admin();
  },
};

/**
 * The groups that are on when a link does not say otherwise: every one but the administrative
 * boundaries, which are reference a user turns on when they need them.
 */
export const defaultLayerGroups: readonly LayerGroup[] = layerGroups.filter((g) => g !== 'admin');

/** The GeoJSON source of a group. */
export function sourceId(group: LayerGroup): string {
  return `corridor-${group}`;
}

export function isLayerGroup(value: string): value is LayerGroup {
  return (layerGroups as readonly string[]).includes(value);
}
