import type { AreaFeature, ConstraintFeature, IncidentFeature, Reason, Scenario } from '../../schemas';
import {
  activeLayersKey,
  datelessLayersKey,
  type ActiveCrossing,
  type ActiveFrontline,
  type ActiveLayers,
} from '../activeLayers';
import type { RoadNetwork } from '../network/roadNetwork';
import { sameReasons, sortReasons, statusOfReasons, statusRank } from '../reasons';
import { PatchedRaw, patchedBase, routeRank, type Given, type RawReasons } from './patchedBaseHazards';
import { addAreaHazards } from './areaHazards';
import { addConstraintHazards } from './constraintHazards';
import { addCrossingHazards } from './crossingHazards';
import { EdgeReasons } from './edgeReasons';
import { frontlineContribution, type FrontlineContribution } from './frontlineHazards';
import type { HazardCache } from './hazardCache';
import { HazardsOfDate } from './hazardsOfDate';
import { addIncidentHazards } from './incidentHazards';
import { addSeasonalHazards } from './seasonalHazards';
import { OverlaidReasons, type EdgeReasonLookup } from './overlaidReasons';
import { addSiegeHazards } from './siegeHazards';

/** Status rank per edge (0 open, 1 at risk, 2 blocked) or ABSENT for roads not valid on the date. */
export const ABSENT = 255;

export interface EdgeHazards {
  status: Uint8Array;
  /**
   * Status for routing: as `status` but without `crossing_closed`, which routing enforces at the crossing's
   * junction instead (it may be reached, not passed), so a site at a closed crossing stays reachable.
   */
  routeStatus: Uint8Array;
  /** Junctions of closed crossings: a path may end there but not pass. */
  closedNodes: Set<number>;
  /** Sorted reasons of every edge that is not open. */
  reasons: EdgeReasonLookup;
  /** Edges that pass a front line at an open crossline crossing, with the crossing ids. */
  crossline: Map<number, string[]>;
  /**
   * The same object while the roads in force, the month and every hazard other than the front lines are the
   * same (what is made once per date, parameters and crossing statuses): what depends only on those can be
   * kept while it is.
   */
  dateKey: object;
  /**
   * The edges whose reasons or crossline crossings can differ from those of `before` (the same analyzer's
   * last call, on the same date and hazards other than front lines): the only ones a re-analysis needs to
   * compare. Absent when every edge can differ.
   */
  changedFrom?: { before: EdgeHazards; edges: readonly number[] };
}

/** `"Name" (Actor A / Actor B)` */
export function frontlineLabel(scenario: Scenario, f: ActiveFrontline): string {
  const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  return `"${f.name}" (${name(f.actorIds[0])} / ${name(f.actorIds[1])})`;
}

/** What does not depend on the front lines, made once per date, parameters, month and crossing statuses. */
interface BaseHazards {
  status: Uint8Array;
  routeStatus: Uint8Array;
  /** Reasons per edge as collected. */
  raw: RawReasons;
  /** Sorted reasons by edge index (undefined for an open edge). */
  byEdge: (Reason[] | undefined)[];
  closedNodes: Set<number>;
  /** What it was made from: the next date's base is this one patched where only these features differ. */
  made: BaseMade;
}

/** The inputs of a base other than the date, and what each area, incident and constraint gave the edges. */
interface BaseMade {
  /** `datelessLayersKey`: the month, parameters and crossing statuses. */
  key: string;
  roadIds: ReadonlySet<string>;
  areas: readonly AreaFeature[];
  incidents: readonly IncidentFeature[];
  constraints: readonly ConstraintFeature[];
  /** By feature, those that gave a reason. */
  given: Map<object, Given>;
}

/**
 * The most features a date may change, as a share of those in force, for its base to be patched (and the most
 * edges patches may have changed since the base was made whole, as a share of the edges).
 */
const PATCH_SHARE = 0.25;

