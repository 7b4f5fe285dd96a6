import { z } from 'zod';
import { featureId } from '$lib/domain/schemas';
import { visibleSensitivities } from '../../auth/roles';
import { MAX_LIMIT, readChanges, toEntry } from '../../feed';
import { publicProcedure, router } from '../init';

const listInput = z.object({
  subjectId: featureId.optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  /** The `next` of the previous page. */
  before: z.number().int().min(1).optional(),
});

/**
 * The change feed (README "Change feed"): recorded status changes, newest first. Anonymous callers get
 * public changes only; staff also the changes seen only in the analysis of the records they may see
 * (restricted; confidential for admins), with the account that made the write.
 */
export const feedRouter = router({
  list: publicProcedure.input(listInput.optional()).query(async ({ ctx, input = {} }) => {
    const staff = ctx.viewer !== null;
    const page = await readChanges(ctx.services.database.db, {
      sensitivities: visibleSensitivities(ctx.viewer),
      subjectId: input.subjectId,
      limit: input.limit,
      before: input.before,
    });
    const scenarioId = ctx.services.store.scenarioId;
    return {
      items: page.changes.map((c) => {
        const e = toEntry(scenarioId, '', c, staff);
        return {
          /** Its number among the changes this caller may see (public ones only, anonymously): `before` pages by it. */
          id: c.number,
          urn: e.id,
          at: c.at.toISOString(),
          asOf: c.asOf,
          subject: { kind: c.subjectKind, id: c.subjectId, name: c.subjectName },
          field: c.field,
          before: c.before,
          after: c.after,
          sensitivity: c.sensitivity,
          cause: c.cause,
          actor: staff ? c.actor : null,
          reasons: c.reasons,
          title: e.title,
          summary: e.summary,
          /** The map on the subject and date (`/?sel=…&date=…`). */
          url: e.url,
        };
      }),
      next: page.next,
    };
  }),
});
