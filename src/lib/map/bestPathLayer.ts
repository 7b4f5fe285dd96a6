// https://maplibre.org/maplibre-style-spec/layers/#line
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { AnalysisReport } from '$lib/domain/schemas';

/**
 * The best path from a supply hub to the selected site (the analysis' `bestPath`), drawn over corridors and
 * front lines and under the sites, so the eye follows it from the hub to the place.
 */
export const BEST_PATH_SOURCE = 'corridor-best-path';
export const BEST_PATH_COLOR = '#3b2a9e';

export function bestPathLayers(): LayerSpecification[] {
  return [
    {
      id: 'best-path-casing',
      type: 'line',
      source: BEST_PATH_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 7, 10, 12],
        'line-opacity': 0.9,
      },
    },
    {
      id: 'best-path-line',
      type: 'line',
      source: BEST_PATH_SOURCE,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': BEST_PATH_COLOR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 3.5, 10, 7],
        'line-dasharray': [1.6, 0.8],
      },
    },
  ];
}

/**
 * The best path of site `siteId` in `report` as one feature (properties: the site, the hub, km), or an
 * empty collection when the site has none (cut off, a hub itself, or not a site).
 *
 * @example bestPathData(report, 'sd_zamzam').features[0].properties.fromHubId // 'td_abeche'
 */
export function bestPathData(
  report: AnalysisReport | undefined,
  siteId: string | undefined,
): FeatureCollection<LineString> {
  const site = siteId ? report?.sites.find((s) => s.id === siteId) : undefined;
  const path = site?.bestPath;
  const features: Feature<LineString>[] =
    site && path && path.geometry.coordinates.length > 1
      ? [
          {
            type: 'Feature',
            geometry: path.geometry,
            properties: { id: site.id, fromHubId: path.fromHubId, lengthKm: path.lengthKm },
          },
        ]
      : [];
  return { type: 'FeatureCollection', features };
}
