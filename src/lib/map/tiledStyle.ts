// The map style drawn from vector tiles (https://maplibre.org/maplibre-style-spec/sources/#vector), with all
// that depends on the date read from feature state
// (https://maplibre.org/maplibre-style-spec/expressions/#feature-state): whether a feature counts on the
// date, a road's impassability in its month, and the verdicts of the date. Nothing reads global state: a
// global-state value in a filter, a layout or a data-driven paint property makes MapLibre reload and
// re-parse every tile of the layer's source on each change (`Style._applyGlobalStateChanges`), which took
// tens of seconds per date change at a tenth of Sudan scale; a feature-state change only updates the paint
// of the features it names.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { CHANGES_SOURCE } from './changesLayer';
import { layerGroups, sourceId, type LayerGroup } from './layerGroups';

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
  // A road impassable in the date's month (`DateVisibility.impassable`).
  roads: { impassable: false },
};
/** The feature state saying whether a feature counts on the date (`DateVisibility`). */
export const SHOWN_STATE = 'shown';
/**
 * Whether a feature counts on the date when its `SHOWN_STATE` is not set: an incident only when the date's
 * window holds it, any other feature unless the date is outside its validity interval.
 */
export function shownByDefault(group: LayerGroup): boolean {
  return group !== 'incidents';
}

/**
 * Layers whose look names a verdict in a property that cannot read feature state (a layout, a dash pattern):
 * one layer per value, ids `<layer>:<value>`, each shown where the feature state has that value.
 */
const SPLIT: Partial<Record<LayerGroup, { key: string; values: (string | boolean)[]; names: string[] }>> = {
  // A crossing's marker and label name its status.
  crossings: {
    key: 'status',
    values: ['open', 'restricted', 'closed'],
    names: ['open', 'restricted', 'closed'],
  },
  // An impassable road is dotted (`roadDash`).
  roads: { key: 'impassable', values: [false, true], names: ['passable', 'impassable'] },
};

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

function mentions(value: Json, keys: Record<string, unknown>): boolean {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.values(value).some((v) => mentions(v, keys));
  if (!Array.isArray(value)) return false;
  if (value[0] === 'get' && typeof value[1] === 'string' && value.length === 2 && value[1] in keys)
    return true;
  return value.some((v) => mentions(v, keys));
}

/** `value` with `['get', k]` of the verdict keys replaced by `replace(k)`. */
function rewrite(value: Json, keys: Record<string, unknown>, replace: (k: string) => Json): Json {
  // A layout or paint object: each property's expression.
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, keys, replace)]));
  if (!Array.isArray(value)) return value;
  if (value[0] === 'get' && value.length === 2 && typeof value[1] === 'string') {
    if (value[1] in keys) return replace(value[1]);
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
  // Whether the feature counts on the date, and a filter on what the verdicts say (a site's flags, siege,
  // lifecycle), become a condition on the layer's opacity: filters cannot read feature state, and one
  // reading the date would reload the tiles. A filter on what the tiles carry stays.
  const conditions: Json[] = [['boolean', ['feature-state', SHOWN_STATE], shownByDefault(group)]];
  let filter: Json = l.filter;
  if (filter !== undefined && mentions(filter, keys)) {
    conditions.push(rewrite(filter, keys, fromState));
    filter = undefined;
  }
  const layout = l.layout ?? {};
  const split = SPLIT[group];
  const fixedPaint = Object.entries(l.paint ?? {}).filter(([k]) => NO_FEATURE_STATE.has(k));
  const variants =
    split && mentions([layout, Object.fromEntries(fixedPaint)], { [split.key]: true })
      ? split.values.map((value, i) => ({ id: `${l.id}:${split.names[i]}`, key: split.key, value }))
      : [undefined];
  return variants.map((v) => {
    const p: Record<string, Json> = { ...paint };
    const when = v
      ? [...conditions, ['==', ['coalesce', ['feature-state', v.key], keys[v.key]], v.value]]
      : conditions;
    const condition = when.length === 1 ? when[0] : ['all', ...when];
    for (const o of OPACITY[l.type] ?? []) p[o] = gated(p[o], condition);
    // What cannot read feature state gets the variant's value (or the value drawn before the verdicts).
    const fixed = (k: string) => (v && k === v.key ? v.value : drawnBefore(k));
    for (const k of NO_FEATURE_STATE) if (k in p) p[k] = rewrite((l.paint ?? {})[k], keys, fixed);
    const out = {
      ...l,
      id: v ? v.id : l.id,
      layout: rewrite(layout, keys, fixed) as never,
      paint: p as never,
    };
    if (filter === undefined) delete out.filter;
    else out.filter = rewrite(filter, {}, drawnBefore) as never;
    return out as LayerSpecification;
  });
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
 * set feature state), each data layer reads its group's tile layer, and what counts on a date and what its
 * verdicts decide is read from feature state (`SHOWN_STATE`, `VERDICT_STATE`). A layer whose look names a
 * verdict where feature state cannot be read is split into one layer per value (`SPLIT`): ids
 * `crossings-icon:open`, `roads-line:impassable`…
 *
 * @example tiledStyle(buildStyle({ base }), base).sources['corridor-roads'].type // 'vector'
 */
export function tiledStyle(style: StyleSpecification, base: string): StyleSpecification {
  const sources = { ...style.sources };
  for (const g of layerGroups)
    sources[sourceId(g)] = {
      type: 'vector',
      tiles: [`${base}${TILES_PATH}/${g}/{z}/{x}/{y}.mvt`],
      maxzoom: TILES_MAX_ZOOM,
      promoteId: 'id',
    };
  return {
    ...style,
    sources,
    layers: style.layers.flatMap((l) => {
      if ('source' in l && l.source === CHANGES_SOURCE) return tiledChangesLayer(l);
      const g = groupOf(l);
      return g ? tiledLayer(l, g) : [l];
    }),
  };
}

/**
 * Whether the tiled style draws a feature of `group` in the layer `layerId` with the feature state `state`:
 * the feature counts on the date, and a layer split by a verdict (`SPLIT`) draws only its own value. A
 * rendered-features query returns features drawn fully transparent too: clicks and lists ask this.
 */
export function isDrawn(layerId: string, group: LayerGroup, state: Record<string, unknown> = {}): boolean {
  const shown = state[SHOWN_STATE];
  if (!(typeof shown === 'boolean' ? shown : shownByDefault(group))) return false;
  const split = SPLIT[group];
  const name = layerId.slice(layerId.lastIndexOf(':') + 1);
  const i = split && layerId.includes(':') ? split.names.indexOf(name) : -1;
  if (!split || i < 0) return true;
  return (state[split.key] ?? VERDICT_STATE[group]?.[split.key]) === split.values[i];
}
