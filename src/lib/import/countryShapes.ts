// Country outlines for the "plots in another country" check, from a Natural Earth TopoJSON such as
// `world-atlas/countries-50m.json` (the app's basemap). Its ids are ISO 3166-1 numeric codes.
import { bbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { toAlpha3 } from './countryCodes';
import type { CountryShape } from './types';

/**
 * One shape per country with an ISO code (Natural Earth's disputed areas without one are left out).
 *
 * @example countryShapesFromTopology(countries50m).find((c) => c.iso3 === 'TCD')?.name // 'Chad'
 */
export function countryShapesFromTopology(
  topology: Topology<{ countries: GeometryCollection<{ name: string }> }>,
): CountryShape[] {
  const out: CountryShape[] = [];
  for (const f of feature(topology, topology.objects.countries).features) {
    const g = f.geometry as Polygon | MultiPolygon | null;
    const iso3 = f.id === undefined ? undefined : toAlpha3(String(f.id));
    if (!g || !iso3) continue;
    out.push({ iso3, name: f.properties?.name ?? iso3, geometry: g, bbox: bbox(g) as CountryShape['bbox'] });
  }
  return out;
}
