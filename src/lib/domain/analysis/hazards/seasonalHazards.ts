import type { Reason } from '../../schemas';
import type { RoadNetwork } from '../network/roadNetwork';
import { monthNames } from '../reasons';
import type { EdgeReasons } from './edgeReasons';

/** A road impassable in the as-of month (e.g. a wadi track in the rains) blocks all its edges. */
export function addSeasonalHazards(net: RoadNetwork, month: number, out: EdgeReasons): void {
  const runs = closedRunsIn(net, month);
  for (let i = 0; i < runs.length; i++) out.add(runs[i].edges, runs[i].reason);
}

/** The edges of one road closed in a month, which follow one another, and their reason. */
interface ClosedRun {
  edges: number[];
  road: RoadNetwork['edges'][number]['road'];
  reason: Reason;
}

/**
 * The closed runs of each network by month, made the first time a month is asked for: every date's hazards
 * gave each closed road a new reason, its detail text made again (tens of megabytes over a few dates on the
 * grid), and walked every edge to find them. A reason is never changed once made, so a month's are shared by
 * every date in it.
 */
const runsByNetwork = new WeakMap<RoadNetwork, ClosedRun[][]>();

function closedRunsIn(net: RoadNetwork, month: number): ClosedRun[] {
  let byMonth = runsByNetwork.get(net);
  if (!byMonth) {
    byMonth = [];
    runsByNetwork.set(net, byMonth);
  }
  return (byMonth[month] ??= closedRuns(net, month));
}

function closedRuns(net: RoadNetwork, month: number): ClosedRun[] {
  // One reason per road, given at once to its edges: edges with the same reasons then share their list, where
  // an edge given its reason alone got a list of its own.
  const runs: ClosedRun[] = [];
  let run: ClosedRun | undefined;
  const edges = net.edges;
  // Whether the month closes the road of the last edge read, asked once per road.
  let lastRoad: RoadNetwork['edges'][number]['road'] | undefined;
  let closed = false;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.road !== lastRoad) {
      lastRoad = e.road;
      closed = e.road.impassableMonths.includes(month);
    }
    if (!closed) continue;
    // A run goes on over edges of other roads, which are not closed, until the next closed edge of another
    // road (or of another id).
    if (!run || e.road !== run.road || run.reason.featureId !== e.roadId) {
      run = {
        edges: [],
        road: e.road,
        reason: {
          code: 'seasonal_closure',
          featureId: e.roadId,
          detail: `${e.road.class} road "${e.road.name}" is impassable in ${monthNames[month - 1]}`,
        },
      };
      runs.push(run);
    }
    run.edges.push(e.index);
  }
  return runs;
}
