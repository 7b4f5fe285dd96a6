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
  'famine',
  'off_network',
  'no_road_connection',
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

export const siteAccess = z.enum(['internal', 'crossline_only', 'cross_border_only', 'cut_off']);
export type SiteAccess = z.infer<typeof siteAccess>;
export const siteFlag = z.enum(['protection', 'cross_border', 'crossline', 'cut_off', 'famine']);
export type SiteFlag = z.infer<typeof siteFlag>;

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

export const siteReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  country: z.string(),
  hub: z.boolean(),
  access: siteAccess,
  flags: z.array(siteFlag),
  population: z.number().nullable(),
  ipcPhase: z.number().nullable(),
  famine: z.boolean(),
  bestPath: bestPathSchema.nullable(),
  reasons: z.array(reasonSchema),
});
export type SiteReport = z.infer<typeof siteReportSchema>;

export const hotspotSchema = z.object({
  siteId: z.string(),
  score: z.number(),
  components: z.object({
    population: z.number(),
    /** The site's IPC phase; when unknown, 1 is used and `ipcPhaseKnown` is false. */
    ipcPhase: z.number(),
    ipcPhaseKnown: z.boolean(),
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
