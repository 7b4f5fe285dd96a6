import type { Position } from 'geojson';
import { crossingStatusOn, isValidOn } from '../asOf';
import { dayNumber } from '../calendarDays';
import { linesOf } from '../geo/linesOf';
import type {
  AnalysisOverrides,
  AnalysisParams,
  AreaFeature,
  ConstraintFeature,
  CorridorFeature,
  CrossingFeature,
  CrossingStatus,
  IncidentFeature,
  SiteFeature,
  Situation,
} from '../schemas';
import { AnalysisInputError } from './errors';
import { LayersOfDate } from './layersOfDate';
import { byId, compareStrings } from './sortById';

/** A front line in force on the as-of date. `geometryKey` is stable while its course is unchanged (cache key). */
export interface ActiveFrontline {
  id: string;
  name: string;
  actorIds: [string, string];
  origin: 'drawn' | 'override' | 'derived';
  lines: Position[][];
  geometryKey: object;
}

export interface ActiveCrossing {
  feature: CrossingFeature;
  status: CrossingStatus;
  /** Date of the status entry in force, or null when an override forced it. */
  since: string | null;
}

/**
 * The layers as they stand on the as-of date, overrides applied, each in id order. Nothing is copied deeply;
 * the lists of valid features are shared by the analyses of one date, so no one may mutate them.
 */
export interface ActiveLayers {
  asOf: string;
  month: number;
  params: AnalysisParams;
  areas: AreaFeature[];
  /** Drawn and overridden front lines (derived ones are added by the analyzer). */
  frontlines: ActiveFrontline[];
  sites: SiteFeature[];
  crossings: ActiveCrossing[];
  roadIds: Set<string>;
  corridors: CorridorFeature[];
  incidents: IncidentFeature[];
  constraints: ConstraintFeature[];
}

/**
 * What every layer but the front lines depends on besides the features themselves: the date, month,
 * parameters and crossing statuses. The analyzer's memos of hazards and site reports hold while it is the same.
 */
export function activeLayersKey(layers: ActiveLayers): string {
  let key = layersKeys.get(layers);
  if (key === undefined) {
    key = `[${JSON.stringify(layers.asOf)},${JSON.stringify(layers.month)},${JSON.stringify(layers.params)},${crossingsKey(layers.crossings)}]`;
    layersKeys.set(layers, key);
  }
  return key;
}

// The key is asked for twice per analysis (the edge hazards, the site access), and its crossings' part, the
// largest (some thousands of crossings at the walks' size), is the same while the crossings list is: the
// analyses of one date share that list (`activeLayersOn`). Each is written once, as JSON.stringify would
// write the whole.
const layersKeys = new WeakMap<ActiveLayers, string>();
const crossingsKeys = new WeakMap<readonly ActiveCrossing[], string>();

function crossingsKey(crossings: readonly ActiveCrossing[]): string {
  let key = crossingsKeys.get(crossings);
  if (key === undefined) {
    key = JSON.stringify(crossings.map((c) => [c.feature.properties.id, c.status, c.since]));
    crossingsKeys.set(crossings, key);
  }
  return key;
}

/**
 * `activeLayersKey` without the date: the month, parameters and crossing statuses. Two dates with the same one
 * (and the same roads in force) differ in the hazards other than front lines only by the areas, incidents and
 * constraints in force (hazards/patchedBaseHazards.ts).
 */
export function datelessLayersKey(layers: ActiveLayers): string {
  return `[${JSON.stringify(layers.month)},${JSON.stringify(layers.params)},${crossingsKey(layers.crossings)}]`;
}

/**
 * The part of `activeLayersKey` that the site searches' trees of paths read besides the edge hazards and the
 * crossings at each junction (compared junction by junction, access/searchChanges.ts): the parameters.
 */
export function routeLayersKey(layers: ActiveLayers): string {
  return JSON.stringify(layers.params);
}

/**
 * Selects what counts on `asOf` (DESIGN.md §3: `validFrom <= date < validTo`, incidents inside the window,
 * crossings with a status by then) and applies the overrides to copies of the features they touch.
 * `activeLayersOn(situation)` sorts every layer by id and reads the incidents' dates once; the function it
 * returns selects a date's layers from those (an analyzer makes it once and calls it per analysis).
 */
