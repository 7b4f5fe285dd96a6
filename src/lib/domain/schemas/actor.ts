import { z } from 'zod';
import { featureId, httpLink, isoDate, sensitivity } from './common';

/** How sure the sources are of a backer claim (docs/analysis.md, "Actors and their backers"). */
export const claimConfidence = z.enum(['low', 'medium', 'high']);
export type ClaimConfidence = z.infer<typeof claimConfidence>;

/** The kind of support a backer is reported to give. */
export const supportKind = z.enum(['arms', 'financial', 'fighters', 'logistics', 'political', 'training']);
export type SupportKind = z.infer<typeof supportKind>;

/**
 * One dated, sourced claim that a state or group outside the actor sustains it (for example a reported arms
 * supply). A claim is a record like any feature: its `sensitivity` decides who may see it, and a claim that is
 * not public never reaches a public surface (src/lib/domain/actorBackers.ts filters them).
 */
export const backerClaimSchema = z
  .object({
    id: featureId,
    /** The backer, as the source names it (e.g. "United Arab Emirates"). */
    backer: z.string().trim().min(1),
    backerKind: z.enum(['state', 'group']),
    support: supportKind,
    /** What is claimed, in a sentence, with who denies it when someone does. */
    description: z.string().trim().min(1),
    /** When the claim was made public (the source's date): it is shown on and after this date. */
    date: isoDate,
    /** The period of support the claim covers, when the source says (`until` exclusive). */
    since: isoDate.optional(),
    until: isoDate.optional(),
    confidence: claimConfidence,
    source: z.string().trim().min(1, 'must name the source of the claim'),
    sourceUrl: httpLink.optional(),
    sensitivity: sensitivity.default('public'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.since && c.until && c.until <= c.since)
      ctx.addIssue({ code: 'custom', path: ['until'], message: `must be after since (${c.since})` });
    if (c.since && c.since > c.date)
      ctx.addIssue({
        code: 'custom',
        path: ['since'],
        message: `must not be after the claim's date (${c.date}): a claim reports support already given`,
      });
  });
export type BackerClaim = z.infer<typeof backerClaimSchema>;

/** An armed force or group that holds areas of control (DESIGN.md §2). Actors are not spatial. */
export const actorSchema = z.object({
  id: featureId,
  name: z.string().min(1),
  nameAr: z.string().min(1).optional(),
  /** Fill colour on the map, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb'),
  /** Ids of the actors this one fights: a boundary between their areas is a front line. */
  opposes: z.array(featureId).default([]),
  /** The situation marks this actor as denying humanitarian access in its `assessed` areas. */
  deniesAccess: z.boolean().default(false),
  source: z.string().min(1).optional(),
  /** External backers, as dated and sourced claims with a confidence (oldest first). */
  backers: z.array(backerClaimSchema).default([]),
});
export type Actor = z.infer<typeof actorSchema>;