/** The front lines' part of the hazards on one `base`, as the last call left it. */
interface FrontlineState {
  base: BaseHazards;
  /** The merged lists of the edges the front lines touch, over the base lists. */
  overlay: OverlaidReasons;
  /** What each line of the last call did, by id (a repeated id gets `#n`), and the lines in their order. */
  lines: Map<string, FrontlineContribution>;
  /** The front lines' reasons per edge as collected, each line's own objects. */
  raw: Map<number, Reason[]>;
  /** 1 for an edge already listed as changed in the current call (cleared before it returns). */
  mark: Uint8Array;
  hazards?: EdgeHazards;
}

/**
 * What an analyzer keeps between calls: the hazards other than front lines (roads valid on the date, areas,
 * incidents, constraints, crossings, seasonal closures) for the last date, parameters, month and crossing
 * statuses it saw, and on them what each front line did.
 */
export interface EdgeHazardsMemo {
  key?: string;
  base?: BaseHazards;
  front?: FrontlineState;
  /** The reasons per edge of the last call: an edge whose reasons read the same keeps that list. */
  reasons?: EdgeReasonLookup;
}

/**
 * Applies every hazard of the as-of date to the road edges (DESIGN.md §3, road segment status). With `memo`,
 * the hazards other than front lines are evaluated once per date, parameters, month and crossing statuses,
 * and each front line's effect once per geometry on them: a re-analysis after a front line moves takes out
 * what the line did before, adds what it does now, and merges and sorts again only the edges of either.
 */
