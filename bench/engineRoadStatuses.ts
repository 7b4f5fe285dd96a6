/**
 * The engine on the question the PostGIS query of bench/postgis.ts answers, and on nothing more: each road's
 * worst status on a date. A new analyzer is built (its graph and indexes, as PostGIS's load builds its GIST
 * indexes), then the hazards of the date are applied to its edges (`Analyzer.context`): no corridors, sites,
 * routes or report, which the full analysis adds and the query has no counterpart for. So the two can be
 * compared on the same work, with the same answers checked road by road.
 */
import { createAnalyzer } from '../src/lib/domain/analysis';
import { ABSENT } from '../src/lib/domain/analysis/hazards/evaluateEdgeHazards';
import type { AnalysisParamsInput, AnalysisReport } from '../src/lib/domain/analysis';
import type { Situation } from '../src/lib/domain/schemas';

export type RoadStatus = 'at_risk' | 'blocked';

export interface EngineRoadStatuses {
  /** `createAnalyzer`: the graph and its indexes. */
  buildMs: number;
  /** The date's hazards on every edge, on the new analyzer (nothing of an earlier date cached). */
  hazardsMs: number;
  /** Worst status per road that is not open. */
  statusByRoad: Map<string, RoadStatus>;
}

const BY_RANK: readonly (RoadStatus | undefined)[] = [undefined, 'at_risk', 'blocked'];

export function engineRoadStatuses(
  situation: Situation,
  asOf: string,
  params?: AnalysisParamsInput,
): EngineRoadStatuses {
  const a = performance.now();
  const analyzer = createAnalyzer(situation);
  const b = performance.now();
  const { net, hazards } = analyzer.context(asOf, params);
  const c = performance.now();
  const statusByRoad = new Map<string, RoadStatus>();
  for (let i = 0; i < net.edges.length; i++) {
    const rank = hazards.status[i];
    const status = rank === ABSENT ? undefined : BY_RANK[rank];
    if (!status) continue;
    const road = net.edges[i].roadId;
    if (status === 'blocked' || !statusByRoad.has(road)) statusByRoad.set(road, status);
  }
  return { buildMs: b - a, hazardsMs: c - b, statusByRoad };
}

/** Worst status per road id in a report (roads are split into segments at junctions). */
export function roadStatuses(report: AnalysisReport): Map<string, RoadStatus> {
  const out = new Map<string, RoadStatus>();
  for (const s of report.segments) {
    if (s.status === 'blocked') out.set(s.roadId, 'blocked');
    else if (s.status === 'at_risk' && !out.has(s.roadId)) out.set(s.roadId, 'at_risk');
  }
  return out;
}

/** How many of the roads have the same status (open when absent) in both maps. */
export function sameStatusCount(
  roads: readonly { properties: { id: string } }[],
  a: ReadonlyMap<string, RoadStatus>,
  b: ReadonlyMap<string, RoadStatus>,
): number {
  let same = 0;
  for (const road of roads) {
    const id = road.properties.id;
    if ((a.get(id) ?? 'open') === (b.get(id) ?? 'open')) same++;
  }
  return same;
}
