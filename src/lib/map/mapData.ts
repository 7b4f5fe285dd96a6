import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import { crossingStatusOn, situationOn } from '$lib/domain/asOf';
import { siteFindingsOn } from '$lib/domain/siteFindingsOn';
import { siteStatusOn } from '$lib/domain/siteStatusOn';
import { cumulativeKm } from '$lib/domain/geo/cumulativeKm';
import { pointAtKm } from '$lib/domain/geo/pointAtKm';
import type { Situation } from '$lib/domain/schemas';
import type { LayerGroup } from './layerGroups';

/** Incidents older than this on the as-of date are not drawn (DESIGN.md §3, `incidentWindowDays`). */
export const INCIDENT_WINDOW_DAYS = 30;

/** Corridor status before the analysis has said anything about it. */
export const UNKNOWN_STATUS = 'unknown';

/**
 * What the access analysis (DESIGN.md §3) may add to the map without the map depending on it. Keys are
 * feature ids; every field is optional, and without them corridors are `unknown`, sites carry no flags,
 * the details panel shows no reasons and the feature list no hotspots.
 */
export interface MapAnnotations {
  /** `open`, `at_risk` or `blocked` per corridor: drives the corridor colour. */
  corridorStatus?: Readonly<Record<string, string>>;
  /** Blocked and at-risk stretches of each corridor, drawn over it (open stretches are not listed). */
  corridorStretches?: Readonly<Record<string, readonly AnnotationStretch[]>>;
  /** `protection`, `cross_border`, `crossline`, `cut_off`, `famine`… per site: shown as chips in the details. */
  siteFlags?: Readonly<Record<string, readonly string[]>>;
  /**
   * Each site's lifecycle status on the date (`active`, `emptied`…) and whether it is besieged: drive how
   * the site is drawn (greyed and crossed out, or ringed). Without them a site is drawn as active.
   */
  siteStatus?: Readonly<Record<string, { status: string; besieged: boolean }>>;
  /** Why a corridor or site has its status, each reason naming the feature that caused it. */
  reasons?: Readonly<Record<string, readonly AnnotationReason[]>>;
  /** Ranked hotspots, listed first in the feature list. */
  hotspots?: readonly { siteId: string; score: number }[];
}
export interface AnnotationStretch {
  status: 'at_risk' | 'blocked';
  fromKm: number;
  toKm: number;
  geometry: LineString;
}
export interface AnnotationReason {
  code: string;
  featureId?: string;
  detail: string;
}

/** Flat, style-ready properties: MapLibre expressions read these, never the nested source records. */
export type MapFeature = Feature<Geometry, Record<string, string | number | boolean>>;
export type MapData = Record<LayerGroup, FeatureCollection<Geometry, MapFeature['properties']>>;

function collection(features: MapFeature[]): FeatureCollection<Geometry, MapFeature['properties']> {
  return { type: 'FeatureCollection', features };
}

function feature(geometry: Geometry, properties: MapFeature['properties']): MapFeature {
  return { type: 'Feature', geometry, properties };
}

type Actors = ReadonlyMap<string, Situation['scenario']['actors'][number]>;

/**
 * What the map draws of an area of control whatever the date: its actor's name and colour (grey for an actor
 * the scenario does not name). Shared with the server's vector tiles (`tileFeatures.ts`).
 */
export function areaProperties(f: Situation['areas'][number], actors: Actors) {
  const actor = actors.get(f.properties.actorId);
  return {
    id: f.properties.id,
    name: f.properties.name,
    actorId: f.properties.actorId,
    actorName: actor?.name ?? f.properties.actorId,
    color: actor?.color ?? '#777777',
    confidence: f.properties.confidence,
  };
}

/** What the map draws of a siege ring whatever the date (drawn with the areas, as its actor's cordon). */
export function siegeProperties(c: Situation['constraints'][number], actors: Actors) {
  const actorId = c.properties.actorId ?? '';
  return {
    id: c.properties.id,
    name: c.properties.name,
    part: 'siege',
    actorId,
    actorName: actors.get(actorId)?.name ?? actorId,
  };
}

/** `YYYY-MM-DD` → month 1–12. */
function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/**
 * The features to draw on `asOf`, one collection per layer group, with the properties the style reads.
 * Only what is valid on that date is included (incidents: the last 30 days); a crossing carries its status
 * that day, a site the figures that hold that day and its lifecycle status. Input is not mutated.
 *
 * @example mapDataOn(situation, '2024-08-20').crossings.features[0].properties.status // 'open'
 */
