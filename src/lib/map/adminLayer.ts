// https://maplibre.org/maplibre-style-spec/layers/#line
import type { LayerSpecification } from 'maplibre-gl';
import { sourceId } from './layerGroups';

const source = sourceId('admin');
const metadata = { 'corridor:group': 'admin' };

/** A neutral grey: administrative boundaries are reference, never a status or a side of the war. */
export const ADMIN_OUTLINE_COLOR = '#8c8c8c';

/**
 * Administrative boundaries as thin grey outlines, drawn under every data layer. No fill: a fill would
 * tint the areas of control, and an outline alone is enough to read which locality a camp is in.
 */
export function adminLayers(): LayerSpecification[] {
  return [
    {
      id: 'admin-outline',
      type: 'line',
      source,
      metadata,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ADMIN_OUTLINE_COLOR,
        // States (level 1) a little wider than localities (level 2 and below).
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          ['match', ['get', 'level'], 0, 1.2, 1, 0.9, 0.4],
          10,
          ['match', ['get', 'level'], 0, 2, 1, 1.5, 0.8],
        ],
        'line-opacity': 0.7,
      },
    },
  ];
}