export function evaluateEdgeHazards(
  net: RoadNetwork,
  scenario: Scenario,
  layers: ActiveLayers,
  frontlines: readonly ActiveFrontline[],
  cache: HazardCache,
  memo: EdgeHazardsMemo = {},
): EdgeHazards {
  const key = activeLayersKey(layers);
  // On another date with the same roads, month, parameters and crossings, the edges whose base reasons changed
  // (the base is then the last one patched where features entered or left, patchedBaseHazards.ts).
  let baseChanged: readonly number[] | undefined;
  if (!memo.base || memo.key !== key) {
    memo.key = key;
    const patched = memo.base && patchBase(memo.base, net, scenario, layers, cache);
    baseChanged = patched?.changed;
    memo.base = patched?.base ?? baseHazards(net, scenario, layers, cache);
  }
  const base = memo.base;
  // The hazards of the last call, when made on the base just patched: this call says which edges can differ.
  const lastFront = baseChanged ? memo.front : undefined;
  const edgeCount = net.edges.length;
  const kept = memo.front?.base === base ? memo.front : undefined;
  const front: FrontlineState = kept ?? {
    base,
    overlay: new OverlaidReasons(base.byEdge, edgeCount),
    lines: new Map(),
    raw: new Map(),
    mark: new Uint8Array(edgeCount),
  };
  const previous = kept?.hazards;

  const crosslineAt = new Map<number, ActiveCrossing[]>();
  for (const c of layers.crossings) {
    if (c.feature.properties.kind !== 'crossline' || c.status === 'closed') continue;
    const node = net.crossingNode.get(c.feature.properties.id);
    if (node !== undefined) crosslineAt.set(node, [...(crosslineAt.get(node) ?? []), c]);
  }
  const crosslineCrossingsAt = (n: number) => crosslineAt.get(n) ?? [];
  const inForce = (e: number) => base.status[e] !== ABSENT;

  // The edges whose front-line reasons or crossline passages can differ from the last call's: those of the
  // lines that moved, appeared or went (before and after).
  const { raw, mark } = front;
  const changed: number[] = [];
  const touch = (e: number) => {
    if (mark[e] === 0) {
      mark[e] = 1;
      changed.push(e);
    }
  };
  const addTo = (edges: readonly number[], reason: Reason) => {
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i];
      const list = raw.get(e);
      if (list) list.push(reason);
      else raw.set(e, [reason]);
      touch(e);
    }
  };
  const takeFrom = (edges: readonly number[], reason: Reason) => {
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i];
      const list = raw.get(e);
      if (list) {
        const rest = list.filter((r) => r !== reason);
        if (rest.length > 0) raw.set(e, rest);
        else raw.delete(e);
      }
      touch(e);
    }
  };
  const add = (c: FrontlineContribution) => {
    addTo(c.buffered, c.bufferReason);
    addTo(c.crossing, c.crossingReason);
    for (let i = 0; i < c.crosslineEdges.length; i++) touch(c.crosslineEdges[i]);
  };
  const remove = (c: FrontlineContribution) => {
    takeFrom(c.buffered, c.bufferReason);
    takeFrom(c.crossing, c.crossingReason);
    for (let i = 0; i < c.crosslineEdges.length; i++) touch(c.crosslineEdges[i]);
  };

  const lines = new Map<string, FrontlineContribution>();
  const inOrder: FrontlineContribution[] = [];
  for (const f of frontlines) {
    let id = f.id;
    for (let n = 2; lines.has(id); n++) id = `${f.id}#${n}`;
    const label = frontlineLabel(scenario, f);
    const old = front.lines.get(id);
    let c = old;
    if (!c || c.geometryKey !== f.geometryKey || c.label !== label) {
      c = frontlineContribution(net, f, label, layers.params, crosslineCrossingsAt, cache, inForce);
      if (old) remove(old);
      add(c);
    }
    lines.set(id, c);
    inOrder.push(c);
  }
  front.lines.forEach((old, id) => {
    if (!lines.has(id)) remove(old);
  });
  front.lines = lines;

  // Only the changed edges are merged and sorted again; an edge whose list reads as before keeps it (the
  // report then keeps its entry, and the site searches see at once that it did not change). On a new date the
  // lists are compared with the last call's.
  const status = (previous ?? base).status.slice();
  const routeStatus = (previous ?? base).routeStatus.slice();
  const { overlay } = front;
  const before = previous ? undefined : memo.reasons;
  for (let i = 0; i < changed.length; i++) {
    const edge = changed[i];
    mark[edge] = 0;
    const list = raw.get(edge);
    if (!list) {
      overlay.set(edge, undefined);
      status[edge] = base.status[edge];
      routeStatus[edge] = base.routeStatus[edge];
      continue;
    }
    // Most changed edges have no other hazard (their list is the front lines' alone) and no closed crossing
    // (their status for routing is their status): no list is joined or filtered for those.
    const other = base.raw.get(edge);
    let sorted = sortReasons(other ? [...other, ...list] : list);
    const prior = previous ? overlay.current(edge) : before?.get(edge);
    if (prior && sameReasons(prior, sorted)) sorted = prior;
    overlay.set(edge, sorted);
    status[edge] = statusRank[statusOfReasons(sorted)];
    routeStatus[edge] = routeRank(sorted);
  }
  // The passages, few, are listed again in the lines' order: where two lines pass the same edge, the later one's
  // crossings are those given.
  const crossline = new Map<number, string[]>();
  for (const c of inOrder)
    for (let i = 0; i < c.crosslineEdges.length; i++) crossline.set(c.crosslineEdges[i], c.crosslineVia[i]);

  const reasons = overlay.commit();
  memo.reasons = reasons;
  const hazards: EdgeHazards = new HazardsOfDate(
    status,
    routeStatus,
    base.closedNodes,
    reasons,
    crossline,
    base,
    undefined,
  );
  if (previous) {
    // The last result is only compared with this one: it need not keep the one before it alive.
    previous.changedFrom = undefined;
    hazards.changedFrom = { before: previous, edges: changed };
  } else if (baseChanged && lastFront?.hazards) {
    // A patched base: the edges it changed, and those of the front lines then and now (made again on the new
    // base), are the only ones whose reasons, crossline passages or statuses can differ from the last call's.
    const before = lastFront.hazards;
    before.changedFrom = undefined;
    hazards.changedFrom = {
      before,
      edges: edgesOnce(net.edges.length, [
        baseChanged,
        changed,
        [...lastFront.raw.keys()],
        [...before.crossline.keys()],
      ]),
    };
  }
  front.hazards = hazards;
  memo.front = front;
  return hazards;
}