export function mapDataOn(situation: Situation, asOf: string, annotations: MapAnnotations = {}): MapData {
  const on = situationOn(situation, asOf, INCIDENT_WINDOW_DAYS);
  const actors = new Map(situation.scenario.actors.map((a) => [a.id, a]));
  const month = monthOf(asOf);

  const areas = on.areas.map((f) => feature(f.geometry, areaProperties(f, actors)));

  // Siege rings in force are drawn with the areas of control (a besieging actor's cordon), as outlines.
  const sieges = on.constraints
    .filter((c) => c.properties.kind === 'siege')
    .map((c) => feature(c.geometry, siegeProperties(c, actors)));

  const frontlines = on.frontlines.map((f) =>
    feature(f.geometry, { id: f.properties.id, name: f.properties.name }),
  );

  const roads = on.roads.map((f) =>
    feature(f.geometry, {
      id: f.properties.id,
      name: f.properties.name,
      class: f.properties.class,
      impassable: f.properties.impassableMonths.includes(month),
    }),
  );

  // One collection for the corridor lines (`part: 'corridor'`), their blocked and at-risk stretches
  // (`stretch`) and a marker in the middle of each blocked stretch (`marker`), so a blockage of a few km
  // still shows when the whole country is in view. Stretches carry their corridor's id: clicking one
  // selects the corridor.
  const corridors = on.corridors.flatMap((f) => {
    const id = f.properties.id;
    const line = feature(f.geometry, {
      id,
      name: f.properties.name,
      part: 'corridor',
      status: annotations.corridorStatus?.[id] ?? UNKNOWN_STATUS,
    });
    const stretches = (annotations.corridorStretches?.[id] ?? []).flatMap((s) => {
      const props = { id, name: f.properties.name, status: s.status, fromKm: s.fromKm, toKm: s.toKm };
      const drawn = [feature(s.geometry, { ...props, part: 'stretch' })];
      if (s.status === 'blocked' && s.geometry.coordinates.length > 1) {
        const cum = cumulativeKm(s.geometry.coordinates);
        const middle = pointAtKm(s.geometry.coordinates, cum, cum[cum.length - 1] / 2);
        drawn.push(feature({ type: 'Point', coordinates: middle }, { ...props, part: 'marker' }));
      }
      return drawn;
    });
    return [line, ...stretches];
  });

  const sites = on.sites.map((f) => {
    // What holds on the date: findings past their projection period and superseded ones are not drawn.
    const { population, finding } = siteFindingsOn(f, asOf);
    const famine = finding?.famine === true || finding?.ipcPhase === 5;
    const flags = annotations.siteFlags?.[f.properties.id] ?? [];
    const state = annotations.siteStatus?.[f.properties.id];
    // The analysis says the same as the data; the data's lifecycle draws the site before it has answered.
    const status = state?.status ?? siteStatusOn(f, asOf).status;
    return feature(f.geometry, {
      id: f.properties.id,
      name: f.properties.name,
      nameAr: f.properties.nameAr ?? '',
      kind: f.properties.kind,
      hub: f.properties.hub,
      // 0 means "no figure on this date": the style draws such sites at the minimum size, uncoloured. An
      // inactive site is drawn small too: its last count is of people who have left.
      population: status === 'active' ? (population?.value ?? 0) : 0,
      ipcPhase: finding?.ipcPhase ?? 0,
      famine,
      flags: flags.join(','),
      status,
      besieged: state?.besieged ?? false,
    });
  });

  const crossings = on.crossings.map((f) =>
    feature(f.geometry, {
      id: f.properties.id,
      name: f.properties.name,
      nameAr: f.properties.nameAr ?? '',
      kind: f.properties.kind,
      // situationOn keeps only crossings that have a status on the date.
      status: crossingStatusOn(f, asOf)?.status ?? 'closed',
    }),
  );

  const incidents = on.incidents.map((f) =>
    feature(f.geometry, {
      id: f.properties.id,
      name: f.properties.name,
      category: f.properties.category,
      severity: f.properties.severity,
      date: f.properties.date,
    }),
  );

  // Reference outlines: the level drives the line width, the P-code shows in the details.
  const admin = on.admin.map((f) =>
    feature(f.geometry, {
      id: f.properties.id,
      name: f.properties.name,
      pcode: f.properties.pcode,
      level: f.properties.level,
    }),
  );

  return {
    admin: collection(admin),
    areas: collection([...areas, ...sieges]),
    frontlines: collection(frontlines),
    roads: collection(roads),
    corridors: collection(corridors),
    sites: collection(sites),
    crossings: collection(crossings),
    incidents: collection(incidents),
  };
}
