import type { Situation } from '$lib/domain/schemas';
import { verdictsWireOf } from '$lib/map/verdictsWireOf';
import { addDays } from '$lib/domain/calendarDays';
import { visibleSensitivities, type Viewer } from '../auth/roles';
import { untilReadersQuiet } from '../http/readerActivity';
import type { SituationStore } from '../situation/situationStore';
import { keptBody } from './serialisedBodies';
import type { VerdictsArchive } from './verdictsArchive';
import { verdictsBody, verdictsWhat } from './verdictsBody';
import { verdictsForView } from './verdictsForView';
import { walkOrder } from './walkOrder';
import { situationForView } from './viewSituation';

/**
 * The steps of the map's date control from the date shown, nearest first: a day either way (the slider's
 * and the field's arrow keys) and thirty days (the ±30 buttons, Page Up / Page Down).
 */
export const WARM_STEPS = [1, -1, 30, -30] as const;

/** How long no reader's request may have been in flight before a warm-up step starts. */
export const WARM_QUIET_MS = 100;

/** Dates waiting to be warmed at most: the neighbours of the two or three dates asked last. */
const MAX_WAITING = 2 * WARM_STEPS.length;

/** Snapshots whose range is walked at most: the visibility levels asked last. */
const MAX_WALKS = 4;

/** A snapshot a reader was answered from, and where its warmed verdicts go. */
interface Asked {
  store: SituationStore;
  archive: VerdictsArchive;
  viewer: Viewer;
  /** The snapshot the date was asked of: the warm-up is for it only, and dropped once it is replaced. */
  situation: Situation;
}
interface Job extends Asked {
  date: string;
}
interface Walk extends Asked {
  /** The dates of the range not walked yet, the next one last. */
  left: string[];
}

// Newest first: the date a reader asked last is where the next request will come from.
let waiting: Job[] = [];
// The snapshot asked last first.
let walks: Walk[] = [];
let running: Promise<void> | undefined;
// Set when the server stops (`stopWarmUp`): nothing more is warmed or walked.
let stopped = false;
const utf8 = new TextEncoder();

/**
 * After a reader was answered the verdicts of `date`, analyses in the background, for the same snapshot (so
 * the same visibility level: a signed-in reader's warm-up never reaches a public answer):
 * - first the dates the date control steps to from it (`WARM_STEPS`, inside the scenario's range), into the
 *   caches the route reads (`verdictsForView`, `serialisedBody`), so that the next step is answered at once;
 * - then, when `archive` is on, every date of the scenario's range, from `date` back to the first and then on
 *   to the last, into `archive` (`verdictsArchive.ts`), so that any date is answered without an analysis:
 *   the walk of the range. A walk under way goes on from the date asked last.
 * One date at a time, only when no reader's request is in flight (`readerActivity.ts`), yielding between its
 * analysis and its serialisation. Dates already in the archive are not analysed again.
 */
export function warmNeighbours(
  store: SituationStore,
  archive: VerdictsArchive,
  viewer: Viewer,
  situation: Situation,
  date: string,
): void {
  if (stopped) return;
  const { from, to } = situation.scenario.timeRange;
  const asked: Asked = { store, archive, viewer, situation };
  const next = WARM_STEPS.map((step) => addDays(date, step))
    .filter((d) => d >= from && d <= to && !archive.has(situation, d))
    .map((d) => ({ ...asked, date: d }));
  const same = (a: Job, b: Job) => a.situation === b.situation && a.date === b.date;
  waiting = [...next, ...waiting.filter((j) => !next.some((n) => same(j, n)))].slice(0, MAX_WAITING);
  if (archive.enabled) {
    const walk = walks.find((w) => w.situation === situation) ?? { ...asked, left: [] };
    // Walked on from the date asked last, the dates archived left out: the reader looks around it next, and the
    // analyzer is there, so the walk's next day costs a day's step, not a far one back to where it was.
    walk.left = walkOrder(from, to, date)
      .filter((d) => !archive.has(situation, d))
      .reverse();
    // Another snapshot of the same store and visibility level is one the data has moved on from: its walk
    // goes now, not when its turn would come, so that the old situation and its analyzer are let go.
    const level = levelOf(viewer);
    const superseded = (w: Walk) => w.store === store && levelOf(w.viewer) === level;
    walks = [walk, ...walks.filter((w) => w !== walk && !superseded(w))].slice(0, MAX_WALKS);
  }
  running ??= drain().finally(() => (running = undefined));
}

