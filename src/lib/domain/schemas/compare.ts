import { z } from 'zod';
import { isoDate } from './common';
import { crossingKind, crossingStatus } from './layers';
import { analysisParamsSchema } from './params';
import { reasonSchema, segmentStatus, siteAccess, siteFlag, siteStatusReport, totalsSchema } from './report';

/** A crossing's status on one date: the dated entry in force and its source (null: not in force that day). */
export const crossingStateSchema = z.object({
  status: crossingStatus,
  since: isoDate,
  source: z.string(),
  note: z.string().nullable(),
});
export type CrossingState = z.infer<typeof crossingStateSchema>;

/**
 * What happened to a crossing between the two dates, read from its status on the second date:
 * `opened`, `closed`, `restricted`, or `ended` when it is no longer in force at all.
 */
export const crossingChangeKind = z.enum(['opened', 'closed', 'restricted', 'ended']);
export type CrossingChangeKind = z.infer<typeof crossingChangeKind>;

export const crossingChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: crossingKind,
  change: crossingChangeKind,
  before: crossingStateSchema.nullable(),
  after: crossingStateSchema.nullable(),
});
export type CrossingChange = z.infer<typeof crossingChangeSchema>;

/** A corridor's verdict on one date, with the reasons of its stretches that are not open. */
export const corridorStateSchema = z.object({
  status: segmentStatus,
  blockedKm: z.number(),
  atRiskKm: z.number(),
  reasons: z.array(reasonSchema),
});
export type CorridorState = z.infer<typeof corridorStateSchema>;

export const corridorChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** null: the corridor was not in force on that date. */
  before: corridorStateSchema.nullable(),
  after: corridorStateSchema.nullable(),
});
export type CorridorChange = z.infer<typeof corridorChangeSchema>;

/** A site's verdict on one date (the fields of the analysis report a comparison looks at). */
export const siteStateSchema = z.object({
  access: siteAccess,
  flags: z.array(siteFlag),
  status: siteStatusReport,
  besieged: z.boolean(),
  famine: z.boolean(),
  population: z.number().nullable(),
  ipcPhase: z.number().nullable(),
  reasons: z.array(reasonSchema),
});
export type SiteState = z.infer<typeof siteStateSchema>;

export const siteChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  before: siteStateSchema.nullable(),
  after: siteStateSchema.nullable(),
  /** Flags the site has on the second date and did not have on the first, and the other way round. */
  flagsGained: z.array(siteFlag),
  flagsLost: z.array(siteFlag),
});
export type SiteChange = z.infer<typeof siteChangeSchema>;

/** How many changes of each kind, for the summary line. */
export const comparisonSummarySchema = z.object({
  crossingsOpened: z.number(),
  crossingsClosed: z.number(),
  crossingsRestricted: z.number(),
  crossingsEnded: z.number(),
  corridorsChanged: z.number(),
  sitesChanged: z.number(),
  /** Sites cut off on the first date and reachable (or gone) on the second, and the other way round. */
  sitesLeftCutOff: z.number(),
  sitesNowCutOff: z.number(),
});
export type ComparisonSummary = z.infer<typeof comparisonSummarySchema>;

/**
 * What changed between two dates of a situation (docs/analysis.md, "Comparing two dates"): the crossings,
 * corridors and sites whose verdict differs, each in id order, and the totals of both dates with their
 * difference (`to − from`). Field names are stable: the CLI, the page and the downloads rely on them.
 */
export const dateComparisonSchema = z.object({
  from: isoDate,
  to: isoDate,
  parameters: analysisParamsSchema,
  summary: comparisonSummarySchema,
  crossings: z.array(crossingChangeSchema),
  corridors: z.array(corridorChangeSchema),
  sites: z.array(siteChangeSchema),
  totals: z.object({ from: totalsSchema, to: totalsSchema, difference: totalsSchema }),
});
export type DateComparison = z.infer<typeof dateComparisonSchema>;
