import { and, desc, eq, inArray, isNull, lt, notExists, notInArray, type SQL } from 'drizzle-orm';
import type { Sensitivity } from '$lib/domain/schemas';
import type { Database } from '../db/client';
import { features, statusChanges, statusSnapshots } from '../db/schema';
import type { ChangeCause, FeedReason, ImportEntry, ImportSummary, StatusChange, SubjectKind } from './types';

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
  /**
   * The changes caused by the import whose entry has this `number` (in the reader's numbering). Without it,
   * nor a subject, an import is one entry and the changes it caused are left out.
   */
  importOf?: number;
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
  type Row = Pick<typeof statusChanges.$inferSelect, 'id' | 'publicId' | 'restrictedId'>;
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
  const where = visibleTo(db, q.sensitivities);
  if (q.subjectKind) where.push(eq(statusChanges.subjectKind, q.subjectKind));
  if (q.subjectId) where.push(eq(statusChanges.subjectId, q.subjectId));
  if (q.importOf !== undefined) {
    const [entry] = await db
      .select({ id: statusChanges.id })
      .from(statusChanges)
      .where(and(...where, eq(numbering.column, q.importOf), eq(statusChanges.subjectKind, 'import')));
    if (!entry) return { changes: [], next: null };
    where.push(eq(statusChanges.importId, entry.id));
  } else if (!q.subjectKind && !q.subjectId) where.push(isNull(statusChanges.importId));
  if (q.before !== undefined) where.push(lt(numbering.column, q.before));
  const rows = await db
    .select()
    .from(statusChanges)
    .where(and(...where))
    .orderBy(desc(numbering.column))
    .limit(limit + 1);
  const stored = new Map<number, ImportSummary>();
  // The row's own links (`import_id`, `import_summary`) stay here: ids count every change.
  const page = rows.slice(0, limit).map(({ importId: _, importSummary, ...r }): StatusChange => {
    if (importSummary) stored.set(r.id, importSummary as ImportSummary);
    return {
      ...r,
      number: numbering.of(r),
      subjectKind: r.subjectKind as StatusChange['subjectKind'],
      field: r.field as StatusChange['field'],
      sensitivity: r.sensitivity as Sensitivity,
      cause: r.cause as ChangeCause,
      reasons: r.reasons as FeedReason[],
      import: null,
    };
  });
  const next = rows.length > limit ? page[page.length - 1].number : null;
  const entries = await importEntries(db, q.sensitivities, stored);
  // An import whose every record and change this reader may see has since become one it may not (a public
  // site made restricted) would be an empty entry, telling only that something happened: left out, as its
  // changes are. The page is then one short; `next` still follows on from the last row read.
  const changes = page
    .map((c) => (entries.has(c.id) ? { ...c, import: entries.get(c.id)! } : c))
    .filter(
      (c) =>
        c.subjectKind !== 'import' ||
        (c.import && c.import.created + c.import.updated + c.import.changes.length > 0),
    );
  return { changes, next };
}

/**
 * The conditions every read starts from: rows of the sensitivities the reader may see, and not of a subject
 * whose record is now of one it may not see.
 */
function visibleTo(db: Database, sensitivities: Sensitivity[]): SQL[] {
  const where: SQL[] = [inArray(statusChanges.sensitivity, sensitivities)];
  if (!sensitivities.includes('confidential'))
    where.push(
      notExists(
        db
          .select({ one: features.id })
          .from(features)
          .where(
            and(eq(features.id, statusChanges.subjectId), notInArray(features.sensitivity, sensitivities)),
          ),
      ),
    );
  return where;
}

/**
 * The import entries of a page as this reader sees them, by row id: the features written of the
 * sensitivities it may see, and the changes each import caused that it may see (one query for the page).
 */
async function importEntries(
  db: Database,
  sensitivities: Sensitivity[],
  imports: Map<number, ImportSummary>,
): Promise<Map<number, ImportEntry>> {
  const out = new Map<number, ImportEntry>();
  if (imports.size === 0) return out;
  const details = await db
    .select({
      importId: statusChanges.importId,
      subjectKind: statusChanges.subjectKind,
      subjectId: statusChanges.subjectId,
      subjectName: statusChanges.subjectName,
      before: statusChanges.before,
      after: statusChanges.after,
    })
    .from(statusChanges)
    .where(and(...visibleTo(db, sensitivities), inArray(statusChanges.importId, [...imports.keys()])))
    .orderBy(statusChanges.id);
  for (const [id, summary] of imports) {
    let created = 0;
    let updated = 0;
    for (const s of sensitivities) {
      created += summary.written[s]?.created ?? 0;
      updated += summary.written[s]?.updated ?? 0;
    }
    out.set(id, {
      file: summary.file,
      layer: summary.layer,
      created,
      updated,
      changes: details
        .filter((d) => d.importId === id)
        .map((d) => ({ ...d, subjectKind: d.subjectKind as SubjectKind })),
    });
  }
  return out;
}

/**
 * When the public verdicts were last found to differ (or first compared), from the public snapshot, or null
 * before the first recording. Writes that change nothing the public sees leave it as it was.
 */
export async function lastCompared(db: Database): Promise<{ asOf: string; at: Date } | null> {
  const [row] = await db.select().from(statusSnapshots).where(eq(statusSnapshots.visibility, 'public'));
  return row && row.asOf !== '' ? { asOf: row.asOf, at: row.updatedAt } : null;
}
