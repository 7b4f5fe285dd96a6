import { z } from 'zod';
import { isoDate } from './common';
import { lineStringGeometry } from './geometry';
import { analysisOverridesSchema, analysisParamsSchema } from './params';

/** Status of a road segment, a corridor stretch or a corridor (DESIGN.md §3). */
export const segmentStatus = z.enum(['open', 'at_risk', 'blocked']);
export type SegmentStatus = z.infer<typeof segmentStatus>;

/** Reasons that make a road segment `blocked`. */
export const blockingReasonCodes = [
  'frontline_crossing',
  'denied_area',
  'incident_severe',
  'seasonal_closure',
  'constraint_severe',
  'crossing_closed',
  'siege',
] as const;
/** Reasons that put a road segment `at_risk`. */
export const riskReasonCodes = [
  'frontline_buffer',
  'contested_area',
  'incident_nearby',
  'constraint_nearby',
  'crossing_restricted',
] as const;
/** Reasons that explain a site's access or flags (they do not apply to roads). */
export const siteReasonCodes = [
  'protection_frontline',
  'protection_contested_area',
  'protection_incidents',
  'protection_besieged',
  'protection_mass_violence',
  'famine',
  'off_network',
  'no_road_connection',
  'site_besieged',
  'site_inactive',
  /** A path of the option's class would have to pass the front line (at a crossline crossing). */
  'crossline_needed',
] as const;

/** The closed set of reason codes. docs/analysis.md explains each one. */
export const reasonCode = z.enum([...blockingReasonCodes, ...riskReasonCodes, ...siteReasonCodes]);
export type ReasonCode = z.infer<typeof reasonCode>;

/** Why a verdict was given, naming the feature that caused it so a coordinator can check it. */
export const reasonSchema = z.object({ code: reasonCode, featureId: z.string(), detail: z.string() });
export type Reason = z.infer<typeof reasonSchema>;

export const stretchSchema = z.object({
  status: segmentStatus,
  fromKm: z.number(),
  toKm: z.number(),
  lengthKm: z.number(),
  reasons: z.array(reasonSchema),
  geometry: lineStringGeometry,
});
export type Stretch = z.infer<typeof stretchSchema>;

export const corridorReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: segmentStatus,
  lengthKm: z.number(),
  blockedKm: z.number(),
  atRiskKm: z.number(),
  fromSiteId: z.string().nullable(),
  toSiteId: z.string().nullable(),
  stretches: z.array(stretchSchema),
});
export type CorridorReport = z.infer<typeof corridorReportSchema>;

export const siteAccess = z.enum(['internal', 'crossline_only', 'cross_border_only', 'cut_off', 'inactive']);
export type SiteAccess = z.infer<typeof siteAccess>;
export const siteFlag = z.enum(['protection', 'cross_border', 'crossline', 'cut_off', 'famine', 'besieged']);
export type SiteFlag = z.infer<typeof siteFlag>;
/** The three ways aid can reach a site, each reported as an option (docs/analysis.md, access options). */
export const accessClass = z.enum(['internal', 'crossline', 'cross_border']);
export type AccessClass = z.infer<typeof accessClass>;
/** A site's lifecycle status on the as-of date (the `statusHistory` entry in force; active before any). */
export const siteStatusReport = z.enum(['active', 'emptied', 'destroyed', 'closed', 'relocated']);

export const bestPathSchema = z.object({
  fromHubId: z.string(),
  viaCrossingIds: z.array(z.string()),
  lengthKm: z.number(),
  cost: z.number(),
  /** Road segments of the path, in travel order (ids of `segments` / route segments). */
  segmentIds: z.array(z.string()),
  geometry: lineStringGeometry,
});
export type BestPath = z.infer<typeof bestPathSchema>;

/**
 * One way of reaching a site: the cheapest path of its class, or why there is none (binding cause first).
 * A feasible option has a hub, length and cost; an infeasible one has them null and its reasons say why.
 */
export const accessOptionSchema = z.object({
  class: accessClass,
  feasible: z.boolean(),
  fromHubId: z.string().nullable(),
  viaCrossingIds: z.array(z.string()),
  lengthKm: z.number().nullable(),
  cost: z.number().nullable(),
  reasons: z.array(reasonSchema),
});
export type AccessOption = z.infer<typeof accessOptionSchema>;

export const siteReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  country: z.string(),
  hub: z.boolean(),
  /** The cheapest feasible option's class (`cut_off` when none; `inactive` when the site is not active). */
  access: siteAccess,
  flags: z.array(siteFlag),
  /** Lifecycle status on the as-of date and the date of the entry in force (null: active, no entry yet). */
  status: siteStatusReport,
  statusSince: isoDate.nullable(),
  /** Where the people went, from the entry in force (empty when unknown or active). */
  movedTo: z.array(z.object({ siteId: z.string(), population: z.number().nullable() })),
  /** Inside the ring of a siege in force. */
  besieged: z.boolean(),
  /** The latest population figure on or before the as-of date, its date, and whether it is stale. */
  population: z.number().nullable(),
  populationAsOf: isoDate.nullable(),
  populationStale: z.boolean(),
  populationRange: z.tuple([z.number(), z.number()]).nullable(),
  /** The IPC phase of a finding valid on the as-of date; null when none is (never defaulted). */
  ipcPhase: z.number().nullable(),
  famine: z.boolean(),
  bestPath: bestPathSchema.nullable(),
  /** Exactly three, in the order internal, crossline, cross_border. */
  options: z.array(accessOptionSchema),
  reasons: z.array(reasonSchema),
});
export type SiteReport = z.infer<typeof siteReportSchema>;

