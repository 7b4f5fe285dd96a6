import { z } from 'zod';
import { actorSchema } from './actor';
import { isoDate } from './common';
import { travelParamsSchema } from './travel';

/** `geodata/scenario.json`: what the layers are about, the actors, and the date the map opens on. */
export const scenarioSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    nameAr: z.string().min(1).optional(),
    description: z.string().default(''),
    /** The as-of date a newcomer sees first. */
    defaultAsOf: isoDate,
    /** The range the time slider covers. */
    timeRange: z.object({ from: isoDate, to: isoDate }),
    /** The workspace extent [west, south, east, north], used for the initial view and import checks. */
    extent: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .refine(([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90, {
        message: 'must be [west, south, east, north] in degrees with west < east and south < north',
      }),
    /** ISO 3166-1 alpha-3 code of the country in crisis: hubs elsewhere give cross-border access. */
    country: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as SDN'),
    actors: z.array(actorSchema).min(1),
    /** Free text shown in the UI beside the control areas, e.g. that they are approximate. */
    disclaimer: z.string().default(''),
    /** The convoy planner's speeds and seasons for this scenario (defaults: see travelParamsSchema). */
    travel: travelParamsSchema.partial().optional(),
  })
  .superRefine((s, ctx) => {
    const ids = new Set(s.actors.map((a) => a.id));
    s.actors.forEach((a, i) => {
      a.opposes.forEach((o, j) => {
        if (!ids.has(o))
          ctx.addIssue({
            code: 'custom',
            path: ['actors', i, 'opposes', j],
            message: `names unknown actor "${o}"`,
          });
      });
    });
    // Claim ids name a claim in tests and the brief's sources: one id, one claim, across all actors.
    const claimIds = new Set<string>();
    s.actors.forEach((a, i) => {
      a.backers.forEach((c, j) => {
        if (claimIds.has(c.id))
          ctx.addIssue({
            code: 'custom',
            path: ['actors', i, 'backers', j, 'id'],
            message: `claim id "${c.id}" is used twice`,
          });
        claimIds.add(c.id);
      });
    });
    if (s.timeRange.to <= s.timeRange.from)
      ctx.addIssue({ code: 'custom', path: ['timeRange', 'to'], message: 'must be after timeRange.from' });
  });
export type Scenario = z.infer<typeof scenarioSchema>;
