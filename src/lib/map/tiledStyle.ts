// The map style drawn from vector tiles (https://maplibre.org/maplibre-style-spec/sources/#vector) with the
// date as global state (https://maplibre.org/maplibre-style-spec/expressions/#global-state) and the verdicts
// of the date as feature state (https://maplibre.org/maplibre-style-spec/expressions/#feature-state).
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { addDays } from '$lib/domain/analysis/series/seriesDates';
import { CHANGES_SOURCE } from './changesLayer';
import { layerGroups, sourceId, type LayerGroup } from './layerGroups';
import { INCIDENT_WINDOW_DAYS } from './mapData';

/** The tile server's path: `/tiles/{layer}/{z}/{x}/{y}.mvt`. */
export const TILES_PATH = '/tiles';
/** The last zoom the server cuts tiles for; the map over-zooms beyond it. */
export const TILES_MAX_ZOOM = 14;

/**
 * What the verdicts of a date set per feature (`MapVerdicts`), by layer group, and what the style draws
 * before they have arrived. The tiles do not carry these: they change with the date.
 */
export const VERDICT_STATE: Partial<Record<LayerGroup, Record<string, string | number | boolean>>> = {
  corridors: { status: 'unknown' },
  sites: { status: 'active', flags: '', besieged: false, population: 0, ipcPhase: 0, famine: false },
  crossings: { status: '' },
};
/** The statuses a crossing's marker and label are drawn for, one layer each (layouts cannot read state). */
const CROSSING_STATUSES = ['open', 'restricted', 'closed'];

/** Paint properties that read no feature state (style spec): they get the value drawn before the verdicts. */
const NO_FEATURE_STATE = new Set(['line-dasharray', 'line-pattern', 'fill-pattern']);
/** The opacity properties that hide a feature whose condition (formerly a filter) does not hold. */
const OPACITY: Record<string, string[]> = {
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity', 'text-opacity'],
  line: ['line-opacity'],
  fill: ['fill-opacity'],
};

type Json = unknown;
const asDate: ExpressionSpecification = ['to-string', ['global-state', 'asOf']];

/** The global state of the style for a date: the style compares each feature's validity with it. */
export function tiledGlobalState(date: string): Record<string, string | number> {
  return {
    asOf: date,
    month: Number(date.slice(5, 7)),
    incidentsFrom: addDays(date, -INCIDENT_WINDOW_DAYS),
  };
}

/** What counts on the date, as `situationOn` decides it: validity intervals, incidents of the window. */
function validityFilter(group: LayerGroup): ExpressionSpecification {
  if (group === 'incidents')
    return [
      'all',
      ['<=', ['to-string', ['get', 'date']], asDate],
      ['>=', ['to-string', ['get', 'date']], ['to-string', ['global-state', 'incidentsFrom']]],
    ];
  const valid: ExpressionSpecification = [
    'all',
    ['<=', ['to-string', ['get', 'from']], asDate],
    ['any', ['==', ['to-string', ['get', 'to']], ''], ['<', asDate, ['to-string', ['get', 'to']]]],
  ];
  return valid;
}

function mentions(value: Json, keys: Record<string, unknown>): boolean {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.values(value).some((v) => mentions(v, keys));
  if (!Array.isArray(value)) return false;
  if (value[0] === 'get' && typeof value[1] === 'string' && value.length === 2 && value[1] in keys)
    return true;
  return value.some((v) => mentions(v, keys));
}

/** `value` with `['get', k]` of the verdict keys replaced by `replace(k)`; road impassability by the month. */
function rewrite(value: Json, keys: Record<string, unknown>, replace: (k: string) => Json): Json {
  // A layout or paint object: each property's expression.
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, keys, replace)]));
  if (!Array.isArray(value)) return value;
  if (value[0] === 'get' && value.length === 2 && typeof value[1] === 'string') {
    if (value[1] in keys) return replace(value[1]);
    if (value[1] === 'impassable')
      return [
        'in',
        ['concat', ',', ['to-string', ['global-state', 'month']], ','],
        ['to-string', ['get', 'imp']],
      ];
    return value;
  }
  if (value[0] === 'literal') return value;
  return value.map((v) => rewrite(v, keys, replace));
}

/** An opacity shown only while `condition` holds, keeping a zoom curve at the top where the spec wants it. */
function gated(value: Json, condition: Json): Json {
  if (value === undefined) return ['case', condition, 1, 0];
  if (Array.isArray(value) && value[0] === 'interpolate' && JSON.stringify(value[2]) === '["zoom"]')
    return value.map((v, i) => (i > 3 && i % 2 === 0 ? ['case', condition, v, 0] : v));
  if (Array.isArray(value) && value[0] === 'step' && JSON.stringify(value[1]) === '["zoom"]')
    return value.map((v, i) => (i >= 2 && i % 2 === 0 ? ['case', condition, v, 0] : v));
  return ['case', condition, value, 0];
}

