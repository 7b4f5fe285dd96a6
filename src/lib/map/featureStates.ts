import type { MapVerdicts } from './mapVerdicts';
import { SHOWN_STATE } from './tiledStyle';

/** One feature's state on the tiled map: the values its layers' paint reads (`tiledStyle.ts`). */
export type FeatureStateValues = Record<string, string | number | boolean>;
/** Feature states by layer group, then by feature id. */
export type FeatureStates = Record<string, Map<string, FeatureStateValues>>;

/**
 * The feature state of each feature the verdicts of a date name: the status of corridors and crossings, what
 * the style draws a site with, and what counts on the date (`DateVisibility`: short lists, so no tile reloads).
 * Plain loops into maps that build each feature's object once: at Sudan scale (19,000 features named on a date)
 * the entries copied into arrays, the copies spread again for the date's visibility and the objects of ids were
 * most of applying a date's verdicts.
 *
 * @example featureStatesOf(v).sites.get('zamzam')?.famine
 */
export function featureStatesOf(v: MapVerdicts): FeatureStates {
  const corridors = new Map<string, FeatureStateValues>();
  for (const id in v.corridors) corridors.set(id, { status: v.corridors[id].status });
  const sites = new Map<string, FeatureStateValues>();
  for (const id in v.sites) {
    const s = v.sites[id];
    sites.set(id, {
      status: s.status,
      flags: s.flags,
      besieged: s.besieged,
      population: s.population,
      ipcPhase: s.ipcPhase,
      famine: s.famine,
    });
  }
  const crossings = new Map<string, FeatureStateValues>();
  for (const id in v.crossings) crossings.set(id, { status: v.crossings[id] });
  const states: FeatureStates = { corridors, sites, crossings };
  const set = (group: string, id: string, key: string, value: boolean) => {
    const inGroup = (states[group] ??= new Map());
    const state = inGroup.get(id);
    if (state) state[key] = value;
    else inGroup.set(id, { [key]: value });
  };
  for (const [group, ids] of Object.entries(v.visibility.hidden))
    for (const id of ids ?? []) set(group, id, SHOWN_STATE, false);
  for (const id of v.visibility.incidents) set('incidents', id, SHOWN_STATE, true);
  for (const id of v.visibility.impassable) set('roads', id, 'impassable', true);
  return states;
}

/** What `diffFeatureStates` asks the map to do for one feature. */
export interface FeatureStateChanges {
  /** Drop every value the feature has: it goes back to its group's default. */
  remove(id: string): void;
  /** Set these values on the feature. */
  set(id: string, state: FeatureStateValues): void;
}

/**
 * Tells `to` only what differs between the states of one group on the date drawn before and on the new one:
 * a feature-state change re-evaluates the paint of each feature it names, in every loaded tile (tens of
 * thousands of features at Sudan scale). A feature the new date does not name goes back to its default (a
 * crossing without a status is not drawn); one that lost a value is removed, then set, as MapLibre merges a
 * set into what the feature had.
 *
 * @example diffFeatureStates(new Map([['a', { status: 'open' }]]), new Map([['a', { status: 'blocked' }]]), map)
 */
export function diffFeatureStates(
  before: ReadonlyMap<string, FeatureStateValues>,
  now: ReadonlyMap<string, FeatureStateValues>,
  to: FeatureStateChanges,
): void {
  for (const id of before.keys()) if (!now.has(id)) to.remove(id);
  for (const [id, state] of now) {
    const was = before.get(id);
    if (was === undefined) {
      to.set(id, state);
      continue;
    }
    // Compared key by key, without arrays of keys: most features keep their state from one day to the next.
    let same = true;
    for (const k in state)
      if (!(k in was) || was[k] !== state[k]) {
        same = false;
        break;
      }
    let dropped = false;
    for (const k in was)
      if (!(k in state)) {
        dropped = true;
        break;
      }
    if (same && !dropped) continue;
    if (dropped) to.remove(id);
    to.set(id, state);
  }
}
