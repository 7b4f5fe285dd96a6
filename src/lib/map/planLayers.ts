// https://maplibre.org/maplibre-style-spec/
import type { Feature, FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { PlanResult, RoadFeature } from '$lib/domain/schemas';
import { BASEMAP_SOURCE, basemapLabelLayers, basemapLayers } from './basemapLayers';
import { CORRIDOR_STATUS_STYLES } from './corridorsLayer';
import { fontFaces } from './fonts';
import { BASEMAP_PATH } from './style';

export const PLAN_ROADS_SOURCE = 'plan-roads';
export const PLAN_ROUTES_SOURCE = 'plan-routes';
export const PLAN_POINTS_SOURCE = 'plan-points';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });
const statusColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'open',
  CORRIDOR_STATUS_STYLES.open.color,
  'at_risk',
  CORRIDOR_STATUS_STYLES.at_risk.color,
  'blocked',
  CORRIDOR_STATUS_STYLES.blocked.color,
  CORRIDOR_STATUS_STYLES.unknown.color,
];

/**
 * The planner's map: the offline basemap, the road network (thin, so a click can be snapped to a road),
 * the alternatives in grey under the chosen route drawn stretch by stretch in its status colours, and the
 * points that matter (start, end, waypoints, crossings to negotiate, hazards).
 */
export function planStyle(base: string): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    [BASEMAP_SOURCE]: { type: 'geojson', data: `${base}${BASEMAP_PATH}`, attribution: 'Natural Earth' },
    [PLAN_ROADS_SOURCE]: { type: 'geojson', data: empty() },
    [PLAN_ROUTES_SOURCE]: { type: 'geojson', data: empty() },
    [PLAN_POINTS_SOURCE]: { type: 'geojson', data: empty() },
  };
  const layers: LayerSpecification[] = [
    ...basemapLayers(),
    {
      id: 'plan-roads',
      type: 'line',
      source: PLAN_ROADS_SOURCE,
      paint: {
        'line-color': '#8a8f98',
        'line-width': ['match', ['get', 'class'], 'primary', 1.6, 'secondary', 1.1, 0.8],
      },
    },
    ...basemapLabelLayers(),
    {
      id: 'plan-alternative',
      type: 'line',
      source: PLAN_ROUTES_SOURCE,
      filter: ['==', ['get', 'kind'], 'alternative'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#5b6b7a', 'line-width': 4, 'line-opacity': 0.55, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'plan-stretch-casing',
      type: 'line',
      source: PLAN_ROUTES_SOURCE,
      filter: ['==', ['get', 'kind'], 'stretch'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 9 },
    },
    {
      id: 'plan-stretch',
      type: 'line',
      source: PLAN_ROUTES_SOURCE,
      filter: ['==', ['get', 'kind'], 'stretch'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': statusColor, 'line-width': 5 },
    },
    {
      id: 'plan-points',
      type: 'circle',
      source: PLAN_POINTS_SOURCE,
      paint: {
        'circle-radius': ['match', ['get', 'kind'], 'start', 8, 'end', 8, 'crossing', 7, 5],
        'circle-color': [
          'match',
          ['get', 'kind'],
          'start',
          '#1b4f9c',
          'end',
          '#1b4f9c',
          'via',
          '#6a3d9a',
          'crossing',
          '#ffffff',
          CORRIDOR_STATUS_STYLES.at_risk.color,
        ],
        'circle-stroke-color': ['match', ['get', 'kind'], 'crossing', '#1b4f9c', '#ffffff'],
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'plan-points-label',
      type: 'symbol',
      source: PLAN_POINTS_SOURCE,
      filter: ['in', ['get', 'kind'], ['literal', ['start', 'end', 'via', 'crossing']]],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': ['Noto Sans Regular'],
        'text-size': 12,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': '#1d2430', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
  return { version: 8, name: 'Corridor planner', 'font-faces': fontFaces(base), sources, layers };
}

/** The road network as drawn under the routes. */
export function planRoadsData(roads: readonly RoadFeature[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: roads.map((r) => ({
      type: 'Feature',
      geometry: r.geometry,
      properties: { id: r.properties.id, class: r.properties.class },
    })),
  };
}

/** The routes of a plan: the other routes as `alternative` lines, the chosen one as `stretch` lines. */
export function planRoutesData(plan: PlanResult | undefined, chosenRank: number): FeatureCollection {
  const features: Feature[] = [];
  for (const r of plan?.routes ?? [])
    if (r.rank !== chosenRank)
      features.push({
        type: 'Feature',
        geometry: r.geometry,
        properties: { kind: 'alternative', rank: r.rank },
      });
  const chosen = plan?.routes.find((r) => r.rank === chosenRank);
  for (const s of chosen?.stretches ?? [])
    features.push({
      type: 'Feature',
      geometry: s.geometry,
      properties: { kind: 'stretch', status: s.status, fromKm: s.fromKm },
    });
  return { type: 'FeatureCollection', features };
}

/** Start, end, waypoints, and the chosen route's crossings and hazards, as labelled points. */
export function planPointsData(plan: PlanResult | undefined, chosenRank: number): FeatureCollection {
  if (!plan) return empty();
  const point = (kind: string, label: string, coordinates: number[]): Feature => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { kind, label },
  });
  const chosen = plan.routes.find((r) => r.rank === chosenRank);
  return {
    type: 'FeatureCollection',
    features: [
      ...(chosen?.hazards ?? [])
        .filter((h) => !h.code.startsWith('crossing_'))
        .map((h) => point('hazard', h.featureId, h.position)),
      ...(chosen?.crossings ?? []).map((c) => point('crossing', c.name, c.position)),
      ...plan.via.map((v, i) => point('via', `${i + 1}. ${v.name}`, v.position)),
      point('start', plan.from.name, plan.from.position),
      point('end', plan.to.name, plan.to.position),
    ],
  };
}
