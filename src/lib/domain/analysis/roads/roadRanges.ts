import { cumulativeKm } from '../../geo/cumulativeKm';
import type { Reason, RoadFeature, RoadRanges } from '../../schemas';
import type { AnalysisContext } from '../context';
import { corridorIntervals, type KmInterval } from '../corridors/corridorIntervals';
import { sweepPieces } from '../corridors/evaluateCorridor';
import { ABSENT } from '../hazards/evaluateEdgeHazards';
import { monthNames, statusOfReasons } from '../reasons';
import { round3 } from '../round';
import { compareStrings } from '../sortById';

/**
 * Where each road is not open, as ranges in km from the road's start: the hazards measured along the road's
 * own geometry, with the rules corridors follow (corridorIntervals), plus the road's seasonal closure over its
 * whole length. Only the roads some edge of which is not open on this analysis' date (or those of `roadIds`)
 * are looked at, and only their ranges that are not open are given, so the answer grows with what is closed,
 * not with the network. Measured along the road, so a road half inside a denied area is blocked over that
 * half, where its edge (the piece between two junctions) is blocked as a whole.
 */
export function roadRanges(
  ctx: AnalysisContext,
  roads: readonly RoadFeature[],
  roadIds?: readonly string[],
): RoadRanges[] {
  const { net } = ctx;
  const wanted = new Set<string>();
  if (roadIds) for (const id of roadIds) wanted.add(id);
  else
    for (const e of net.edges) {
      const s = ctx.hazards.status[e.index];
      if (s !== ABSENT && s !== 0) wanted.add(e.roadId);
    }
  // A road in force on the date: one of its edges is not ABSENT.
  const roadOf = new Map<string, (typeof net.edges)[number]>();
  for (const e of net.edges)
    if (wanted.has(e.roadId) && ctx.hazards.status[e.index] !== ABSENT && !roadOf.has(e.roadId))
      roadOf.set(e.roadId, e);
  const out: RoadRanges[] = [];
  for (const road of roads) {
    const id = road.properties.id;
    if (!roadOf.has(id)) continue;
    const coords = road.geometry.coordinates;
    const cum = cumulativeKm(coords);
    const total = cum[cum.length - 1];
    const spread: KmInterval[] = corridorIntervals(ctx, road, coords, cum);
    const p = road.properties;
    if (p.impassableMonths.includes(ctx.layers.month)) {
      const reason: Reason = {
        code: 'seasonal_closure',
        featureId: id,
        detail: `${p.class} road "${p.name}" is impassable in ${monthNames[ctx.layers.month - 1]}`,
      };
      spread.push({ fromKm: 0, toKm: total, reason });
    }
    const ranges = sweepPieces(total, spread)
      .filter((piece) => piece.reasons.length > 0)
      .map((piece) => {
        const fromKm = round3(piece.from);
        const toKm = round3(piece.to);
        return {
          status: statusOfReasons(piece.reasons),
          fromKm,
          toKm,
          lengthKm: round3(toKm - fromKm),
          reasons: piece.reasons,
        };
      });
    if (ranges.length > 0) out.push({ roadId: id, lengthKm: round3(total), ranges });
  }
  return out.sort((a, b) => compareStrings(a.roadId, b.roadId));
}
