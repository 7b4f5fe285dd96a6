import type { Reason } from '../../schemas';
import type { RoadNetwork } from '../network/roadNetwork';
import { monthNames } from '../reasons';
import type { EdgeReasons } from './edgeReasons';

/** A road impassable in the as-of month (e.g. a wadi track in the rains) blocks all its edges. */
export function addSeasonalHazards(net: RoadNetwork, month: number, out: EdgeReasons): void {
  // One reason per road, given at once to its edges (which follow one another): edges with the same reasons
  // then share their list, where an edge given its reason alone got a list of its own.
  let road: RoadNetwork['edges'][number]['road'] | undefined;
  let reason: Reason | undefined;
  const run: number[] = [];
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
    if (e.road !== road || !reason || reason.featureId !== e.roadId) {
      if (reason) out.add(run, reason);
      run.length = 0;
      road = e.road;
      reason = {
        code: 'seasonal_closure',
        featureId: e.roadId,
        detail: `${e.road.class} road "${e.road.name}" is impassable in ${monthNames[month - 1]}`,
      };
    }
    run.push(e.index);
  }
  if (reason) out.add(run, reason);
}