/** Each edge of the lists once, in the order first met. */
function edgesOnce(edgeCount: number, lists: readonly (readonly number[])[]): number[] {
  const seen = new Uint8Array(edgeCount);
  const out: number[] = [];
  for (const list of lists)
    for (let i = 0; i < list.length; i++)
      if (seen[list[i]] === 0) {
        seen[list[i]] = 1;
        out.push(list[i]);
      }
  return out;
}

/** The areas, incidents and constraints of a date, by kind. */
interface FeatureLists {
  areas: readonly AreaFeature[];
  incidents: readonly IncidentFeature[];
  constraints: readonly ConstraintFeature[];
}

/**
 * Gives the edges the hazards of some areas, incidents and constraints in force, each through `out.add` (once
 * or not at all), recording in `given` what each feature gave.
 */
function addFeatureHazards(
  net: RoadNetwork,
  scenario: Scenario,
  params: ActiveLayers['params'],
  cache: HazardCache,
  features: FeatureLists,
  out: Pick<EdgeReasons, 'add'>,
  given: Map<object, Given>,
): void {
  const actors = new Map(scenario.actors.map((a) => [a.id, a]));
  let feature: object | undefined;
  const sink = {
    add: (edges: ArrayLike<number>, reason: Reason) => {
      out.add(edges, reason);
      given.set(feature!, { edges, reason });
    },
  };
  for (const a of features.areas) {
    feature = a;
    addAreaHazards(net, a, actors.get(a.properties.actorId), cache, sink);
  }
  for (const i of features.incidents) {
    feature = i;
    addIncidentHazards(net, i, params, cache, sink);
  }
  for (const c of features.constraints) {
    feature = c;
    if (c.properties.kind === 'siege')
      addSiegeHazards(net, c, actors.get(c.properties.actorId ?? ''), cache, sink);
    else addConstraintHazards(net, c, params, cache, sink);
  }
}

/**
 * The base of `layers` made from `last` (another date's) where the two differ only by some areas, incidents and
 * constraints in force; undefined when more differs, or too many features for a patch to be worth it.
 */
function patchBase(
  last: BaseHazards,
  net: RoadNetwork,
  scenario: Scenario,
  layers: ActiveLayers,
  cache: HazardCache,
): { base: BaseHazards; changed: readonly number[] } | undefined {
  const made = last.made;
  if (made.roadIds !== layers.roadIds || made.key !== datelessLayersKey(layers)) return undefined;
  // Patches made one on another keep a growing map of the edges they changed: past a quarter of the edges,
  // the base is made whole again.
  if (last.raw instanceof PatchedRaw && last.raw.over.size > PATCH_SHARE * net.edges.length) return undefined;
  const gone: object[] = [];
  let count = 0;
  // The features of one kind in force now and not then (those then and not now are added to `gone`).
  const diff = <T extends object>(before: readonly T[], now: readonly T[]): T[] => {
    if (before === now) return [];
    const was = new Set<object>(before);
    const is = new Set<object>(now);
    for (const f of before) if (!is.has(f)) gone.push(f);
    const added = now.filter((f) => !was.has(f));
    count += added.length;
    return added;
  };
  const added: FeatureLists = {
    areas: diff(made.areas, layers.areas),
    incidents: diff(made.incidents, layers.incidents),
    constraints: diff(made.constraints, layers.constraints),
  };
  const inForce = layers.areas.length + layers.incidents.length + layers.constraints.length;
  if (count + gone.length > PATCH_SHARE * inForce) return undefined;
  const given = new Map(made.given);
  const goneGiven: Given[] = [];
  for (const f of gone) {
    const g = given.get(f);
    if (g) goneGiven.push(g);
    given.delete(f);
  }
  const addedGiven: Given[] = [];
  addFeatureHazards(
    net,
    scenario,
    layers.params,
    cache,
    added,
    { add: (edges, reason) => addedGiven.push({ edges, reason }) },
    given,
  );
  const lists = patchedBase(last, goneGiven, addedGiven, (e) => last.status[e] !== ABSENT);
  return {
    base: {
      status: lists.status,
      routeStatus: lists.routeStatus,
      raw: lists.raw,
      byEdge: lists.byEdge,
      closedNodes: last.closedNodes,
      made: {
        ...made,
        areas: layers.areas,
        incidents: layers.incidents,
        constraints: layers.constraints,
        given,
      },
    },
    changed: lists.changed,
  };
}

