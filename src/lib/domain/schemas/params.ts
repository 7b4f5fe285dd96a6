import { z } from 'zod';
import { featureId, isoDate } from './common';
import { lineStringGeometry, multiLineStringGeometry } from './geometry';
import { crossingStatus } from './layers';
import { PROTECTION_NEEDS_DEFAULTS } from './protectionDefaults';

/**
 * Parameters of the analysis (DESIGN.md §3), each with its default. Distances in km, the window in days.
 * Parsing `{}` gives the defaults; unknown keys are refused so a typo does not silently use a default.
 */
export const analysisParamsSchema = z
  .object({
    /** A road within this distance of an active front line is `at_risk`. */
    frontlineBufferKm: z.number().min(0).max(500).default(10),
    /** Incidents older than this on the as-of date are ignored. */
    incidentWindowDays: z.number().int().min(0).max(3650).default(30),
    /** An incident affects roads within this distance (severity 3 blocks, 1–2 put at risk). */
    incidentRadiusKm: z.number().min(0).max(500).default(5),
    /** Radius around a site for the protection flag. */
    protectionRadiusKm: z.number().min(0).max(500).default(15),
    /** Incidents of severity >= 2 within the radius and window that raise the protection flag. */
    protectionIncidentCount: z.number().int().min(1).max(10_000).default(3),
    /** Routing cost multiplier on `at_risk` road. */
    atRiskCostFactor: z.number().min(1).max(1000).default(3),
    /** A constraint (point, line or area) hits the roads within this distance of its geometry. */
    constraintRadiusKm: z.number().min(0).max(100).default(1),
    /** An open crossline crossing lets a road pass a front line when it lies within this distance of where they cross. */
    crosslineToleranceKm: z.number().min(0).max(50).default(2),
    /** An IPC phase or famine finding without `validTo` holds this many days after its date. */
    findingValidityDays: z.number().int().min(1).max(3650).default(365),
    /** A population figure older than this on the as-of date is marked stale. */
    populationStaleDays: z.number().int().min(1).max(3650).default(365),
    /**
     * An area of control taken (its validFrom) within this many days before the as-of date, around a site, by
     * an actor with violence against civilians on record in the same window, raises the protection flag.
     */
    protectionTakenWindowDays: z.number().int().min(0).max(3650).default(90),
    /** How far back an actor's violence against civilians (severity >= 2) counts as its record. */
    protectionViolenceWindowDays: z.number().int().min(0).max(3650).default(365),
  })
  .strict();
export type AnalysisParams = z.infer<typeof analysisParamsSchema>;
export type AnalysisParamsInput = z.input<typeof analysisParamsSchema>;

/**
 * Parameters of `protectionNeeds` (where a protection force is needed, docs/analysis.md). Kept apart from
 * the analysis's own parameters: they read the report and do not change it, so its `parameters` stay as
 * they are. Parsing `{}` gives the defaults; unknown keys are refused.
 */
export const protectionNeedsParamsSchema = z
  .object({
    /** Incidents of violence against aid within this distance of a corridor count against it (km). */
    guardBufferKm: z.number().min(0).max(500).default(PROTECTION_NEEDS_DEFAULTS.guardBufferKm),
    /** ... when dated at most this many days before the as-of date (a mandate looks at a pattern). */
    guardWindowDays: z.number().int().min(0).max(3650).default(PROTECTION_NEEDS_DEFAULTS.guardWindowDays),
  })
  .strict();
export type ProtectionNeedsParams = z.infer<typeof protectionNeedsParamsSchema>;
export type ProtectionNeedsParamsInput = z.input<typeof protectionNeedsParamsSchema>;

/** Moves, adds or removes a front line for this analysis only (the stored data is not touched). */
export const frontlineOverrideSchema = z
  .object({
    id: featureId,
    /** Drop the front line with this id. */
    remove: z.boolean().default(false),
    name: z.string().min(1).optional(),
    /** Needed when the id is new (an added line); for an existing line it replaces its actors. */
    actorIds: z.tuple([featureId, featureId]).optional(),
    /** The new course of the line (a moved or added line). */
    geometry: z.union([lineStringGeometry, multiLineStringGeometry]).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (!o.remove && !o.geometry && !o.actorIds)
      ctx.addIssue({
        code: 'custom',
        path: ['geometry'],
        message: 'give a geometry, actorIds, or remove: true',
      });
  });

/** What-if changes applied to a copy of the situation for one analysis. */
export const analysisOverridesSchema = z
  .object({
    /** Force the status of crossings on the as-of date (close or open a crossing). */
    crossings: z.array(z.object({ id: featureId, status: crossingStatus }).strict()).default([]),
    frontlines: z.array(frontlineOverrideSchema).default([]),
    /** Evaluate seasonal closures as if the as-of date fell in this month (1–12), e.g. 8 for the rains. */
    month: z.number().int().min(1).max(12).optional(),
  })
  .strict();
export type AnalysisOverrides = z.infer<typeof analysisOverridesSchema>;
export type AnalysisOverridesInput = z.input<typeof analysisOverridesSchema>;

/** One call of the analysis: the as-of date, parameters (defaults filled in) and overrides. */
export const analysisRequestSchema = z
  .object({
    asOf: isoDate,
    params: analysisParamsSchema.optional(),
    overrides: analysisOverridesSchema.optional(),
  })
  .strict();
export type AnalysisRequest = z.infer<typeof analysisRequestSchema>;
