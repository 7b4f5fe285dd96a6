import countries110m from 'world-atlas/countries-110m.json';
import countries50m from 'world-atlas/countries-50m.json';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { basemapGeoJson } from '$lib/map/basemapGeoJson';

// The offline basemap: Natural Earth countries (world-atlas), 1:50m around the scenario (its extent and this
// margin) and 1:110m beyond, which keeps the map page inside its transfer budget (README "Light on a slow
// link"). Served to the browser by `/basemap/countries.geojson` and drawn by the embed's still image.
const MARGIN_DEG = 3;
type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Box = [number, number, number, number];

let built: { key: string; basemap: ReturnType<typeof basemapGeoJson> } | undefined;

/** The basemap around `extent`, built once per process (the scenario's extent does not change while it runs). */
export function countriesBasemap(extent: Box): ReturnType<typeof basemapGeoJson> {
  const key = extent.join(',');
  if (built?.key === key) return built.basemap;
  const [w, s, e, n] = extent;
  const region: Box = [
    Math.max(-180, w - MARGIN_DEG),
    Math.max(-90, s - MARGIN_DEG),
    Math.min(180, e + MARGIN_DEG),
    Math.min(90, n + MARGIN_DEG),
  ];
  const basemap = basemapGeoJson(countries50m as unknown as Countries, {
    coarse: countries110m as unknown as Countries,
    region,
  });
  built = { key, basemap };
  return basemap;
}
