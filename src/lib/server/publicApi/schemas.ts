import { z } from 'zod';
import {
  crossingKind,
  crossingStatus,
  isoDate,
  reasonSchema,
  segmentStatus,
  seriesSchema,
  siteAccess,
  siteFlag,
  siteStatusReport,
  totalsSchema,
} from '$lib/domain/schemas';

/**
 * What the public access API (`/api/v1`) answers, as zod schemas: the OpenAPI document is generated from
 * them (`openapi.ts`), so the documentation cannot drift from the code, and the tests validate every answer
 * against that document. The verdicts are the analysis's (DESIGN.md §3) without geometry.
 */
export const apiCorridor = z.object({
  id: z.string(),
  name: z.string(),
  status: segmentStatus,
  lengthKm: z.number(),
  blockedKm: z.number(),
  atRiskKm: z.number(),
  fromSiteId: z.string().nullable(),
  toSiteId: z.string().nullable(),
  /** Why it is blocked or at risk: each cause once, binding ones first. */
  reasons: z.array(reasonSchema),
  /** The corridor cut where its status changes, km from its start. */
  stretches: z.array(
    z.object({
      status: segmentStatus,
      fromKm: z.number(),
      toKm: z.number(),
      reasons: z.array(reasonSchema),
    }),
  ),
});

export const apiSite = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  country: z.string(),
  hub: z.boolean(),
  status: siteStatusReport,
  statusSince: isoDate.nullable(),
  access: siteAccess,
  flags: z.array(siteFlag),
  besieged: z.boolean(),
  famine: z.boolean(),
  ipcPhase: z.number().nullable(),
  population: z.number().nullable(),
  populationAsOf: isoDate.nullable(),
  populationStale: z.boolean(),
  /** The cheapest way in: from which hub, through which crossings, how long. */
  bestPath: z
    .object({ fromHubId: z.string(), viaCrossingIds: z.array(z.string()), lengthKm: z.number() })
    .nullable(),
  reasons: z.array(reasonSchema),
});

export const apiCrossing = z.object({
  id: z.string(),
  name: z.string(),
  kind: crossingKind,
  countries: z.array(z.string()),
  actorIds: z.array(z.string()),
  status: crossingStatus,
  /** Date of the status entry in force, its source and note. */
  since: isoDate,
  source: z.string(),
  note: z.string().nullable(),
});

const dated = { date: isoDate, scenario: z.string() };
export const verdictsDocument = z.object({
  ...dated,
  corridors: z.array(apiCorridor),
  sites: z.array(apiSite),
  crossings: z.array(apiCrossing),
  totals: totalsSchema,
});
export const corridorsDocument = z.object({ ...dated, corridors: z.array(apiCorridor) });
export const sitesDocument = z.object({ ...dated, sites: z.array(apiSite) });
export const crossingsDocument = z.object({ ...dated, crossings: z.array(apiCrossing) });
export const totalsDocument = z.object({ ...dated, totals: totalsSchema });
export const seriesDocument = seriesSchema.extend({ scenario: z.string() });

/** An error (RFC 9457 problem details) naming the parameter that is wrong. */
export const problemDocument = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  parameter: z.string(),
});

export type ApiCorridor = z.infer<typeof apiCorridor>;
export type ApiSite = z.infer<typeof apiSite>;
export type ApiCrossing = z.infer<typeof apiCrossing>;
