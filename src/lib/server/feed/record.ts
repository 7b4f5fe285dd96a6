import { asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import { createAnalyzer, type Analyzer } from '$lib/domain/analysis';
import {
  layerNames,
  scenarioSchema,
  type AnalysisReport,
  type Sensitivity,
  type Situation,
} from '$lib/domain/schemas';
import type { Database, Tx } from '../db/client';
import { readSituation } from '../db/featureRepository';
import { auditLog, dataVersion, features, scenarios, statusChanges, statusSnapshots } from '../db/schema';
import { situationVisibleAt } from '$lib/domain/visibility';
import { feedAsOf } from './asOf';
import { compareStatuses, sameStatuses, toStored, type ChangeDraft, type StoredStatuses } from './compare';
import { statusesOn } from './statuses';
import {
  visibilityLevels,
  type ChangeCause,
  type ImportSummary,
  type SubjectStatus,
  type Visibility,
} from './types';

/**
 * Where a recording may take each level's situation and analyses from instead of reading and analysing them
 * itself: the server's situation store, which keeps them for the map (read again after a write as the rows
 * written since, each date analysed once per level). Without one (server start, the command line) a recording
 * reads the whole situation and analyses it.
 */
export interface FeedSource {
  /**
   * The situation of each level (the sensitivities it includes), all what the database held at one data version
   * (`data_version.n`), and that version; undefined when a write came between the reads.
   */
  situationsAt(
    levels: readonly (readonly Sensitivity[])[],
  ): Promise<{ version: number; situations: Situation[] } | undefined>;
  /** The analysis report of `asOf`, default parameters, over a situation `situationsAt` gave. Never mutated. */
  reportOf(situation: Situation, asOf: string): Promise<AnalysisReport>;
}

/** Where to record: the server's services, or a database and the scenario's id. */
export type FeedTarget =
  | {
      database: { db: Database; track?: (work: Promise<unknown>) => void };
      store: { scenarioId: string } | (FeedSource & { scenarioId: string });
    }
  | { db: Database; scenarioId: string; source?: FeedSource };

export interface RecordOptions {
  cause: ChangeCause;
  /** Who made the write (an account's email, `seed`, an importer); null when nobody did (the date moved). */
  actor: string | null;
  /** The clock, for tests: the as-of date is `now` brought inside the scenario's time range. */
  now?: Date;
  /**
   * Set after an import: what it wrote. The import gets one entry saying so, and the changes it caused are
   * stored as its details (the workspace feed shows the entry, a subject's feed its own change).
   */
  import?: ImportSummary;
}

export interface RecordResult {
  asOf: string;
  /** True when there was no snapshot yet: this one is the baseline and records no change. */
  baseline: boolean;
  /** False when nothing was written since the last comparison (same date): no analysis was needed. */
  analysed: boolean;
  /**
   * Where the situations compared came from: `source` (the `FeedSource`'s, current when the lock was held), or
   * `read` (a whole read in the recording's transaction: no source, or a write came after the source's read).
   * Null when nothing was analysed.
   */
  situations: 'source' | 'read' | null;
  /** The changes recorded by this call, in the order stored. */
  changes: (ChangeDraft & { cause: ChangeCause; asOf: string })[];
  /** After an import: the sensitivity its entry was recorded with, or null when none was (a baseline). */
  importEntry: Sensitivity | null;
  /** Time the whole recording took, in ms (reading, analysing, comparing, writing). */
  ms: number;
}

const visibilities = visibilityLevels.map((l) => l.visibility);

/** Marks a snapshot row that exists only so it can be locked: no comparison has been stored in it yet. */
const NO_SNAPSHOT = '';

/** `status_snapshots.statuses`: the verdicts compared, and the state of the data they were computed from. */
interface StoredSnapshot {
  stamp: string;
  subjects: StoredStatuses;
}

/**
 * Changes whenever the data the statuses depend on does: the audit log only grows (every write of a
 * feature appends to it), the feature count and latest update catch writes that bypass it, and the scenario
 * row's update time catches a new scenario document.
 */
async function dataStamp(tx: Tx, scenarioUpdatedAt: Date): Promise<string> {
  const [a] = await tx.select({ n: count() }).from(auditLog);
  const [f] = await tx.select({ n: count(), at: max(features.updatedAt) }).from(features);
  const at = f?.at ? new Date(f.at).getTime() : 0;
  return `${a?.n ?? 0}/${f?.n ?? 0}/${at}/${scenarioUpdatedAt.getTime()}`;
}

function resolveTarget(t: FeedTarget): { db: Database; scenarioId: string; source?: FeedSource } {
  if (!('database' in t)) return t;
  const { store } = t;
  return {
    db: t.database.db,
    scenarioId: store.scenarioId,
    ...('reportOf' in store ? { source: store } : {}),
  };
}

/** Each level's situation, and the analysis of a date over one of them. */
interface Levels {
  situations: Record<Visibility, Situation>;
  report(situation: Situation, asOf: string): AnalysisReport | Promise<AnalysisReport>;
}

/** The levels of a whole read (every record): each level's records filtered from it, one analyzer per level. */
function levelsOfWholeRead(all: Situation): Levels {
  const analyzers = new Map<Situation, Analyzer>();
  const analyzerOf = (s: Situation) => analyzers.get(s) ?? analyzers.set(s, createAnalyzer(s)).get(s)!;
  return {
    situations: Object.fromEntries(
      visibilityLevels.map((l) => [l.visibility, situationVisibleAt(all, l.includes)]),
    ) as Record<Visibility, Situation>,
    report: (s, asOf) => analyzerOf(s).analyze(asOf),
  };
}

/** The levels of a `FeedSource`, in the order of `visibilityLevels`. */
function levelsOfSource(source: FeedSource, situations: Situation[]): Levels {
  return {
    situations: Object.fromEntries(visibilityLevels.map((l, i) => [l.visibility, situations[i]!])) as Record<
      Visibility,
      Situation
    >,
    report: (s, asOf) => source.reportOf(s, asOf),
  };
}

/**
 * The statuses of every level on `asOf`. A level with no more records than the one below it is the same
 * analysis, so it is computed once (the default scenario, all public, costs one analysis).
 */
async function statusesByLevel(
  levels: Levels,
  asOf: string,
): Promise<Record<Visibility, Map<string, SubjectStatus>>> {
  const out = {} as Record<Visibility, Map<string, SubjectStatus>>;
  let previous: { count: number; statuses: Map<string, SubjectStatus> } | undefined;
  for (const level of visibilityLevels) {
    const s = levels.situations[level.visibility];
    const count = layerNames.reduce((n, l) => n + (s[l] as unknown[]).length, 0);
    const statuses =
      previous?.count === count ? previous.statuses : statusesOn(s, await levels.report(s, asOf));
    out[level.visibility] = statuses;
    previous = { count, statuses };
  }
  return out;
}

async function dataVersionIn(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: dataVersion.n }).from(dataVersion);
  return Number(row?.n ?? 0);
}