export function activeLayersOn(
  situation: Situation,
): (asOf: string, params: AnalysisParams, overrides: AnalysisOverrides) => ActiveLayers {
  const sorted = {
    crossings: [...situation.crossings].sort(byId),
    frontlines: [...situation.frontlines].sort(byId),
    areas: [...situation.areas].sort(byId),
    sites: [...situation.sites].sort(byId),
    roads: [...situation.roads].sort(byId),
    corridors: [...situation.corridors].sort(byId),
    constraints: [...situation.constraints].sort(byId),
  };
  const incidents = [...situation.incidents].sort(byId);
  const incidentDays = Float64Array.from(incidents, (i) => dayNumber(i.properties.date));
  const boundaries = boundariesOf(sorted);
  // What is valid on a date depends on the date alone: kept for the last date, so that re-analyses on it
  // (a front line moved, a crossing forced) do not filter the 50,000 roads and build their id set again.
  let last: { asOf: string; valid: ValidOn } | undefined;
  const lastLists: LastLists = {};
  const allCrossingIds = new Set(situation.crossings.map((c) => c.properties.id));
  return (asOf, params, overrides) => {
    if (last?.asOf !== asOf) last = { asOf, valid: validOn(sorted, boundaries, asOf, last) };
    return selectLayers(
      situation,
      allCrossingIds,
      last.valid,
      incidents,
      incidentDays,
      asOf,
      params,
      overrides,
      lastLists,
    );
  };
}

type DatedLayers = Pick<
  Situation,
  'crossings' | 'frontlines' | 'areas' | 'sites' | 'roads' | 'corridors' | 'constraints'
>;

/**
 * Per layer, every date on which a feature of it starts or stops being valid (its `validFrom` and `validTo`),
 * each once, in string order (the order `isValidOn` compares dates in).
 */
type Boundaries = Record<keyof DatedLayers, string[]>;

function boundariesOf(sorted: DatedLayers): Boundaries {
  const of = (list: readonly { properties: { validFrom?: string; validTo?: string } }[]) => {
    const dates = new Set<string>();
    for (const { properties: p } of list) {
      if (p.validFrom !== undefined) dates.add(p.validFrom);
      if (p.validTo !== undefined) dates.add(p.validTo);
    }
    return [...dates].sort(compareStrings);
  };
  return {
    crossings: of(sorted.crossings),
    frontlines: of(sorted.frontlines),
    areas: of(sorted.areas),
    sites: of(sorted.sites),
    roads: of(sorted.roads),
    corridors: of(sorted.corridors),
    constraints: of(sorted.constraints),
  };
}

/**
 * Whether a feature can be valid on one of two dates and not on the other: only if one of its boundaries `t`
 * lies between them, earlier < t <= later (`validFrom <= date` and `date < validTo` both turn at `t`).
 */
function boundaryBetween(boundaries: readonly string[], a: string, b: string): boolean {
  const [earlier, later] = a < b ? [a, b] : [b, a];
  // The first boundary after the earlier date, by bisection.
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boundaries[mid] <= earlier) lo = mid + 1;
    else hi = mid;
  }
  return lo < boundaries.length && boundaries[lo] <= later;
}

/** The features of each layer valid on a date, in id order (shared by the calls on that date: never mutated). */
interface ValidOn {
  crossings: CrossingFeature[];
  frontlines: Situation['frontlines'];
  areas: AreaFeature[];
  sites: SiteFeature[];
  roadIds: Set<string>;
  corridors: CorridorFeature[];
  constraints: ConstraintFeature[];
}

/**
 * The features of each layer valid on `asOf`. A layer none of whose boundaries lies between the last date and
 * this one has the same features valid on both: its list (or the roads' id set) is the last one, not filtered
 * again. Most layers have few dated features or none, so a date change mostly filters the few that do.
 */
function validOn(
  sorted: DatedLayers,
  boundaries: Boundaries,
  asOf: string,
  last: { asOf: string; valid: ValidOn } | undefined,
): ValidOn {
  const same = (layer: keyof DatedLayers) =>
    last !== undefined && !boundaryBetween(boundaries[layer], last.asOf, asOf);
  // Filtering a list sorted by id keeps it in id order (as sorting the filtered list would: the sort is stable).
  const valid = <T extends { properties: { validFrom?: string; validTo?: string } }>(
    layer: keyof DatedLayers,
    list: T[],
    lastValid: T[] | undefined,
  ): T[] => (lastValid && same(layer) ? lastValid : list.filter((f) => isValidOn(f.properties, asOf)));
  const lastValid = last?.valid;
  return {
    crossings: valid('crossings', sorted.crossings, lastValid?.crossings),
    frontlines: valid('frontlines', sorted.frontlines, lastValid?.frontlines),
    areas: valid('areas', sorted.areas, lastValid?.areas),
    sites: valid('sites', sorted.sites, lastValid?.sites),
    roadIds:
      lastValid && same('roads')
        ? lastValid.roadIds
        : new Set(sorted.roads.filter((r) => isValidOn(r.properties, asOf)).map((r) => r.properties.id)),
    corridors: valid('corridors', sorted.corridors, lastValid?.corridors),
    constraints: valid('constraints', sorted.constraints, lastValid?.constraints),
  };
}

/**
 * The incidents and crossings of the last call and what they were made from: a re-analysis on the same date
 * and window with the same forced crossings (a front line moved) takes the same lists, rather than making
 * them again, with an object per crossing, for each re-analysis to keep until the next.
 */
