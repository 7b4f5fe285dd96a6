import { z } from 'zod';
import { featureId, isoDate } from './common';
import { lineStringGeometry } from './geometry';
import { crossingKind, crossingStatus } from './layers';
import { analysisOverridesSchema, analysisParamsSchema } from './params';
import { reasonSchema, segmentStatus } from './report';
import { travelParamsSchema } from './travel';

/** A longitude, latitude pair in degrees. */
export const lonLatSchema = z
  .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
  .strict();

/** Where a convoy starts, passes or ends: the id of a site (hubs are sites) or crossing, or a map position. */
export const placeSchema = z.union([featureId, lonLatSchema]);
export type Place = z.infer<typeof placeSchema>;

/** Most alternatives the planner gives besides the best route. */
export const MAX_ALTERNATIVES = 3;

/** A request to the convoy planner (the `route` command, `routes.plan`, a saved plan's options). */
export const planRequestSchema = z
  .object({
    asOf: isoDate,
    from: placeSchema,
    to: placeSchema,
    /** Places to pass on the way, in order. */
    via: z.array(placeSchema).max(8).default([]),
    /** Ids of features to keep off: crossings and sites are not passed, roads and areas not driven. */
    avoid: z.array(featureId).max(50).default([]),
    /** Alternatives besides the best route. */
    alternatives: z.number().int().min(0).max(MAX_ALTERNATIVES).default(MAX_ALTERNATIVES),
    params: analysisParamsSchema.optional(),
    overrides: analysisOverridesSchema.optional(),
    travel: travelParamsSchema.partial().optional(),
  })
  .strict();
export type PlanRequest = z.infer<typeof planRequestSchema>;
export type PlanRequestInput = z.input<typeof planRequestSchema>;

const position = z.tuple([z.number(), z.number()]);

/** A resolved place: what it is, where it is and how far it is from the road it joins. */
export const planPlaceSchema = z.object({
  id: z.string().nullable(),
  kind: z.enum(['site', 'crossing', 'point']),
  name: z.string(),
  position,
  /** Where the place joins the road network. */
  roadPosition: position,
  /** Straight-line gap in km from the place to the road (off road, counted in the route's length). */
  snapKm: z.number(),
});
export type PlanPlace = z.infer<typeof planPlaceSchema>;

/** A party whose agreement a crossing needs. */
export const crossingPartySchema = z.object({
  kind: z.enum(['country', 'actor']),
  /** ISO alpha-3 code of a country, or an actor id. */
  id: z.string(),
  name: z.string(),
  role: z.string(),
});

/** An international crossing or crossline point on a route, with who must agree to the convoy passing. */
export const routeCrossingSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: crossingKind,
  status: crossingStatus,
  /** Date of the status entry in force, null when an override set it. */
  since: z.string().nullable(),
  km: z.number(),
  position,
  countries: z.array(z.string()),
  parties: z.array(crossingPartySchema),
});
export type RouteCrossing = z.infer<typeof routeCrossingSchema>;

/** A run of road with the same status and reasons, km counted from the start of the route. */
export const planStretchSchema = z.object({
  status: segmentStatus,
  fromKm: z.number(),
  toKm: z.number(),
  lengthKm: z.number(),
  hours: z.number(),
  roadIds: z.array(z.string()),
  reasons: z.array(reasonSchema),
  geometry: lineStringGeometry,
});
export type PlanStretch = z.infer<typeof planStretchSchema>;

/** A feature that makes some of the route at risk or blocked, and where the route meets it. */
export const routeHazardSchema = z.object({
  featureId: z.string(),
  code: z.string(),
  status: segmentStatus,
  detail: z.string(),
  fromKm: z.number(),
  toKm: z.number(),
  /** Where the route first meets it. */
  position,
});
export type RouteHazard = z.infer<typeof routeHazardSchema>;

export const travelEstimateSchema = z.object({
  /** Hours on the road, stops included. */
  hours: z.number(),
  /** Days at `drivingHoursPerDay`. */
  days: z.number(),
  /** Whether the as-of month is in the rainy season (times multiplied by `rainyFactor`). */
  rainySeason: z.boolean(),
});

export const planRouteSchema = z.object({
  rank: z.number().int(),
  status: segmentStatus,
  lengthKm: z.number(),
  /** Routing cost: km, at-risk road counted `atRiskCostFactor` times. */
  cost: z.number(),
  travel: travelEstimateSchema,
  stretches: z.array(planStretchSchema),
  crossings: z.array(routeCrossingSchema),
  hazards: z.array(routeHazardSchema),
  /** Every reason met on the route, once. */
  reasons: z.array(reasonSchema),
  geometry: lineStringGeometry,
});
export type PlanRoute = z.infer<typeof planRouteSchema>;

/** A closed crossing whose opening alone would give a route, or a shorter one. */
export const openingSchema = z.object({
  crossingId: z.string(),
  name: z.string(),
  kind: crossingKind,
  since: z.string().nullable(),
  lengthKm: z.number(),
  /** Km saved against the best route of the day; null when there is none. */
  savesKm: z.number().nullable(),
});
export type Opening = z.infer<typeof openingSchema>;

export const planResultSchema = z.object({
  asOf: isoDate,
  /** Month used for seasonal closures and travel times. */
  month: z.number().int(),
  from: planPlaceSchema,
  to: planPlaceSchema,
  via: z.array(planPlaceSchema),
  avoid: z.array(z.string()),
  travelParams: travelParamsSchema,
  /** Best first, then the alternatives. */
  routes: z.array(planRouteSchema),
  /** When there is no route: the blockages on the way that needs the fewest cleared. */
  reasons: z.array(reasonSchema),
  /** Closed crossings whose opening alone would open a route or shorten it, most useful first. */
  openings: z.array(openingSchema),
  /** Plain remarks, e.g. that the avoid list is what leaves no route. */
  notes: z.array(z.string()),
});
export type PlanResult = z.infer<typeof planResultSchema>;
