import type { Position } from 'geojson';
import { daysBetween } from '../../calendarDays';
import { bboxOfGeometry } from '../../geo/bboxOfGeometry';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { pointSegmentDistanceKm } from '../../geo/pointSegmentDistanceKm';
import { polygonsOf } from '../../geo/polygonsOf';
import type { AreaFeature, IncidentFeature, Reason, Scenario } from '../../schemas';
import { polygonIndexOf } from '../polygonIndexOf';
import { formatKm } from '../reasons';
import { compareStrings } from '../sortById';

/** Incidents of violence against civilians of at least this severity make an actor's record. */
export const MASS_VIOLENCE_MIN_SEVERITY = 2;

/** An area of control that changed hands within the window, taken by an actor with violence on record. */
export interface TakenArea {
  area: AreaFeature;
  /** Areas of other actors that ended the day it began (the previous holders). */
  from: AreaFeature[];
  /** The taker's violence against civilians in the window, latest first. */
  violence: IncidentFeature[];
}

/**
 * The areas in force on `asOf` that were taken within `windowDays` by an actor with recorded violence
 * against civilians (docs/analysis.md, protection). An area A of actor X counts as taken when its
 * `validFrom` is at most `windowDays` before `asOf` and an area of another actor ended (its `validTo`) on
 * that very day: control changed hands there. X's record is its incidents of category
 * `violence_against_civilians` with `actorId` X, severity >= 2, dated within `violenceWindowDays` before
 * `asOf` (anywhere in the situation). Pure; the lists are in id order.
 */
export function takenAreas(
  activeAreas: readonly AreaFeature[],
  allAreas: readonly AreaFeature[],
  incidents: readonly IncidentFeature[],
  asOf: string,
  windowDays: number,
  violenceWindowDays: number,
): TakenArea[] {
  const violenceBy = new Map<string, IncidentFeature[]>();
  for (const inc of incidents) {
    const p = inc.properties;
    if (p.category !== 'violence_against_civilians' || !p.actorId || p.severity < MASS_VIOLENCE_MIN_SEVERITY)
      continue;
    const age = daysBetween(p.date, asOf);
    if (age < 0 || age > violenceWindowDays) continue;
    violenceBy.set(p.actorId, [...(violenceBy.get(p.actorId) ?? []), inc]);
  }
  const out: TakenArea[] = [];
  for (const a of activeAreas) {
    const { validFrom, actorId } = a.properties;
    if (!validFrom) continue;
    const age = daysBetween(validFrom, asOf);
    if (age < 0 || age > windowDays) continue;
    const violence = violenceBy.get(actorId);
    if (!violence) continue;
    const from = allAreas.filter(
      (b) => b.properties.actorId !== actorId && b.properties.validTo === validFrom,
    );
    if (from.length === 0) continue;
    out.push({
      area: a,
      from,
      violence: [...violence].sort(
        (x, y) =>
          compareStrings(y.properties.date, x.properties.date) ||
          compareStrings(x.properties.id, y.properties.id),
      ),
    });
  }
  return out;
}

/** Distance in km from `p` to an area: 0 inside, else to its nearest ring edge. */
function kmToArea(area: AreaFeature, p: Position, radiusKm: number): number {
  const g = area.geometry;
  const box = expandBboxKm(bboxOfGeometry(g), radiusKm);
  if (p[0] < box[0] || p[0] > box[2] || p[1] < box[1] || p[1] > box[3]) return Infinity;
  if (polygonIndexOf(g).contains(p)) return 0;
  let best = Infinity;
  for (const rings of polygonsOf(g))
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++)
        best = Math.min(best, pointSegmentDistanceKm(p, ring[i - 1], ring[i]));
  return best;
}

/**
 * The `protection_mass_violence` reasons of a site at `p`: for each taken area within `radiusKm` of it
 * (inside counts) whose previous holder's area was within `radiusKm` too, one reason naming the area, and
 * one naming the taker's latest incident of violence against civilians.
 */
export function massViolenceReasons(
  taken: readonly TakenArea[],
  scenario: Scenario,
  p: Position,
  radiusKm: number,
  violenceWindowDays: number,
): Reason[] {
  const out: Reason[] = [];
  const actorName = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  for (const t of taken) {
    const d = kmToArea(t.area, p, radiusKm);
    if (d > radiusKm) continue;
    const previous = t.from.filter((b) => kmToArea(b, p, radiusKm) <= radiusKm);
    if (previous.length === 0) continue;
    const ap = t.area.properties;
    const taker = actorName(ap.actorId);
    const latest = t.violence[0];
    out.push({
      code: 'protection_mass_violence',
      featureId: ap.id,
      detail: `${d === 0 ? 'inside' : `${formatKm(d)} from`} "${ap.name}", taken by ${taker} on ${ap.validFrom} from ${previous.map((b) => actorName(b.properties.actorId)).join(' and ')}; ${taker} has ${t.violence.length} recorded incident${t.violence.length === 1 ? '' : 's'} of violence against civilians (severity ≥ ${MASS_VIOLENCE_MIN_SEVERITY}) in ${violenceWindowDays} days`,
    });
    out.push({
      code: 'protection_mass_violence',
      featureId: latest.properties.id,
      detail: `latest violence against civilians by ${taker}: "${latest.properties.name}" on ${latest.properties.date} (severity ${latest.properties.severity})`,
    });
  }
  return out;
}
