import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Sensitivity } from '$lib/domain/schemas';
import type { Database } from '../db/client';
import { statusChanges, statusSnapshots } from '../db/schema';
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
  /** Only changes older than this one (its id): the cursor of the next page. */
  before?: number;
}

export interface ChangePage {
  changes: StatusChange[];
  /** The `before` cursor of the next page, or null when this page is the last. */
  next: number | null;
}

/** Recorded changes the reader may see, newest first, one page at a time. */
export async function readChanges(db: Database, q: ChangeQuery): Promise<ChangePage> {
  const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const where: SQL[] = [inArray(statusChanges.sensitivity, q.sensitivities)];
  if (q.subjectKind) where.push(eq(statusChanges.subjectKind, q.subjectKind));
  if (q.subjectId) where.push(eq(statusChanges.subjectId, q.subjectId));
  if (q.before !== undefined) where.push(lt(statusChanges.id, q.before));
  const rows = await db
    .select()
    .from(statusChanges)
    .where(and(...where))
    .orderBy(desc(statusChanges.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r): StatusChange => ({
    ...r,
    subjectKind: r.subjectKind as SubjectKind,
    field: r.field as StatusChange['field'],
    sensitivity: r.sensitivity as Sensitivity,
    cause: r.cause as ChangeCause,
    reasons: r.reasons as FeedReason[],
  }));
  return { changes: page, next: rows.length > limit ? page[page.length - 1].id : null };
}

/** When the feed last compared (the public snapshot), or null before the first recording. */
export async function lastCompared(db: Database): Promise<{ asOf: string; at: Date } | null> {
  const [row] = await db.select().from(statusSnapshots).where(eq(statusSnapshots.visibility, 'public'));
  return row && row.asOf !== '' ? { asOf: row.asOf, at: row.updatedAt } : null;
}
