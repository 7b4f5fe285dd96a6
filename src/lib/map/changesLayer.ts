// https://maplibre.org/maplibre-style-spec/layers/#line and https://maplibre.org/maplibre-style-spec/layers/#circle
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { DateComparison, Situation } from '$lib/domain/schemas';

/**
 * Compare mode: the crossings, corridors and sites that changed between two dates, outlined in one colour
 * (dashed along lines, a ring around points) over their own styles, so the status colours stay readable.
 */
export const CHANGES_SOURCE = 'corridor-changes';
export const CHANGES_COLOR = '#c2185b';

export function changesLayers(): LayerSpecification[] {
  return [
    {
      id: 'changes-line',
      type: 'line',
      source: CHANGES_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: {
        'line-color': CHANGES_COLOR,
        'line-width': 2,
        'line-gap-width': ['interpolate', ['linear'], ['zoom'], 4, 6, 10, 11],
        'line-dasharray': [2, 1.5],
      },
    },
    {
      id: 'changes-point',
      type: 'circle',
      source: CHANGES_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 9, 10, 16],
        'circle-stroke-color': CHANGES_COLOR,
        'circle-stroke-width': 2.5,
      },
    },
  ];
}

/**
 * The features a comparison names, with their geometry from the situation and `subject` (crossing,
 * corridor, site) as a property; features the situation does not hold (not visible to the reader) are left
 * out. Empty without a comparison.
 */
export function changesData(
  situation: Situation | undefined,
  c: DateComparison | undefined,
): FeatureCollection {
  const features: Feature[] = [];
  if (situation && c)
    for (const [subject, changes, layer] of [
      ['corridor', c.corridors, situation.corridors],
      ['crossing', c.crossings, situation.crossings],
      ['site', c.sites, situation.sites],
    ] as const) {
      const ids = new Set(changes.map((x) => x.id));
      for (const f of layer as readonly Feature[])
        if (ids.has(String(f.properties?.id)))
          features.push({
            type: 'Feature',
            geometry: f.geometry,
            properties: { id: f.properties!.id, subject },
          });
    }
  return { type: 'FeatureCollection', features };
}