interface LastLists {
  incidents?: { asOf: string; windowDays: number; list: IncidentFeature[] };
  crossings?: { asOf: string; valid: CrossingFeature[]; forced: string; list: ActiveCrossing[] };
}

function selectLayers(
  situation: Situation,
  allCrossingIds: ReadonlySet<string>,
  valid: ValidOn,
  sortedIncidents: IncidentFeature[],
  incidentDays: Float64Array,
  asOf: string,
  params: AnalysisParams,
  overrides: AnalysisOverrides,
  last: LastLists,
): ActiveLayers {
  const windowDays = params.incidentWindowDays;
  const lastIncidents = last.incidents;
  const incidents =
    lastIncidents?.asOf === asOf && lastIncidents.windowDays === windowDays
      ? lastIncidents.list
      : incidentsInWindow(sortedIncidents, incidentDays, asOf, windowDays);
  last.incidents = { asOf, windowDays, list: incidents };

  const forced = new Map(overrides.crossings.map((c) => [c.id, c.status]));
  for (const id of forced.keys())
    if (!allCrossingIds.has(id))
      throw new AnalysisInputError(`override names crossing "${id}", which does not exist`);
  const forcedKey = JSON.stringify([...forced]);
  const lastCrossings = last.crossings;
  const crossings =
    lastCrossings?.asOf === asOf &&
    lastCrossings.valid === valid.crossings &&
    lastCrossings.forced === forcedKey
      ? lastCrossings.list
      : crossingsOn(valid.crossings, forced, asOf);
  last.crossings = { asOf, valid: valid.crossings, forced: forcedKey, list: crossings };

  const frontlines = new Map<string, ActiveFrontline>();
  for (const f of valid.frontlines)
    frontlines.set(f.properties.id, {
      id: f.properties.id,
      name: f.properties.name,
      actorIds: f.properties.actorIds,
      origin: 'drawn',
      lines: linesOf(f.geometry),
      geometryKey: f.geometry,
    });
  const allLines = new Map(situation.frontlines.map((f) => [f.properties.id, f]));
  const actorIds = new Set(situation.scenario.actors.map((a) => a.id));
  for (const o of overrides.frontlines) {
    if (o.remove) {
      frontlines.delete(o.id);
      continue;
    }
    const stored = allLines.get(o.id);
    const actors = o.actorIds ?? stored?.properties.actorIds;
    const geometry = o.geometry ?? stored?.geometry;
    if (!actors || !geometry)
      throw new AnalysisInputError(`override adds front line "${o.id}": give both actorIds and geometry`);
    for (const a of actors)
      if (!actorIds.has(a))
        throw new AnalysisInputError(`override for front line "${o.id}" names unknown actor "${a}"`);
    frontlines.set(o.id, {
      id: o.id,
      name: o.name ?? stored?.properties.name ?? o.id,
      actorIds: actors,
      origin: 'override',
      lines: linesOf(geometry),
      geometryKey: geometry,
    });
  }

  return new LayersOfDate({
    asOf,
    month: overrides.month ?? Number(asOf.slice(5, 7)),
    params,
    areas: valid.areas,
    frontlines: [...frontlines.values()].sort((a, b) => compareStrings(a.id, b.id)),
    sites: valid.sites,
    crossings,
    roadIds: valid.roadIds,
    corridors: valid.corridors,
    incidents,
    constraints: valid.constraints,
  });
}

/** The incidents (in id order) dated within `windowDays` whole days before `asOf`, or on it. */
function incidentsInWindow(
  sortedIncidents: readonly IncidentFeature[],
  incidentDays: Float64Array,
  asOf: string,
  windowDays: number,
): IncidentFeature[] {
  // Same as isInWindow(date, asOf, window): whole days between two midnights UTC.
  const asOfDay = dayNumber(asOf);
  const incidents: IncidentFeature[] = [];
  for (let i = 0; i < sortedIncidents.length; i++) {
    const age = asOfDay - incidentDays[i];
    if (age >= 0 && age <= windowDays) incidents.push(sortedIncidents[i]);
  }
  return incidents;
}

/** The crossings valid on `asOf` that have a status by then or a forced one, with that status. */
function crossingsOn(
  valid: readonly CrossingFeature[],
  forced: ReadonlyMap<string, CrossingStatus>,
  asOf: string,
): ActiveCrossing[] {
  const crossings: ActiveCrossing[] = [];
  for (const c of valid) {
    const f = forced.get(c.properties.id);
    if (f) {
      crossings.push({ feature: c, status: f, since: null });
      continue;
    }
    const s = crossingStatusOn(c, asOf);
    if (s) crossings.push({ feature: c, status: s.status, since: s.since });
  }
  return crossings;
}
