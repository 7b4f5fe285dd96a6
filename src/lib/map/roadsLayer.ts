// https://maplibre.org/maplibre-style-spec/layers/#line
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { sourceId } from './layerGroups';
import { m } from '$lib/paraglide/messages';

const source = sourceId('roads');
const metadata = { 'corridor:group': 'roads' };

export type RoadClassName = 'primary' | 'secondary' | 'track';

/** Road classes in neutral browns, darker and wider for bigger roads, so they never read as a status. */
export const ROAD_CLASS_STYLES: Record<RoadClassName, { label: string; color: string; width: number }> = {
  primary: {
    get label() {
      return m.road_primary();
    },
    color: '#5e5245',
    width: 2.4,
  },
  secondary: {
    get label() {
      return m.road_secondary();
    },
    color: '#867866',
    width: 1.6,
  },
  track: {
    get label() {
      return m.road_track();
    },
    color: '#a1927d',
    width: 1.1,
  },
};

export function roadColor(): ExpressionSpecification {
  return [
    'match',
    ['get', 'class'],
    'primary',
    ROAD_CLASS_STYLES.primary.color,
    'secondary',
    ROAD_CLASS_STYLES.secondary.color,
    ROAD_CLASS_STYLES.track.color,
  ];
}

/** Width by class, thinner when zoomed out. */
export function roadWidth(): ExpressionSpecification {
  const byClass = (scale: number): ExpressionSpecification => [
    'match',
    ['get', 'class'],
    'primary',
    ROAD_CLASS_STYLES.primary.width * scale,
    'secondary',
    ROAD_CLASS_STYLES.secondary.width * scale,
    ROAD_CLASS_STYLES.track.width * scale,
  ];
  return ['interpolate', ['linear'], ['zoom'], 4, byClass(0.6), 10, byClass(1.4)];
}

/** Tracks are dashed; a road impassable in the as-of month (rainy season) is dotted. */
export function roadDash(): ExpressionSpecification {
  return [
    'case',
    ['get', 'impassable'],
    ['literal', [0.6, 1.6]],
    ['==', ['get', 'class'], 'track'],
    ['literal', [3, 1.5]],
    ['literal', [1, 0]],
  ];
}

export function roadsLayers(): LayerSpecification[] {
  return [
    {
      id: 'roads-line',
      type: 'line',
      source,
      metadata,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': roadColor(),
        'line-width': roadWidth(),
        'line-dasharray': roadDash(),
        'line-opacity': ['case', ['get', 'impassable'], 0.6, 0.9],
      },
    },
  ];
}
