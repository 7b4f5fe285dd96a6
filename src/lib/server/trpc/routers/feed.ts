import { z } from 'zod';
import { featureId } from '$lib/domain/schemas';
import { visibleSensitivities } from '../../auth/roles';
import { MAX_LIMIT, readChanges, toEntry } from '../../feed';
import { groupImportChanges, NAMES_PER_GROUP } from '../../feed/importWords';
import { publicProcedure, router } from '../init';

const listInput = z.object({
  subjectId: featureId.optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  /** The `next` of the previous page. */
  before: z.number().int().min(1).optional(),
  /** The changes caused by the import whose entry has this `id`, one by one. */
  import: z.number().int().min(1).optional(),
});

/**
 * The change feed (README "Change feed"): recorded status changes, newest first; an import is one item (its
 * changes grouped, `import`), whose changes one by one are read with `{ import: id }`. Anonymous callers get
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
      importOf: input.import,
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
          /** An import's item: what it wrote and the changes it caused, grouped (first names of each). */
          import: c.import
            ? {
                file: c.import.file,
                layer: c.import.layer,
                created: c.import.created,
                updated: c.import.updated,
                changes: c.import.changes.length,
                groups: groupImportChanges(c.import.changes).map((g) => ({
                  words: g.words,
                  count: g.count,
                  names: g.names.slice(0, NAMES_PER_GROUP),
                })),
              }
            : null,
        };
      }),
      next: page.next,
    };
  }),
});
