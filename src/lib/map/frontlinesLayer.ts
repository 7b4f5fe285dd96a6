// https://maplibre.org/maplibre-style-spec/layers/#line
import type { LayerSpecification } from 'maplibre-gl';
import { sourceId } from './layerGroups';

const source = sourceId('frontlines');
const metadata = { 'corridor:group': 'frontlines' };

/** Near-black on a white casing: no other layer uses it, so a front line is never mistaken for a road. */
export const FRONTLINE_COLOR = '#1b1b1b';

export function frontlinesLayers(): LayerSpecification[] {
  return [
    {
      id: 'frontlines-casing',
      type: 'line',
      source,
      metadata,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 8],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'frontlines-line',
      type: 'line',
      source,
      metadata,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': FRONTLINE_COLOR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 10, 4],
        'line-dasharray': [4, 1.5],
      },
    },
  ];
}
