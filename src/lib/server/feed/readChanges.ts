import { and, desc, eq, inArray, lt, notExists, notInArray, type SQL } from 'drizzle-orm';
import type { Sensitivity } from '$lib/domain/schemas';
import type { Database } from '../db/client';
import { features, statusChanges, statusSnapshots } from '../db/schema';
import type { ChangeCause, FeedReason, StatusChange, SubjectKind } from './types';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface ChangeQuery {
  /** The sensitivities the reader may see: `['public']` for every public surface. */
  sensitivities: Sensitivity[];
  subjectKind?: SubjectKind;
  subjectId?: string;
  /** At most this many, newest first (default 50, at most 200). */
  limit?: number;
  /** Only changes older than this one (its `number`): the cursor of the next page. */
  before?: number;
}

export interface ChangePage {
  changes: StatusChange[];
  /** The `before` cursor of the next page, or null when this page is the last. */
  next: number | null;
}

/**
 * The numbering of the changes a reader may see: public changes only (`public_id`), public and restricted
 * ones (`restricted_id`, staff), or every change (`id`, administrators). A reader never sees a number that
 * counts changes it may not see.
 */
function numberingFor(sensitivities: Sensitivity[]) {
  type Row = typeof statusChanges.$inferSelect;
  if (sensitivities.includes('confidential')) return { column: statusChanges.id, of: (r: Row) => r.id };
  if (sensitivities.includes('restricted'))
    return { column: statusChanges.restrictedId, of: (r: Row) => Number(r.restrictedId) };
  return { column: statusChanges.publicId, of: (r: Row) => Number(r.publicId) };
}

/**
 * Recorded changes the reader may see, newest first, one page at a time. Changes of a subject whose record is
 * now of a sensitivity the reader may not see (a public corridor made restricted) are left out, as if the
 * record had never been: its earlier changes were public, but showing them would keep showing the record.
 * A deleted record keeps the changes of its last sensitivity.
 */
export async function readChanges(db: Database, q: ChangeQuery): Promise<ChangePage> {
  const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const numbering = numberingFor(q.sensitivities);
  const where: SQL[] = [inArray(statusChanges.sensitivity, q.sensitivities)];
  if (!q.sensitivities.includes('confidential'))
    where.push(
      notExists(
        db
          .select({ one: features.id })
          .from(features)
          .where(
            and(eq(features.id, statusChanges.subjectId), notInArray(features.sensitivity, q.sensitivities)),
          ),
      ),
    );
  if (q.subjectKind) where.push(eq(statusChanges.subjectKind, q.subjectKind));
  if (q.subjectId) where.push(eq(statusChanges.subjectId, q.subjectId));
  if (q.before !== undefined) where.push(lt(numbering.column, q.before));
  const rows = await db
    .select()
    .from(statusChanges)
    .where(and(...where))
    .orderBy(desc(numbering.column))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r): StatusChange => ({
    ...r,
    number: numbering.of(r),
    subjectKind: r.subjectKind as SubjectKind,
    field: r.field as StatusChange['field'],
    sensitivity: r.sensitivity as Sensitivity,
    cause: r.cause as ChangeCause,
    reasons: r.reasons as FeedReason[],
  }));
  return { changes: page, next: rows.length > limit ? page[page.length - 1].number : null };
}

/**
 * When the public verdicts were last found to differ (or first compared), from the public snapshot, or null
 * before the first recording. Writes that change nothing the public sees leave it as it was.
 */
export async function lastCompared(db: Database): Promise<{ asOf: string; at: Date } | null> {
  const [row] = await db.select().from(statusSnapshots).where(eq(statusSnapshots.visibility, 'public'));
  return row && row.asOf !== '' ? { asOf: row.asOf, at: row.updatedAt } : null;
}
