// https://maplibre.org/maplibre-style-spec/layers/#line and https://maplibre.org/maplibre-style-spec/expressions/#feature-state
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { sourceId } from './layerGroups';

const source = sourceId('corridors');
const metadata = { 'corridor:group': 'corridors' };

export type CorridorStatusName = 'open' | 'at_risk' | 'blocked' | 'unknown';

/**
 * Corridor colour by status. The status comes from the access analysis, either as a `status` feature
 * state set on the map (`MapController.setCorridorStatus`) or as a `status` property (`mapDataOn`'s
 * annotations); until the analysis says anything, a corridor is `unknown` and drawn in a neutral teal that no actor, status or IPC phase uses.
 */
export const CORRIDOR_STATUS_STYLES: Record<CorridorStatusName, { label: string; color: string }> = {
  open: { label: 'Open', color: '#1a9641' },
  at_risk: { label: 'At risk', color: '#f29e00' },
  blocked: { label: 'Blocked', color: '#c40019' },
  unknown: { label: 'Aid corridor', color: '#0e7c86' },
};

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

export function corridorsLayers(): LayerSpecification[] {
  return [
    {
      id: 'corridors-casing',
      type: 'line',
      source,
      metadata,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 9],
        'line-opacity': 0.7,
      },
    },
    {
      id: 'corridors-line',
      type: 'line',
      source,
      metadata,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': corridorColor(),
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2.2, 10, 5],
        'line-opacity': 0.85,
      },
    },
  ];
}
