import type { Sensitivity } from '$lib/domain/schemas';

/** What the feed follows: a corridor's status, a crossing's status, a site's access class. */
export type SubjectKind = 'corridor' | 'crossing' | 'site';
export const subjectKinds: readonly SubjectKind[] = ['corridor', 'crossing', 'site'];

/** What caused a recording: a write in the app, an import, server start (seeding), or the date moving on. */
export type ChangeCause = 'edit' | 'delete' | 'restore' | 'import' | 'seed' | 'date';

/**
 * A reason of a verdict, as the analysis gives it (`code`, the feature it names, a detail in plain words).
 * Crossings use the code `crossing_status`; a site's best path is `best_path`, and the one it had before a
 * change `previous_path`.
 */
export interface FeedReason {
  code: string;
  featureId: string;
  detail: string;
}

/** One subject's verdict on the as-of date. */
export interface SubjectStatus {
  kind: SubjectKind;
  id: string;
  name: string;
  field: 'status' | 'access';
  value: string;
  reasons: FeedReason[];
  /**
   * What the verdict rests on, kept in the snapshot so a later change can say what it was before: a site's
   * best path (the hub and crossings it was reached through).
   */
  context?: FeedReason;
}

/**
 * The visibility levels the feed compares, each the analysis of the records of that sensitivity and below:
 * `public` (what anonymous visitors see), `restricted` (staff: public and restricted records), `all`
 * (administrators: every record). A change gets the sensitivity of the lowest level it shows in.
 */
export const visibilityLevels = [
  { visibility: 'public', sensitivity: 'public', includes: ['public'] },
  { visibility: 'restricted', sensitivity: 'restricted', includes: ['public', 'restricted'] },
  { visibility: 'all', sensitivity: 'confidential', includes: ['public', 'restricted', 'confidential'] },
] as const satisfies readonly { visibility: string; sensitivity: Sensitivity; includes: Sensitivity[] }[];
export type Visibility = (typeof visibilityLevels)[number]['visibility'];

/**
 * What an import wrote, as its feed row stores it (`status_changes.import_summary`): features created and
 * updated per sensitivity after the write, so each reader is told only of the records it may see.
 */
export interface ImportSummary {
  file: string;
  layer: string;
  written: Record<Sensitivity, { created: number; updated: number }>;
}

/**
 * An import's entry as one reader sees it: the features of the sensitivities it may see, and the status
 * changes the import caused that it may see (subjects only; each change is its own row, with its reasons).
 */
export interface ImportEntry {
  file: string;
  layer: string;
  created: number;
  updated: number;
  changes: Pick<StatusChange, 'subjectKind' | 'subjectId' | 'subjectName' | 'before' | 'after'>[];
}

/** A change as recorded in `status_changes`. */
export interface StatusChange {
  /** The row's id: counts every change, whatever its sensitivity (never shown to a reader). */
  id: number;
  /** Its number among the changes the reader it was read for may see (`readChanges`): shown, and paged by. */
  number: number;
  /** Its number among public changes, or null when it is not public. */
  publicId: number | null;
  /** Its number among public and restricted changes, or null when it is confidential. */
  restrictedId: number | null;
  at: Date;
  asOf: string;
  subjectKind: SubjectKind | 'import';
  subjectId: string;
  subjectName: string;
  field: 'status' | 'access' | 'import';
  before: string | null;
  after: string | null;
  sensitivity: Sensitivity;
  cause: ChangeCause;
  actor: string | null;
  reasons: FeedReason[];
  /**
   * Set on an import's entry (`subjectKind` and `field` are then `import`, the subject's name is the file's, `before` and `after` are null): the
   * workspace feed shows it in place of the changes the import caused, which are read with `importOf`.
   */
  import: ImportEntry | null;
}
