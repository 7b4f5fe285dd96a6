// https://maplibre.org/maplibre-style-spec/layers/#line and https://maplibre.org/maplibre-style-spec/expressions/#feature-state
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { sourceId } from './layerGroups';
import { m } from '$lib/paraglide/messages';

const source = sourceId('corridors');
const metadata = { 'corridor:group': 'corridors' };

export type CorridorStatusName = 'open' | 'at_risk' | 'blocked' | 'unknown';

/**
 * Corridor look by status. The status comes from the access analysis, either as a `status` feature
 * state set on the map (`MapController.setCorridorStatus`) or as a `status` property (`mapDataOn`'s
 * annotations); until the analysis says anything, a corridor is `unknown` and drawn in a neutral slate.
 *
 * Colours follow the Okabe–Ito palette (bluish green, orange, and a dark red), which stays apart for the
 * common colour-vision deficiencies, and status is never colour alone: at-risk corridors are dashed and
 * blocked ones drawn wider (`dash` in line widths, `widthScale` against the base width).
 */
export const CORRIDOR_STATUS_STYLES: Record<
  CorridorStatusName,
  { label: string; color: string; dash: [number, number]; widthScale: number }
> = {
  open: {
    get label() {
      return m.corridor_status_open();
    },
    color: '#009e73',
    dash: [1, 0],
    widthScale: 1,
  },
  at_risk: {
    get label() {
      return m.corridor_status_at_risk();
    },
    color: '#e69f00',
    dash: [2, 1.2],
    widthScale: 1.1,
  },
  blocked: {
    get label() {
      return m.corridor_status_blocked();
    },
    color: '#b2182b',
    dash: [1, 0],
    widthScale: 1.5,
  },
  unknown: {
    get label() {
      return m.corridor_status_unknown();
    },
    color: '#5b6b7a',
    dash: [1, 0],
    widthScale: 1,
  },
};

/** Base width in px at zoom 4 and 10 (the embed's still image reads them too). */
export const CORRIDOR_WIDTH_Z4 = 2.2;
export const CORRIDOR_WIDTH_Z10 = 5;
const WIDTH_Z4 = CORRIDOR_WIDTH_Z4;
const WIDTH_Z10 = CORRIDOR_WIDTH_Z10;

/** The status to draw: the feature state wins over the property, so the analysis can update it live. */
export function corridorStatus(): ExpressionSpecification {
  return ['coalesce', ['feature-state', 'status'], ['get', 'status'], 'unknown'];
}

export function corridorColor(): ExpressionSpecification {
  return [
    'match',
    corridorStatus(),
    'open',
    CORRIDOR_STATUS_STYLES.open.color,
    'at_risk',
    CORRIDOR_STATUS_STYLES.at_risk.color,
    'blocked',
    CORRIDOR_STATUS_STYLES.blocked.color,
    CORRIDOR_STATUS_STYLES.unknown.color,
  ];
}

/** Width by status, thinner when zoomed out (`extraPx` widens it for the casing). */
export function corridorWidth(extraPx = 0): ExpressionSpecification {
  // Feature state cannot drive a zoom interpolation's stops in every MapLibre version; the property can.
  const scaled = (px: number): ExpressionSpecification => [
    '+',
    extraPx,
    [
      '*',
      px,
      [
        'match',
        ['get', 'status'],
        'at_risk',
        CORRIDOR_STATUS_STYLES.at_risk.widthScale,
        'blocked',
        CORRIDOR_STATUS_STYLES.blocked.widthScale,
        1,
      ],
    ],
  ];
  return ['interpolate', ['linear'], ['zoom'], 4, scaled(WIDTH_Z4), 10, scaled(WIDTH_Z10)];
}

/**
 * Dashes by status (data-driven dashes need MapLibre GL JS 5.8 or later). Dash arrays cannot read feature
 * state, so this follows the `status` property that `mapDataOn` sets.
 */
export function corridorDash(): ExpressionSpecification {
  return [
    'match',
    ['get', 'status'],
    'at_risk',
    ['literal', CORRIDOR_STATUS_STYLES.at_risk.dash],
    ['literal', [1, 0]],
  ];
}

/** The corridors source also holds the analysis' stretches and markers (`part`, see `mapDataOn`). */
export function corridorPartFilter(part: 'corridor' | 'stretch' | 'marker'): ExpressionSpecification {
  // Corridors drawn before `part` existed (or by another data source) count as corridor lines.
  return ['==', ['coalesce', ['get', 'part'], 'corridor'], part];
}

/** Stretches: blocked ones solid and wide, at-risk ones dashed, both on a dark casing over the corridor. */
export const STRETCH_STYLES: Record<'at_risk' | 'blocked', { label: string; color: string }> = {
  blocked: {
    get label() {
      return m.stretch_blocked();
    },
    color: CORRIDOR_STATUS_STYLES.blocked.color,
  },
  at_risk: {
    get label() {
      return m.stretch_at_risk();
    },
    color: CORRIDOR_STATUS_STYLES.at_risk.color,
  },
};
export const STRETCH_CASING_COLOR = '#2b1b1b';

export function stretchColor(): ExpressionSpecification {
  return ['match', ['get', 'status'], 'blocked', STRETCH_STYLES.blocked.color, STRETCH_STYLES.at_risk.color];
}

export function stretchWidth(extraPx = 0): ExpressionSpecification {
  const w = (px: number): ExpressionSpecification => [
    '+',
    extraPx,
    ['match', ['get', 'status'], 'blocked', px * 1.9, px * 1.5],
  ];
  return ['interpolate', ['linear'], ['zoom'], 4, w(WIDTH_Z4), 10, w(WIDTH_Z10)];
}

export function corridorsLayers(): LayerSpecification[] {
  return [
    {
      id: 'corridors-casing',
      type: 'line',
      source,
      metadata,
      filter: corridorPartFilter('corridor'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': corridorWidth(2),
        'line-opacity': 0.75,
      },
    },
    {
      id: 'corridors-line',
      type: 'line',
      source,
      metadata,
      filter: corridorPartFilter('corridor'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': corridorColor(),
        'line-width': corridorWidth(),
        'line-dasharray': corridorDash(),
        'line-opacity': 0.9,
      },
    },
    {
      id: 'corridors-stretch-casing',
      type: 'line',
      source,
      metadata,
      filter: corridorPartFilter('stretch'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': STRETCH_CASING_COLOR, 'line-width': stretchWidth(2.5), 'line-opacity': 0.9 },
    },
    {
      id: 'corridors-stretch',
      type: 'line',
      source,
      metadata,
      filter: corridorPartFilter('stretch'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': stretchColor(),
        'line-width': stretchWidth(),
        'line-dasharray': corridorDash(),
      },
    },
    {
      id: 'corridors-stretch-marker',
      type: 'circle',
      source,
      metadata,
      filter: corridorPartFilter('marker'),
      paint: {
        'circle-color': STRETCH_STYLES.blocked.color,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4.5, 10, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}
