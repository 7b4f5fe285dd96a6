import type { Reason, Scenario } from '../../schemas';
import {
  activeLayersKey,
  type ActiveCrossing,
  type ActiveFrontline,
  type ActiveLayers,
} from '../activeLayers';
import type { RoadNetwork } from '../network/roadNetwork';
import { sortReasons, statusOfReasons, statusRank } from '../reasons';
import { addAreaHazards } from './areaHazards';
import { addConstraintHazards } from './constraintHazards';
import { addCrossingHazards } from './crossingHazards';
import { EdgeReasons } from './edgeReasons';
import { addFrontlineHazards } from './frontlineHazards';
import type { HazardCache } from './hazardCache';
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

/**
 * What does not depend on the front lines (roads valid on the date, areas, incidents, constraints, crossings,
 * seasonal closures), kept by an analyzer for the last date, parameters, month and crossing statuses it saw.
 */
export interface EdgeHazardsMemo {
  key?: string;
  base?: {
    status: Uint8Array;
    routeStatus: Uint8Array;
    /** Reasons per edge as collected. */
    raw: Map<number, Reason[]>;
    /** Sorted reasons by edge index (undefined for an open edge). */
    byEdge: (Reason[] | undefined)[];
    closedNodes: Set<number>;
  };
  /** The reasons per edge of the last call: an edge whose reasons read the same keeps that list. */
  reasons?: EdgeReasonLookup;
  /** The last call's result, on which `base`, and the edges its front lines touched. */
  last?: {
    hazards: EdgeHazards;
    base: NonNullable<EdgeHazardsMemo['base']>;
    edges: readonly number[];
    /** The front lines' reasons per edge, as collected, and the merged lists made of them. */
    frontlineReasons: ReadonlyMap<number, readonly Reason[]>;
    merged: ReadonlyMap<number, Reason[]>;
  };
}