/**
 * Records what changed since the last recording: the statuses of corridors and crossings and the access
 * class of sites on the feed's as-of date (`feedAsOf`), compared for each visibility level (public, staff,
 * everything) with the snapshot of that level stored last time; one `status_changes` row per changed subject
 * and level, and the new snapshots. Call it after any write to the features (edit, delete, restore, import)
 * and at server start; the first call stores the baseline and records nothing. In the server, the target's store
 * is its `FeedSource`: the situations and analyses it keeps for the map (docs/scaling.md).
 *
 * Race-safe: the snapshot rows are locked (`SELECT … FOR UPDATE`) for the whole comparison and the data
 * compared is no older than the lock (the source's situations when the data version read under it is theirs,
 * else a whole read made under it), so of concurrent calls each compares against what the one before it stored,
 * and a change is recorded once. A call that fails records nothing; the next call then records
 * what it missed (attributed to that call's cause).
 *
 * A call that finds nothing written since the last comparison (same data stamp, same date) returns at once
 * without analysing.
 *
 * When the as-of date has moved on since the last snapshot (a new day), the write's effect is measured on the
 * old date first, then what the date alone changed is recorded with the cause `date`.
 */
export async function recordStatusChanges(target: FeedTarget, options: RecordOptions): Promise<RecordResult> {
  const started = performance.now();
  const { db, scenarioId, source } = resolveTarget(target);
  // Before the lock (the store reads in transactions of its own, which on the embedded database would wait for this
  // one): the source's situations. They are used only if no write came after them, checked once the lock is held.
  const held = await source?.situationsAt(visibilityLevels.map((l) => l.includes));
  const result = await db.transaction(async (tx): Promise<Omit<RecordResult, 'ms'>> => {
    // Rows to lock must exist: the first call creates them, concurrent first calls wait on each other here.
    await tx
      .insert(statusSnapshots)
      .values(visibilities.map((visibility) => ({ visibility, asOf: NO_SNAPSHOT, statuses: {} })))
      .onConflictDoNothing();
    const locked = await tx
      .select()
      .from(statusSnapshots)
      .where(inArray(statusSnapshots.visibility, visibilities))
      .orderBy(asc(statusSnapshots.visibility))
      .for('update');
    const [scenarioRow] = await tx.select().from(scenarios).where(eq(scenarios.id, scenarioId));
    if (!scenarioRow) throw new Error(`scenario "${scenarioId}" is not in the database`);
    const asOf = feedAsOf(scenarioSchema.parse(scenarioRow.document), options.now);
    const stamp = await dataStamp(tx, scenarioRow.updatedAt);

    const previous = {} as Record<Visibility, StoredStatuses>;
    let previousAsOf: string | undefined;
    let baseline = false;
    let unchanged = true;
    for (const v of visibilities) {
      const row = locked.find((r) => r.visibility === v);
      const stored = row?.statuses as Partial<StoredSnapshot> | undefined;
      if (!row || row.asOf === NO_SNAPSHOT || !stored?.subjects) baseline = true;
      else previousAsOf ??= row.asOf;
      if (row?.asOf !== asOf || stored?.stamp !== stamp) unchanged = false;
      previous[v] = stored?.subjects ?? {};
    }
    // Nothing written since the last comparison, on the same date: the statuses cannot differ.
    if (!baseline && unchanged)
      return { asOf, baseline, analysed: false, situations: null, changes: [], importEntry: null };

    // The data version read after the stamp: when it is the source's, no write came after the source's read, and the
    // stamp stored with the statuses is of the same data.
    const current = held !== undefined && (await dataVersionIn(tx)) === held.version;
    const levels =
      current && source
        ? levelsOfSource(source, held.situations)
        : levelsOfWholeRead(await readSituation(tx, scenarioId, ['public', 'restricted', 'confidential']));
    const now = await statusesByLevel(levels, asOf);
    const changes: RecordResult['changes'] = [];
    // The statuses after the write on the date compared last time: the date's own effect is from there to `now`.
    let then = now;
    // Not a baseline: every level has a snapshot, so `previousAsOf` is set.
    if (!baseline && previousAsOf) {
      then = previousAsOf === asOf ? now : await statusesByLevel(levels, previousAsOf);
      for (const c of compareStatuses(previous, then))
        changes.push({ ...c, cause: options.cause, asOf: previousAsOf });
      if (then !== now) {
        const stored = Object.fromEntries(visibilities.map((v) => [v, toStored(then[v])])) as typeof previous;
        for (const c of compareStatuses(stored, now)) changes.push({ ...c, cause: 'date', asOf });
      }
    }
    // What the date alone changed became true when the day began, whatever write (perhaps one of a record the
    // public does not see) happened to be the first of the day and found it: that is the time it is given.
    const dayBegan = new Date(`${asOf}T00:00:00Z`);
    for (const v of visibilities) {
      const statuses: StoredSnapshot = { stamp, subjects: toStored(now[v]) };
      const afterWrite = toStored(then[v]);
      // The row's time says when this level's verdicts last changed (public feeds show the public one as
      // their `updated` when they have no entry): a write that changed nothing this level sees leaves it, or
      // the public feeds would tell when staff worked on records they do not show.
      const byWrite = baseline || !sameStatuses(previous[v], afterWrite);
      const byDate = then !== now && !sameStatuses(afterWrite, statuses.subjects);
      const updatedAt = byWrite ? sql`clock_timestamp()` : byDate ? dayBegan : undefined;
      await tx
        .update(statusSnapshots)
        .set({ asOf, statuses, ...(updatedAt ? { updatedAt } : {}) })
        .where(eq(statusSnapshots.visibility, v));
    }
    // An import's entry, when it wrote something: the write's changes are its details. None on a baseline,
    // which records nothing.
    const importEntry =
      options.import && !baseline
        ? importSensitivity(
            options.import,
            changes.filter((c) => c.cause !== 'date'),
          )
        : null;
    if (changes.length > 0 || importEntry) {
      // Each reader's numbering of the changes it may see continues from the last one (`status_changes`'s
      // `public_id`, `restricted_id`); the snapshot rows' lock makes recordings take turns, so no two share one.
      const [top] = await tx
        .select({ p: max(statusChanges.publicId), r: max(statusChanges.restrictedId) })
        .from(statusChanges);
      let publicId = Number(top?.p ?? 0);
      let restrictedId = Number(top?.r ?? 0);
      let importId: number | null = null;
      if (importEntry) {
        const [row] = await tx
          .insert(statusChanges)
          .values({
            publicId: importEntry === 'public' ? ++publicId : null,
            restrictedId: importEntry === 'confidential' ? null : ++restrictedId,
            asOf: previousAsOf ?? asOf,
            subjectKind: 'import',
            // Never a feature's id (those have no ":"), so no feature's sensitivity hides it.
            subjectId: `import:${options.import!.layer}`,
            subjectName: options.import!.file,
            field: 'import',
            sensitivity: importEntry,
            cause: options.cause,
            actor: options.actor,
            importSummary: options.import,
            at: sql`clock_timestamp()`,
          })
          .returning({ id: statusChanges.id });
        importId = row.id;
      }
      if (changes.length > 0)
        await tx.insert(statusChanges).values(
          changes.map((c) => ({
            publicId: c.sensitivity === 'public' ? ++publicId : null,
            restrictedId: c.sensitivity === 'confidential' ? null : ++restrictedId,
            asOf: c.asOf,
            subjectKind: c.subjectKind,
            subjectId: c.subjectId,
            subjectName: c.subjectName,
            field: c.field,
            before: c.before,
            after: c.after,
            sensitivity: c.sensitivity,
            cause: c.cause,
            actor: c.cause === 'date' ? null : options.actor,
            reasons: c.reasons,
            importId: c.cause === 'date' ? null : importId,
            // A write's change: the time it was found, after the lock (ids and these times rise together). The
            // date's: the start of the day.
            at: c.cause === 'date' ? dayBegan : sql`clock_timestamp()`,
          })),
        );
    }
    return { asOf, baseline, analysed: true, situations: current ? 'source' : 'read', changes, importEntry };
  });
  return { ...result, ms: performance.now() - started };
}

/**
 * The sensitivity of an import's entry: the lowest at which anything of it shows, a feature written or a
 * change caused. An import of restricted records that changed nothing the public sees is not in the public
 * feeds at all; null when it wrote nothing and changed nothing.
 */
export function importSensitivity(
  summary: ImportSummary,
  changes: readonly Pick<ChangeDraft, 'sensitivity'>[],
): Sensitivity | null {
  const shown = (s: Sensitivity) =>
    summary.written[s].created + summary.written[s].updated > 0 || changes.some((c) => c.sensitivity === s);
  return visibilityLevels.map((l) => l.sensitivity).find(shown) ?? null;
}
