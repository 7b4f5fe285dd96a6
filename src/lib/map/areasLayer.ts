// https://maplibre.org/maplibre-style-spec/layers/#fill and https://maplibre.org/maplibre-style-spec/layers/#line
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { sourceId } from './layerGroups';
import { hatchImageName } from './patterns';
import { m } from '$lib/paraglide/messages';

const source = sourceId('areas');
const metadata = { 'corridor:group': 'areas' };

/** How each confidence is drawn, for the map and its legend alike. */
export const confidenceStyles = {
  assessed: {
    get label() {
      return m.confidence_assessed();
    },
    fillOpacity: 0.32,
    hatched: false,
    dashed: false,
  },
  claimed: {
    get label() {
      return m.confidence_claimed();
    },
    fillOpacity: 0.14,
    hatched: false,
    dashed: true,
  },
  contested: {
    get label() {
      return m.confidence_contested();
    },
    fillOpacity: 0.08,
    hatched: true,
    dashed: true,
  },
} as const;
export type ConfidenceName = keyof typeof confidenceStyles;

/** Assessed areas are solid; claimed and contested ones lighter, so the eye reads them as less certain. */
export function areaFillOpacity(): ExpressionSpecification {
  return [
    'match',
    ['get', 'confidence'],
    'assessed',
    confidenceStyles.assessed.fillOpacity,
    'claimed',
    confidenceStyles.claimed.fillOpacity,
    'contested',
    confidenceStyles.contested.fillOpacity,
    0.2,
  ];
}

/** The hatch image in the actor's colour (images are made on demand by `patterns.ts`). */
export function areaHatchPattern(): ExpressionSpecification {
  return ['concat', hatchImageName(''), ['downcase', ['slice', ['to-string', ['get', 'color']], 1]]];
}

/** Solid outline for assessed control, dashed for anything less certain. */
export function areaOutlineDash(): ExpressionSpecification {
  return ['match', ['get', 'confidence'], 'assessed', ['literal', [1, 0]], ['literal', [3, 2]]];
}

/** The ring of a siege in force: dark and heavy, dashed like a cordon. */
export const SIEGE_RING_COLOR = '#161616';
export const SIEGE_RING_WIDTH = 3;
export const SIEGE_RING_DASH = [2, 1.2];

/** Siege rings share the areas' source (`part: 'siege'`); the area layers leave them out. */
export function areaPartFilter(): ExpressionSpecification {
  return ['!=', ['get', 'part'], 'siege'];
}

export function siegeRingFilter(): ExpressionSpecification {
  return ['==', ['get', 'part'], 'siege'];
}

export function areasLayers(): LayerSpecification[] {
  return [
    {
      id: 'areas-fill',
      type: 'fill',
      source,
      metadata,
      filter: areaPartFilter(),
      paint: { 'fill-color': ['get', 'color'], 'fill-opacity': areaFillOpacity() },
    },
    {
      id: 'areas-hatch',
      type: 'fill',
      source,
      metadata,
      filter: ['all', areaPartFilter(), ['==', ['get', 'confidence'], 'contested']],
      paint: { 'fill-pattern': areaHatchPattern(), 'fill-opacity': 0.75 },
    },
    {
      id: 'areas-outline',
      type: 'line',
      source,
      metadata,
      filter: areaPartFilter(),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'color'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 9, 2],
        'line-opacity': 0.8,
        'line-dasharray': areaOutlineDash(),
      },
    },
    {
      // A siege ring in force (a `siege` constraint): a convoy cannot pass it (docs/analysis.md).
      id: 'areas-siege',
      type: 'line',
      source,
      metadata,
      filter: siegeRingFilter(),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': SIEGE_RING_COLOR,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 9, SIEGE_RING_WIDTH + 1],
        'line-dasharray': ['literal', SIEGE_RING_DASH],
      },
    },
  ];
}
