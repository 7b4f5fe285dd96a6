import { compareStrings } from '$lib/domain/analysis/sortById';
import { canonicalJson } from '../canonicalJson';
import type { Sensitivity } from '$lib/domain/schemas';
import { visibilityLevels, type FeedReason, type SubjectStatus, type Visibility } from './types';

/** A subject's verdict as a snapshot stores it (reasons are kept on the changes, not in the snapshot). */
export type StoredStatus = Omit<SubjectStatus, 'reasons'>;
/** Every subject's verdict of one level, keyed by `subjectKey` (`status_snapshots.statuses.subjects`). */
export type StoredStatuses = Record<string, StoredStatus>;

/** A change before it is stored. */
export interface ChangeDraft {
  subjectKind: SubjectStatus['kind'];
  subjectId: string;
  subjectName: string;
  field: SubjectStatus['field'];
  before: string | null;
  after: string | null;
  sensitivity: Sensitivity;
  reasons: FeedReason[];
}

/** The snapshot form of a level's statuses. */
export function toStored(statuses: Map<string, SubjectStatus>): StoredStatuses {
  const out: StoredStatuses = {};
  for (const [k, s] of [...statuses].sort(([a], [b]) => compareStrings(a, b)))
    out[k] = {
      kind: s.kind,
      id: s.id,
      name: s.name,
      field: s.field,
      value: s.value,
      ...(s.context ? { context: s.context } : {}),
    };
  return out;
}

/** Whether two stored snapshots of a level hold the same verdicts (names and contexts included). */
export function sameStatuses(a: StoredStatuses, b: StoredStatuses): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The changes between the previous snapshot of each visibility level and the statuses now, one per subject
 * and level at most. A change seen in the public comparison is `public`; one seen first in the staff
 * comparison (or one that differs from what the public saw) is `restricted`; one seen only when confidential
 * records count is `confidential`. A subject that is not public is absent from the public comparison, so it
 * never gets a public change. Sorted by kind, then id, then sensitivity, so the rows are in a stable order.
 */
export function compareStatuses(
  previous: Record<Visibility, StoredStatuses>,
  next: Record<Visibility, Map<string, SubjectStatus>>,
): ChangeDraft[] {
  const keys = new Set<string>();
  for (const { visibility } of visibilityLevels) {
    for (const k of Object.keys(previous[visibility])) keys.add(k);
    for (const k of next[visibility].keys()) keys.add(k);
  }
  const out: ChangeDraft[] = [];
  for (const key of [...keys].sort(compareStrings)) {
    let shown: { before: string | null; after: string | null } | undefined;
    for (const { visibility, sensitivity } of visibilityLevels) {
      const was = previous[visibility][key];
      const now = next[visibility].get(key);
      const before = was?.value ?? null;
      const after = now?.value ?? null;
      if (before === after) continue;
      // Already shown at a lower level: whoever sees this level sees that change too.
      if (shown && shown.before === before && shown.after === after) continue;
      const subject = (now ?? was)!;
      // What the verdict rested on before (a site's old best path) tells what the change took away.
      const previously =
        was?.context && was.context.detail !== now?.context?.detail
          ? [{ ...was.context, code: 'previous_path', detail: `until now ${was.context.detail}` }]
          : [];
      out.push({
        subjectKind: subject.kind,
        subjectId: subject.id,
        subjectName: subject.name,
        field: subject.field,
        before,
        after,
        sensitivity,
        reasons: [...(now?.reasons ?? []), ...previously],
      });
      shown = { before, after };
    }
  }
  return out;
}
