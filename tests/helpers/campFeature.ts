// A camp to add as a site, for the map's server tests and the benches that write through the API. A file of its
// own, importing nothing: the benches run outside Vitest and without the app's path aliases.

/** Where the map's server tests put their camps, in North Darfur. */
export const CAMP_AT: [number, number] = [25.35, 13.63];

/** A displacement camp as a site feature, of `population` people from `figureDate`. */
export function campFeature(
  id: string,
  sensitivity: string,
  { at = CAMP_AT, figureDate = '2024-06-01', population = 40_000 } = {},
) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: at },
    properties: {
      id,
      name: `Camp ${id}`,
      source: 'staff',
      sensitivity,
      kind: 'idp_camp',
      country: 'SDN',
      figures: [{ date: figureDate, population, source: 'staff' }],
    },
  };
}
