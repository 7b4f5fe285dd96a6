import type { Position } from 'geojson';
import { bboxOfGeometry } from '../../geo/bboxOfGeometry';
import { createBoxIndex, type BoxIndex } from '../../geo/createBoxIndex';
import { expandBboxKm, expandBoxKmInto } from '../../geo/expandBboxKm';
import type { AreaFeature, IncidentFeature, Reason, Scenario } from '../../schemas';
import type { ActiveFrontline } from '../activeLayers';
import type { AnalysisContext } from '../context';
import { segmentBox } from '../frontlines/frontlineSegments';
import { frontlineLabel } from '../hazards/evaluateEdgeHazards';
import { severeIncidentsOf } from './severeIncidents';
import type { TakenArea } from './takenAreas';
import { sameItems } from '../sameItems';
import { changedFeatures } from '../changedFeatures';

/**
 * A site's reasons made by `protectionReasons` (front lines, contested areas, incidents) and by
 * `massViolenceReasons`, in the order made. Kept from one analysis to the next where nothing they are made
 * from changed near the site; never mutated.
 */
export interface SiteProtection {
  own: readonly Reason[];
  massViolence: readonly Reason[];
}

/**
 * What every site's protection and mass-violence reasons are made from in one analysis, besides the site's
 * position and the analyzer's scenario: the parameters (radius, counts, windows), the front lines in force,
 * the contested areas, the incidents that count (severity and window) and the areas taken.
 */
export interface ProtectionInputs {
  params: string;
  frontlines: readonly ActiveFrontline[];
  contested: readonly AreaFeature[];
  severe: readonly IncidentFeature[];
  taken: readonly TakenArea[];
}

export function protectionInputsOf(ctx: AnalysisContext, taken: readonly TakenArea[]): ProtectionInputs {
  return {
    params: JSON.stringify(ctx.layers.params),
    frontlines: ctx.frontlines,
    contested: ctx.hazardAreas.filter((a) => a.properties.confidence === 'contested'),
    severe: severeIncidentsOf(ctx.layers.incidents, ctx.activeIncidents).list,
    taken,
  };
}

/**
 * A test of whether the protection reasons of a site at a position can differ between the analysis of
 * `last` and that of `now`, or undefined when any site's can (other parameters, or no last analysis). What
 * changed between the two is found once: front lines that appeared, ended, moved or were renamed; contested
 * areas that began or ended; incidents that entered or left the window (a one-day step moves the window
 * at both ends) or the set of severity ≥ 2; taken areas that appeared, ended, or whose previous holders or
 * taker's record of violence changed (a record is counted anywhere, so an incident far away changes the
 * reasons of every site near the areas its actor took). A site is tested with the very boxes the reasons
 * search with (protectionReasons.ts, takenAreas.ts): nothing changed in them, its reasons are the same.
 */
export function protectionChangedNear(
  last: ProtectionInputs | undefined,
  now: ProtectionInputs,
  scenario: Scenario,
  radiusKm: number,
): ((position: Position) => boolean) | undefined {
  if (!last || last.params !== now.params) return undefined;

  const segments = changedFrontlineSegments(last.frontlines, now.frontlines, scenario);
  const segmentIndex = createBoxIndex(segments.length / 4, (i) => [
    segments[4 * i],
    segments[4 * i + 1],
    segments[4 * i + 2],
    segments[4 * i + 3],
  ]);
  const areas = changedFeatures(last.contested, now.contested);
  const areaIndex = boxIndexOf(areas.map((a) => bboxOfGeometry(a.geometry)));
  const incidents = changedFeatures(last.severe, now.severe);
  const incidentIndex = boxIndexOf(
    incidents.map(
      ({
        geometry: {
          coordinates: [x, y],
        },
      }) => [x, y, x, y] as const,
    ),
  );
  const taken = changedTaken(last.taken, now.taken);
  const takenIndex = boxIndexOf(taken.map((t) => expandBboxKm(bboxOfGeometry(t.area.geometry), radiusKm)));
  if (segments.length + areas.length + incidents.length + taken.length === 0) return () => false;

  // Asked of every site: no array made for its box, and an index of nothing not searched.
  const box = new Float64Array(4);
  const meets = (index: BoxIndex, b: ArrayLike<number>) =>
    index.size > 0 && index.search(b[0], b[1], b[2], b[3]).length > 0;
  return (position) => {
    const x = position[0];
    const y = position[1];
    box[0] = box[2] = x;
    box[1] = box[3] = y;
    if (meets(areaIndex, box) || meets(takenIndex, box)) return true;
    expandBoxKmInto(box, x, y, x, y, radiusKm);
    return meets(segmentIndex, box) || meets(incidentIndex, box);
  };
}

/**
 * The boxes of every segment of the front lines in force on one side only, or on both with another course
 * or label (each version's), four numbers each: a line's reasons name it by its label and distance.
 */
function changedFrontlineSegments(
  last: readonly ActiveFrontline[],
  now: readonly ActiveFrontline[],
  scenario: Scenario,
): number[] {
  const out: number[] = [];
  const add = (f: ActiveFrontline) => {
    for (const part of f.lines)
      for (let k = 0; k + 1 < part.length; k++) out.push(...segmentBox(part[k], part[k + 1]));
  };
  const was = new Map(last.map((f) => [f.id, f]));
  for (const f of now) {
    const old = was.get(f.id);
    was.delete(f.id);
    if (
      old &&
      old.geometryKey === f.geometryKey &&
      frontlineLabel(scenario, old) === frontlineLabel(scenario, f)
    )
      continue;
    add(f);
    if (old) add(old);
  }
  for (const old of was.values()) add(old);
  return out;
}

/**
 * The taken areas of one list whose entry is not in the other as it is: the same area, previous holders
 * and taker's violence, in the same order (the reasons name the holders, count the violence and name the
 * latest).
 */
function changedTaken(last: readonly TakenArea[], now: readonly TakenArea[]): TakenArea[] {
  const was = new Map(last.map((t) => [t.area.properties.id, t]));
  const out: TakenArea[] = [];
  for (const t of now) {
    const old = was.get(t.area.properties.id);
    was.delete(t.area.properties.id);
    if (old && old.area === t.area && sameItems(old.from, t.from) && sameItems(old.violence, t.violence))
      continue;
    out.push(t);
    if (old) out.push(old);
  }
  out.push(...was.values());
  return out;
}

function boxIndexOf(boxes: readonly (readonly [number, number, number, number])[]): BoxIndex {
  return createBoxIndex(boxes.length, (i) => boxes[i]);
}
