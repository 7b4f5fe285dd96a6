import type { Position } from 'geojson';
import { createPointIndex } from '../../geo/createPointIndex';
import type { BoxIndex } from '../../geo/createBoxIndex';
import { haversineKm } from '../../geo/haversineKm';
import type { IncidentFeature } from '../../schemas';
import { compareStrings } from '../sortById';

/** Incidents of at least this severity count towards a site's protection (protectionReasons.ts). */
export const PROTECTION_MIN_SEVERITY = 2;

/**
 * The incidents that count towards a site's protection on one date: those of `incidents` of severity ≥ 2 whose
 * id is in `active`, with an index over their positions. Searching the index of every incident of the
 * situation instead returned each of the 5,000 sites the incidents of all two years near it, most of them
 * then dropped one by one (about a third of the protection reasons' time).
 */
export class SevereIncidents {
  /** Those incidents, in the order of `incidents`. */
  readonly list: IncidentFeature[] = [];
  private readonly index: BoxIndex;

  constructor(
    readonly incidents: readonly IncidentFeature[],
    readonly active: ReadonlySet<string>,
  ) {
    for (const inc of incidents)
      if (inc.properties.severity >= PROTECTION_MIN_SEVERITY && active.has(inc.properties.id))
        this.list.push(inc);
    const x = new Float64Array(this.list.length);
    const y = new Float64Array(this.list.length);
    this.list.forEach((inc, i) => {
      x[i] = inc.geometry.coordinates[0];
      y[i] = inc.geometry.coordinates[1];
    });
    this.index = createPointIndex(x, y);
  }

  /** Those within `radiusKm` of `position` (box: that radius around it, in degrees), in id order. */
  near(position: Position, box: readonly number[], radiusKm: number): IncidentFeature[] {
    const out: IncidentFeature[] = [];
    for (const i of this.index.search(box[0], box[1], box[2], box[3])) {
      const inc = this.list[i];
      if (haversineKm(position, inc.geometry.coordinates) <= radiusKm) out.push(inc);
    }
    return out.sort((a, b) => compareStrings(a.properties.id, b.properties.id));
  }
}

// Made once per date: the analyses of one date (a front line moved) share its list of incidents in the
// window and its set of their ids (activeLayers.ts, analyzer.ts). Made from that list, a few hundred at
// Sudan scale, rather than from every incident of the situation (20,000, each looked up in the set: 1 ms
// warm, 5-9 ms on the first date steps).
const byActive = new WeakMap<ReadonlySet<string>, SevereIncidents>();

/** The `SevereIncidents` of `incidents` on the date whose active incident ids are `active`. */
export function severeIncidentsOf(
  incidents: readonly IncidentFeature[],
  active: ReadonlySet<string>,
): SevereIncidents {
  let s = byActive.get(active);
  if (!s || s.incidents !== incidents) byActive.set(active, (s = new SevereIncidents(incidents, active)));
  return s;
}