const levelOf = (viewer: Viewer) => visibleSensitivities(viewer).join(',');

/** Resolves when nothing is waiting to be warmed and no range is being walked (for tests). */
export async function warmUpSettled(): Promise<void> {
  while (running) await running;
}

/**
 * Stops the warm-up and the walks for good, and resolves once the step under way has ended: the server is
 * stopping, and its database is closed after this (src/hooks.server.ts), which a step would otherwise still
 * read and log as a failure.
 */
export async function stopWarmUp(): Promise<void> {
  stopped = true;
  waiting = [];
  walks = [];
  await warmUpSettled();
}

/** Dates waiting to be warmed now (for tests and the docs' figures). */
export function warmUpWaiting(): number {
  return waiting.length;
}

/** Snapshots whose range is being walked now (for tests). */
export function rangesWalking(): number {
  return walks.length;
}

async function drain(): Promise<void> {
  for (;;) {
    await readersQuiet();
    if (stopped) return;
    const job = waiting.shift();
    if (job) await warmDate(job);
    else if (walks[0]) await walkStep(walks[0]);
    else return;
  }
}

/** Whether `asked`'s snapshot is still the one its reader would be answered from. */
async function current(asked: Asked): Promise<boolean> {
  return (await situationForView(asked.store, asked.viewer)) === asked.situation;
}

async function warmDate(job: Job): Promise<void> {
  try {
    // The data changed since the date was asked: its snapshot's dates will not be asked again. Or the walk
    // of the range has reached the date since.
    if (job.archive.has(job.situation, job.date) || !(await current(job))) return;
    // Or another instance walked it: kept here from the shared archive, and answered from there.
    const stamp = job.store.stampOf(job.situation);
    if (stamp && (await job.archive.bring(job.situation, stamp, job.date)) === 'kept') return;
    await readersQuiet();
    if (stopped) return;
    await verdictsForView(job.store, job.situation, job.date);
    await readersQuiet();
    await verdictsBody(job.store, job.archive, job.situation, job.date);
  } catch (e) {
    // A reader asking this date gets the error from the route; the warm-up goes on with the next.
    console.error(`corridor: warming the verdicts of ${job.date} failed:`, e);
  }
}

/**
 * The next date of `walk`'s range into its archive. The analysis is the store's analyzer's, as the route's
 * (`SituationStore.analysisFor` analyses a snapshot with `analyzerOf` it), but not kept in the store's cache
 * of reports, which the walk would fill with dates nobody asked. A date the shared archive has (another
 * instance walked it, or this one before it started again) is brought from there instead. The walk ends at its
 * range's end, when its snapshot is replaced, when the archive is full and at the first error.
 */
async function walkStep(walk: Walk): Promise<void> {
  const end = () => (walks = walks.filter((w) => w !== walk));
  const date = walk.left.pop();
  if (date === undefined) return void end();
  if (walk.archive.has(walk.situation, date)) return;
  try {
    const stamp = walk.store.stampOf(walk.situation);
    if (stamp === undefined || !(await current(walk))) return void end();
    // Walked already by another instance, or by this one before it started again.
    const brought = await walk.archive.bring(walk.situation, stamp, date);
    if (brought) return void (brought !== 'kept' && end());
    let body = keptBody(walk.situation, verdictsWhat(date));
    if (!body) {
      await readersQuiet();
      if (stopped) return;
      const report = walk.store.analyzerOf(walk.situation).analyze(date);
      await readersQuiet();
      body = utf8.encode(JSON.stringify(verdictsWireOf(walk.situation, report))) as Uint8Array<ArrayBuffer>;
    }
    if ((await walk.archive.keep(walk.situation, stamp, date, body)) !== 'kept') end();
  } catch (e) {
    console.error(`corridor: walking the verdicts of ${date} failed, the walk stops:`, e);
    end();
  }
}

/** Resolves once no reader's request has been in flight for `WARM_QUIET_MS` (`readerActivity.ts`). */
export async function readersQuiet(): Promise<void> {
  for (let wait = untilReadersQuiet(WARM_QUIET_MS); wait > 0; wait = untilReadersQuiet(WARM_QUIET_MS))
    await new Promise((r) => setTimeout(r, wait).unref());
}