export const hotspotSchema = z.object({
  siteId: z.string(),
  score: z.number(),
  components: z.object({
    population: z.number(),
    populationAsOf: isoDate,
    populationStale: z.boolean(),
    /** The site's IPC phase on the as-of date; null when no finding is valid. */
    ipcPhase: z.number().nullable(),
    ipcPhaseKnown: z.boolean(),
    /** The severity the score uses: 5 with famine, else the IPC phase, 3 when unknown (docs/analysis.md). */
    severity: z.number(),
    access: siteAccess,
    /** internal 1, crossline_only 2, cross_border_only 3, cut_off 4. */
    accessDifficulty: z.number(),
  }),
});
export type Hotspot = z.infer<typeof hotspotSchema>;

/** A road segment (a road split at junctions) that is not open, for the map. */
export const segmentReportSchema = z.object({
  id: z.string(),
  roadId: z.string(),
  status: segmentStatus,
  lengthKm: z.number(),
  reasons: z.array(reasonSchema),
  geometry: lineStringGeometry,
});
export type SegmentReport = z.infer<typeof segmentReportSchema>;

/**
 * Where one road is not open, as ranges in km from its start (measured along the road, as corridor stretches
 * are): the compact answer of `Analyzer.roadRanges` and `corridor analyze --compact`, whose size grows with what
 * is closed, not with the network. A range's geometry, when wanted, is the road's between its two km.
 */
export const roadRangesSchema = z.object({
  roadId: z.string(),
  lengthKm: z.number(),
  ranges: z.array(
    z.object({
      status: segmentStatus,
      fromKm: z.number(),
      toKm: z.number(),
      lengthKm: z.number(),
      reasons: z.array(reasonSchema),
    }),
  ),
});
export type RoadRanges = z.infer<typeof roadRangesSchema>;

/** A front line in force on the as-of date: drawn in the data, added by an override, or derived from areas. */
export const activeFrontlineSchema = z.object({
  id: z.string(),
  actorIds: z.tuple([z.string(), z.string()]),
  origin: z.enum(['drawn', 'override', 'derived']),
  geometry: z.object({
    type: z.literal('MultiLineString'),
    coordinates: z.array(z.array(z.array(z.number()))),
  }),
});

/**
 * Totals on the as-of date. People totals add each site's current population (stale or not; unknown counts 0)
 * over the sites that are active on the date; a site counts once in each total it belongs to.
 */
export const totalsSchema = z.object({
  peopleCutOff: z.number(),
  peopleBesieged: z.number(),
  peopleFamine: z.number(),
  sitesCutOff: z.number(),
  sitesBesieged: z.number(),
  sitesFamine: z.number(),
  sitesInactive: z.number(),
  corridorsBlocked: z.number(),
  corridorsAtRisk: z.number(),
  crossingsClosed: z.number(),
  crossingsRestricted: z.number(),
});
export type Totals = z.infer<typeof totalsSchema>;

/** The report of DESIGN.md §3. Field names are stable: the CLI, the API and the map rely on them. */
export const analysisReportSchema = z.object({
  asOf: isoDate,
  /** Month used for seasonal closures (the as-of month unless an override forces one). */
  month: z.number().int(),
  parameters: analysisParamsSchema,
  overrides: analysisOverridesSchema.nullable(),
  corridors: z.array(corridorReportSchema),
  sites: z.array(siteReportSchema),
  hotspots: z.array(hotspotSchema),
  segments: z.array(segmentReportSchema),
  frontlines: z.array(activeFrontlineSchema),
  totals: totalsSchema,
  /** Data the analysis had to skip, e.g. a crossing too far from any road. */
  warnings: z.array(z.string()),
});
export type AnalysisReport = z.infer<typeof analysisReportSchema>;

/** One route of `route()`: the segments in travel order with their status, cost and reasons. */
export const routeSchema = z.object({
  rank: z.number().int(),
  status: segmentStatus,
  cost: z.number(),
  lengthKm: z.number(),
  viaCrossingIds: z.array(z.string()),
  segments: z.array(
    z.object({
      id: z.string(),
      roadId: z.string(),
      status: segmentStatus,
      lengthKm: z.number(),
      cost: z.number(),
      reasons: z.array(reasonSchema),
    }),
  ),
  geometry: lineStringGeometry,
});
export type Route = z.infer<typeof routeSchema>;

export const routeResultSchema = z.object({
  asOf: isoDate,
  from: z.object({
    siteId: z.string().nullable(),
    position: z.tuple([z.number(), z.number()]),
    attachKm: z.number(),
  }),
  to: z.object({
    siteId: z.string().nullable(),
    position: z.tuple([z.number(), z.number()]),
    attachKm: z.number(),
  }),
  routes: z.array(routeSchema),
  /** Why no route was found, when `routes` is empty. */
  reasons: z.array(reasonSchema),
});
export type RouteResult = z.infer<typeof routeResultSchema>;

/**
 * The report without what grows with the network: road segments become ranges per road (`roads`), and the
 * geometries of corridor stretches and of best paths are left out (a stretch has its km along the corridor, a
 * best path its segment ids). `corridor analyze --compact` prints it; a consumer that needs a geometry asks for
 * it (`Analyzer.roadRanges` for given roads, the full report, or the corridor's own line between two km).
 */
export const compactReportSchema = analysisReportSchema
  .omit({ segments: true, corridors: true, sites: true })
  .extend({
    corridors: z.array(
      corridorReportSchema.extend({ stretches: z.array(stretchSchema.omit({ geometry: true })) }),
    ),
    sites: z.array(siteReportSchema.extend({ bestPath: bestPathSchema.omit({ geometry: true }).nullable() })),
    roads: z.array(roadRangesSchema),
  });
export type CompactReport = z.infer<typeof compactReportSchema>;
