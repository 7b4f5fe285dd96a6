// https://maplibre.org/maplibre-style-spec/layers/#line and https://maplibre.org/maplibre-style-spec/layers/#circle
import type { LayerSpecification } from 'maplibre-gl';
import { siteRadius } from './sitesLayer';

/** The selected feature's geometry alone, drawn as a halo over everything but the labels. */
export const SELECTION_SOURCE = 'corridor-selection';
export const SELECTION_COLOR = '#0b57d0';

export function selectionLayers(): LayerSpecification[] {
  return [
    {
      id: 'selection-line',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      // Two parallel lines either side of the feature (a gap as wide as a corridor with its stretches), so
      // the selected line keeps its own colour and dashes: a corridor's status stays readable.
      paint: {
        'line-color': SELECTION_COLOR,
        'line-width': 2.5,
        'line-gap-width': ['interpolate', ['linear'], ['zoom'], 4, 8, 10, 14],
        'line-opacity': 0.9,
      },
    },
    {
      id: 'selection-point',
      type: 'circle',
      source: SELECTION_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        // Just outside the marker: a site's own radius (from its population) plus a margin.
        'circle-radius': siteRadius(8),
        'circle-stroke-color': SELECTION_COLOR,
        'circle-stroke-width': 3.5,
      },
    },
  ];
}
