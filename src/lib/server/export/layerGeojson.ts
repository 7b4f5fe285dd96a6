import type { ExportFeature } from './layerColumns';

/**
 * A layer as a GeoJSON FeatureCollection (RFC 7946), every stored property kept (dated figures and status
 * histories included) and the feature id also at the top level, where GIS clients look for it.
 */
export function layerGeojson(layer: string, features: ExportFeature[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    name: layer,
    features: features.map((f) => ({
      type: 'Feature',
      id: f.properties.id,
      geometry: f.geometry,
      properties: f.properties,
    })),
  });
}
