import { z } from 'zod';

/** A calendar date `YYYY-MM-DD`. Dates compare correctly as strings, which the analysis relies on. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');
export type IsoDate = z.infer<typeof isoDate>;

/** Who may see a record (DESIGN.md §2). Absent means `public`. */
export const sensitivity = z.enum(['public', 'restricted', 'confidential']);
export type Sensitivity = z.infer<typeof sensitivity>;

/** Stable identifiers: lower-case letters, digits, `_`, `-`, `.`; they appear in URLs and reasons. */
export const featureId = z
  .string()
  .min(1, 'must not be empty')
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'may hold only letters, digits, "_", "-" and "."');

/**
 * A link people follow (a source's page): http: or https: only. The map, the exports and feed readers turn
 * it into a clickable link, where a `javascript:` or `data:` URL would run a script in the reader's page.
 */
export const httpLink = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) link, such as https://example.org/report',
});

/** Properties every feature of every layer carries. */
export const baseProperties = z.object({
  id: featureId,
  name: z.string().trim().min(1, 'must not be empty'),
  nameAr: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1, 'must name the source of the feature'),
  sourceUrl: httpLink.optional(),
  sensitivity: sensitivity.default('public'),
  note: z.string().optional(),
});

/**
 * Validity interval of a feature: it counts on date D when `validFrom <= D < validTo`.
 * Open ends mean "since forever" and "still valid".
 */
export const validity = z.object({
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
});

/** Refinement shared by every layer with a validity interval. */
export function checkValidityOrder(p: { validFrom?: string; validTo?: string }, ctx: z.RefinementCtx): void {
  if (p.validFrom && p.validTo && p.validTo <= p.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: `must be after validFrom (${p.validFrom})` });
  }
}

/** Refinement for dated lists (figures, status histories): entries must be oldest first. */
export function checkOldestFirst(
  list: ReadonlyArray<{ date: string }>,
  field: string,
  message: string,
  ctx: z.RefinementCtx,
): void {
  list.forEach((e, i) => {
    const prev = list[i - 1];
    if (prev && e.date < prev.date) ctx.addIssue({ code: 'custom', path: [field, i, 'date'], message });
  });
}

/** Severity 0–3 of incidents and constraints: 3 blocks a road, 1–2 put it at risk, 0 is informative. */
export const severity = z.number().int().min(0).max(3);
