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
  incidents: 'Incidents (last 30 days)',
  crossings: 'Crossings',
  sites: 'Sites',
  corridors: 'Aid corridors',
  frontlines: 'Front lines',
  roads: 'Roads',
  areas: 'Areas of control',
  admin: 'Administrative boundaries',
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