function baseHazards(
  net: RoadNetwork,
  scenario: Scenario,
  layers: ActiveLayers,
  cache: HazardCache,
): BaseHazards {
  const status = new Uint8Array(net.edges.length).fill(ABSENT);
  // Index loops and Map.forEach rather than for-of with destructuring: this runs once per date, largely before
  // the optimising compiler takes over, where each step of those allocated an iterator result and a pair.
  const edges = net.edges;
  // A road's edges follow one another: the set of roads in force is asked once per road, not per edge.
  let roadId: string | undefined;
  let inForce = false;
  for (let e = 0; e < edges.length; e++) {
    const id = edges[e].roadId;
    if (id !== roadId) {
      roadId = id;
      inForce = layers.roadIds.has(id);
    }
    if (inForce) status[edges[e].index] = 0;
  }
  const out = new EdgeReasons(edges.length, (e) => status[e] !== ABSENT);
  const given = new Map<object, Given>();
  addFeatureHazards(net, scenario, layers.params, cache, layers, out, given);
  for (const c of layers.crossings) addCrossingHazards(net, c, out);
  addSeasonalHazards(net, layers.month, out);

  // The sorted lists go straight into the array by edge (a map of them beside it was read by nothing), and
  // the status for routing is the edge's status unless a crossing is closed on it: no list is filtered for
  // the hundreds of thousands of edges without one. Edges with the same collected list share its sorted
  // list and statuses, made once.
  const byEdge: (Reason[] | undefined)[] = new Array<Reason[] | undefined>(edges.length).fill(undefined);
  const routeStatus = status.slice();
  const sortedLists: (Reason[] | undefined)[] = new Array<Reason[] | undefined>(out.listCount).fill(
    undefined,
  );
  const listStatus = new Uint8Array(out.listCount);
  const listRouteStatus = new Uint8Array(out.listCount);
  for (let i = 0; i < out.edges.length; i++) {
    const edge = out.edges[i];
    const k = out.listNumber(edge);
    let s = sortedLists[k];
    if (!s) {
      s = sortedLists[k] = sortReasons(out.get(edge)!);
      listStatus[k] = statusRank[statusOfReasons(s)];
      listRouteStatus[k] = routeRank(s);
    }
    byEdge[edge] = s;
    status[edge] = listStatus[k];
    routeStatus[edge] = listRouteStatus[k];
  }
  const closedNodes = new Set<number>();
  for (const c of layers.crossings) {
    const node = net.crossingNode.get(c.feature.properties.id);
    if (c.status === 'closed' && node !== undefined) closedNodes.add(node);
  }
  const made: BaseMade = {
    key: datelessLayersKey(layers),
    roadIds: layers.roadIds,
    areas: layers.areas,
    incidents: layers.incidents,
    constraints: layers.constraints,
    given,
  };
  return { status, routeStatus, raw: out, byEdge, closedNodes, made };
}