function tiledLayer(layer: LayerSpecification, group: LayerGroup): LayerSpecification[] {
  const keys = VERDICT_STATE[group] ?? {};
  const fromState = (k: string) => ['coalesce', ['feature-state', k], keys[k]];
  const drawnBefore = (k: string) => ['literal', keys[k]];
  const l = structuredClone(layer) as LayerSpecification & {
    filter?: Json;
    layout?: Record<string, Json>;
    paint?: Record<string, Json>;
  };
  l['source-layer' as keyof typeof l] = group as never;
  const paint: Record<string, Json> = {};
  for (const [k, v] of Object.entries(l.paint ?? {}))
    paint[k] = rewrite(v, keys, NO_FEATURE_STATE.has(k) ? drawnBefore : fromState);
  // A filter on what the verdicts say (a site's flags, siege, lifecycle) cannot read feature state: it
  // becomes a condition on the layer's opacity.
  let filter: Json = l.filter;
  if (filter !== undefined && mentions(filter, keys)) {
    const condition = rewrite(filter, keys, fromState);
    for (const p of OPACITY[l.type] ?? []) paint[p] = gated(paint[p], condition);
    filter = undefined;
  }
  filter =
    filter === undefined
      ? validityFilter(group)
      : ['all', validityFilter(group), rewrite(filter, {}, drawnBefore)];
  const layout = l.layout ?? {};
  const base = { ...l, filter: filter as FilterSpecification, paint: paint as never };
  // A crossing's marker and label name its status: one layer per status, shown where the verdict says so.
  if (group === 'crossings' && mentions(layout, keys)) {
    return CROSSING_STATUSES.map((status) => {
      const p: Record<string, Json> = { ...paint };
      for (const o of OPACITY[l.type] ?? []) p[o] = gated(p[o], ['==', ['feature-state', 'status'], status]);
      return {
        ...base,
        id: `${l.id}:${status}`,
        layout: rewrite(layout, keys, () => status) as never,
        paint: p as never,
      };
    });
  }
  return [{ ...base, layout: rewrite(layout, keys, drawnBefore) as never }];
}

/** Compare mode's outline layers (`changesLayers`) by the groups whose changes they outline. */
const CHANGE_GROUPS: Record<string, LayerGroup[]> = {
  'changes-line': ['corridors'],
  'changes-point': ['sites', 'crossings'],
};
/** Tiled map, compare mode: the ids of the features that changed between the two dates, by layer group. */
export type ChangedIds = Partial<Record<'corridors' | 'sites' | 'crossings', readonly string[]>>;
/** The feature state that marks a feature as changed between the two dates of compare mode. */
export const CHANGED_STATE = 'changed';

/**
 * Compare mode on the tiled map: the page holds no geometry to outline, so each outline layer reads the tiles
 * of the groups it outlines and shows a feature only where the comparison marked it (`CHANGED_STATE`), one
 * layer per group, ids `<layer>:<group>`.
 */
function tiledChangesLayer(layer: LayerSpecification): LayerSpecification[] {
  const changed: Json = ['boolean', ['feature-state', CHANGED_STATE], false];
  return (CHANGE_GROUPS[layer.id] ?? []).map((group) => {
    const paint: Record<string, Json> = { ...(layer.paint as Record<string, Json> | undefined) };
    for (const p of OPACITY[layer.type] ?? []) paint[p] = gated(paint[p], changed);
    return {
      ...layer,
      id: `${layer.id}:${group}`,
      source: sourceId(group),
      'source-layer': group,
      paint,
    } as LayerSpecification;
  });
}

/** The group a style layer draws (by its source), if it is one of the data layers. */
function groupOf(layer: LayerSpecification): LayerGroup | undefined {
  const source = 'source' in layer ? layer.source : undefined;
  return layerGroups.find((g) => sourceId(g) === source);
}

/**
 * `style` (from `buildStyle`) drawn from the server's vector tiles: each layer group's GeoJSON source becomes a
 * vector source of `/tiles/{group}/{z}/{x}/{y}.mvt` (ids promoted from the `id` property, so the verdicts can
 * set feature state), each data layer reads its group's tile layer and draws what counts on the date held in
 * global state (`tiledGlobalState`), and what a date's verdicts decide is read from feature state. A crossing
 * layer whose look names the status is split into one layer per status, ids `<layer>:<status>`.
 *
 * @example tiledStyle(buildStyle({ base }), base).sources['corridor-roads'].type // 'vector'
 */
export function tiledStyle(style: StyleSpecification, base: string, date: string): StyleSpecification {
  const sources = { ...style.sources };
  for (const g of layerGroups)
    sources[sourceId(g)] = {
      type: 'vector',
      tiles: [`${base}${TILES_PATH}/${g}/{z}/{x}/{y}.mvt`],
      maxzoom: TILES_MAX_ZOOM,
      promoteId: 'id',
    };
  const state: Record<string, { default: string | number }> = {};
  for (const [k, v] of Object.entries(tiledGlobalState(date))) state[k] = { default: v };
  return {
    ...style,
    state,
    sources,
    layers: style.layers.flatMap((l) => {
      if ('source' in l && l.source === CHANGES_SOURCE) return tiledChangesLayer(l);
      const g = groupOf(l);
      return g ? tiledLayer(l, g) : [l];
    }),
  };
}
