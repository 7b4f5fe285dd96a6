import type { Situation } from '$lib/domain/schemas';
import { addDays } from '$lib/state/dates';
import type { Viewer } from '../auth/roles';
import { untilReadersQuiet } from '../http/readerActivity';
import type { SituationStore } from '../situation/situationStore';
import { situationForView } from './viewSituation';
import { verdictsBody } from './verdictsBody';
import { verdictsForView } from './verdictsForView';

/**
 * The steps of the map's date control from the date shown, nearest first: a day either way (the slider's
 * and the field's arrow keys) and thirty days (the ±30 buttons, Page Up / Page Down).
 */
export const WARM_STEPS = [1, -1, 30, -30] as const;

/** How long no reader's request may have been in flight before a warm-up step starts. */
export const WARM_QUIET_MS = 100;

/** Dates waiting to be warmed at most: the neighbours of the two or three dates asked last. */
const MAX_WAITING = 2 * WARM_STEPS.length;

interface Job {
  store: SituationStore;
  viewer: Viewer;
  /** The snapshot the date was asked of: the warm-up is for it only, and dropped once it is replaced. */
  situation: Situation;
  date: string;
}

// Newest first: the date a reader asked last is where the next request will come from.
let waiting: Job[] = [];
let running: Promise<void> | undefined;

/**
 * After a reader was answered the verdicts of `date`, analyses in the background the dates the date
 * control steps to from it (`WARM_STEPS`, inside the scenario's range), for the same snapshot (so the same
 * visibility level: a signed-in reader's warm-up never reaches a public answer), so that the next step
 * is answered from the caches the route reads (`verdictsForView`, `serialisedBody`). One date at a time,
 * only when no reader's request is in flight (`readerActivity.ts`), yielding between its analysis and its
 * serialisation; what it makes goes into those caches and their bounds, nothing else is kept.
 */
export function warmNeighbours(
  store: SituationStore,
  viewer: Viewer,
  situation: Situation,
  date: string,
): void {
  const { from, to } = situation.scenario.timeRange;
  const next = WARM_STEPS.map((step) => addDays(date, step))
    .filter((d) => d >= from && d <= to)
    .map((d) => ({ store, viewer, situation, date: d }));
  const same = (a: Job, b: Job) => a.situation === b.situation && a.date === b.date;
  waiting = [...next, ...waiting.filter((j) => !next.some((n) => same(j, n)))].slice(0, MAX_WAITING);
  running ??= drain().finally(() => (running = undefined));
}

/** Resolves when nothing is waiting to be warmed (for tests). */
export async function warmUpSettled(): Promise<void> {
  while (running) await running;
}

/** Dates waiting to be warmed now (for tests and the docs' figures). */
export function warmUpWaiting(): number {
  return waiting.length;
}

async function drain(): Promise<void> {
  for (;;) {
    await readersQuiet();
    const job = waiting.shift();
    if (!job) return;
    try {
      // The data changed since the date was asked: its snapshot's dates will not be asked again.
      if ((await situationForView(job.store, job.viewer)) !== job.situation) continue;
      await readersQuiet();
      await verdictsForView(job.store, job.viewer, job.situation, job.date);
      await readersQuiet();
      await verdictsBody(job.store, job.viewer, job.situation, job.date);
    } catch (e) {
      // A reader asking this date gets the error from the route; the warm-up goes on with the next.
      console.error(`corridor: warming the verdicts of ${job.date} failed:`, e);
    }
  }
}

async function readersQuiet(): Promise<void> {
  for (let wait = untilReadersQuiet(WARM_QUIET_MS); wait > 0; wait = untilReadersQuiet(WARM_QUIET_MS))
    await new Promise((r) => setTimeout(r, wait).unref());
}
