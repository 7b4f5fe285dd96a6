import type { RoadNetwork } from '../network/roadNetwork';
import { monthNames } from '../reasons';
import type { EdgeReasons } from './edgeReasons';

/** A road impassable in the as-of month (e.g. a wadi track in the rains) blocks all its edges. */
export function addSeasonalHazards(net: RoadNetwork, month: number, out: EdgeReasons): void {
  for (const e of net.edges) {
    if (!e.road.impassableMonths.includes(month)) continue;
    out.add([e.index], {
      code: 'seasonal_closure',
      featureId: e.roadId,
      detail: `${e.road.class} road "${e.road.name}" is impassable in ${monthNames[month - 1]}`,
    });
  }
}