/**
 * Applies every hazard of the as-of date to the road edges (DESIGN.md §3, road segment status). With `memo`,
 * the hazards other than front lines are evaluated once per date, parameters, month and crossing statuses;
 * a re-analysis after a front line moves then only adds the front lines to them.
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
  if (!memo.base || memo.key !== key) {
    memo.key = key;
    memo.base = baseHazards(net, scenario, layers, cache);
  }
  const base = memo.base;
  const status = base.status.slice();
  const routeStatus = base.routeStatus.slice();
  const out = new EdgeReasons((e) => status[e] !== ABSENT);
  const crossline = new Map<number, string[]>();

  const crosslineAt = new Map<number, ActiveCrossing[]>();
  for (const c of layers.crossings) {
    if (c.feature.properties.kind !== 'crossline' || c.status === 'closed') continue;
    const node = net.crossingNode.get(c.feature.properties.id);
    if (node !== undefined) crosslineAt.set(node, [...(crosslineAt.get(node) ?? []), c]);
  }
  for (const f of frontlines)
    addFrontlineHazards(
      net,
      f,
      frontlineLabel(scenario, f),
      layers.params,
      (n) => crosslineAt.get(n) ?? [],
      cache,
      out,
      crossline,
    );

  // The front lines' edges get merged lists over those of the other hazards (which are not copied).
  const merged = new Map<number, Reason[]>();
  // Front-line reasons are new objects on every call; keeping the last list where it reads the same lets the
  // report keep that edge's entry and the site searches see at once that the edge did not change.
  const last = memo.reasons;
  // On the same date and hazards, an edge whose front-line reasons read as in the last call has its merged
  // list and statuses of then: only the edges of a moved line are merged and sorted again (a re-analysis
  // merged the edges of every front line, tens of thousands on a large network).
  const previous = memo.last?.base === base ? memo.last : undefined;
  out.byEdge.forEach((list, edge) => {
    const lastList = previous?.frontlineReasons.get(edge);
    if (previous && lastList && sameReasons(lastList, list)) {
      merged.set(edge, previous.merged.get(edge)!);
      status[edge] = previous.hazards.status[edge];
      routeStatus[edge] = previous.hazards.routeStatus[edge];
      return;
    }
    let sorted = sortReasons([...(base.raw.get(edge) ?? []), ...list]);
    const before = last?.get(edge);
    if (before && sameReasons(before, sorted)) sorted = before;
    merged.set(edge, sorted);
    status[edge] = statusRank[statusOfReasons(sorted)];
    routeStatus[edge] = statusRank[statusOfReasons(sorted.filter((r) => r.code !== 'crossing_closed'))];
  });
  for (const edge of [...crossline.keys()]) if (status[edge] === ABSENT) crossline.delete(edge);
  const reasons = new OverlaidReasons(base.byEdge, merged, net.edges.length);
  memo.reasons = reasons;
  const hazards: EdgeHazards = {
    status,
    routeStatus,
    closedNodes: base.closedNodes,
    reasons,
    crossline,
    dateKey: base,
  };
  // Every other edge has its list of `base` in both calls and no crossline crossing: only the edges the
  // front lines touched in either call can differ.
  const touched = [...out.byEdge.keys(), ...crossline.keys()];
  if (previous) {
    // The last result is only compared with this one: it need not keep the one before it alive.
    previous.hazards.changedFrom = undefined;
    hazards.changedFrom = { before: previous.hazards, edges: [...previous.edges, ...touched] };
  }
  memo.last = { hazards, base, edges: touched, frontlineReasons: out.byEdge, merged };
  return hazards;
}

function baseHazards(
  net: RoadNetwork,
  scenario: Scenario,
  layers: ActiveLayers,
  cache: HazardCache,
): NonNullable<EdgeHazardsMemo['base']> {
  const status = new Uint8Array(net.edges.length).fill(ABSENT);
  // Index loops and Map.forEach rather than for-of with destructuring: this runs once per date, largely before
  // the optimising compiler takes over, where each step of those allocated an iterator result and a pair.
  const edges = net.edges;
  for (let e = 0; e < edges.length; e++) if (layers.roadIds.has(edges[e].roadId)) status[edges[e].index] = 0;
  const out = new EdgeReasons((e) => status[e] !== ABSENT);
  const actors = new Map(scenario.actors.map((a) => [a.id, a]));
  for (const a of layers.areas) addAreaHazards(net, a, actors.get(a.properties.actorId), cache, out);
  for (const i of layers.incidents) addIncidentHazards(net, i, layers.params, cache, out);
  for (const c of layers.constraints)
    if (c.properties.kind === 'siege')
      addSiegeHazards(net, c, actors.get(c.properties.actorId ?? ''), cache, out);
    else addConstraintHazards(net, c, layers.params, cache, out);
  for (const c of layers.crossings) addCrossingHazards(net, c, out);
  addSeasonalHazards(net, layers.month, out);

  // The sorted lists go straight into the array by edge (a map of them beside it was read by nothing), and
  // the status for routing is the edge's status unless a crossing is closed on it: no list is filtered for
  // the hundreds of thousands of edges without one.
  const byEdge: (Reason[] | undefined)[] = [];
  for (let e = 0; e < net.edges.length; e++) byEdge.push(undefined);
  const routeStatus = status.slice();
  out.byEdge.forEach((list, edge) => {
    const s = sortReasons(list);
    byEdge[edge] = s;
    status[edge] = statusRank[statusOfReasons(s)];
    routeStatus[edge] = hasClosedCrossing(s)
      ? statusRank[statusOfReasons(s.filter((r) => r.code !== 'crossing_closed'))]
      : status[edge];
  });
  const closedNodes = new Set<number>();
  for (const c of layers.crossings) {
    const node = net.crossingNode.get(c.feature.properties.id);
    if (c.status === 'closed' && node !== undefined) closedNodes.add(node);
  }
  return { status, routeStatus, raw: out.byEdge, byEdge, closedNodes };
}

function hasClosedCrossing(reasons: readonly Reason[]): boolean {
  for (let i = 0; i < reasons.length; i++) if (reasons[i].code === 'crossing_closed') return true;
  return false;
}

function sameReasons(a: readonly Reason[], b: readonly Reason[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (
      a[i] !== b[i] &&
      (a[i].code !== b[i].code || a[i].featureId !== b[i].featureId || a[i].detail !== b[i].detail)
    )
      return false;
  return true;
}
