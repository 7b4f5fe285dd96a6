import type { Database } from '../db/client';
import { untilReadersQuiet } from '../http/readerActivity';
import { recordStatusChanges, type FeedTarget, type RecordOptions, type RecordResult } from './record';

/** How long a write's response waits for its recording before it is left to finish on its own. */
const RECORD_WAIT_MS = 1500;

// How long the last recording after a write took on each database, in ms.
const lastRecordingMs = new WeakMap<Database, number>();

/**
 * How long no request may have been answered before a recording not waited for starts: the editor's page asks
 * for the record's history and the situation again as soon as its save is answered, and those go first.
 */
const ANSWERS_QUIET_MS = 100;
/** Longest a recording not waited for waits for that, on a server that is never without a request. */
const ANSWERS_WAIT_MS = 2000;

/** Resolves once no request has been answered for `ANSWERS_QUIET_MS`, or after `ANSWERS_WAIT_MS`. */
async function afterAnswers(): Promise<void> {
  const until = performance.now() + ANSWERS_WAIT_MS;
  // A turn of the event loop at least: the save's own answer goes first.
  let wait = 1;
  while (wait > 0) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(untilReadersQuiet(ANSWERS_QUIET_MS), until - performance.now());
  }
}

/**
 * Records the changes a write caused, for the API's mutations: the write has already succeeded, so a failed
 * recording is logged, never thrown (the next recording catches up on what this one missed). The caller
 * waits at most `waitMs`: on the default scenario the recording takes tens of ms and is done when the
 * response leaves, so the feed already shows the change. When the recording is held up (waiting for another
 * recording's lock, or for a slow database), the response goes after `waitMs` and the recording completes on
 * its own.
 *
 * The recording's analyses are synchronous work in this process, which no wait can cut short: while one runs,
 * the response cannot leave. So when the last recording after a write on this database took longer than
 * `waitMs` (a large scenario: seconds of networks and analyses of each level, docs/performance.md), the caller
 * does not wait at all, and the recording starts after the answer and the requests that follow it (the
 * editor's page reads the record's history and the situation again at once): an editor's save is answered at
 * once, its page brought up to date, and the feeds show its changes when the recording ends.
 *
 * Resolves with the result, or undefined when the recording failed, was still running after `waitMs`, or was
 * not waited for.
 */
export async function recordAfterWrite(
  target: FeedTarget,
  options: RecordOptions,
  waitMs = RECORD_WAIT_MS,
): Promise<RecordResult | undefined> {
  const db = 'database' in target ? target.database.db : target.db;
  const slow = (lastRecordingMs.get(db) ?? 0) > waitMs;
  const start = slow ? afterAnswers() : Promise.resolve();
  const recording = start
    .then(() => recordStatusChanges(target, options))
    .then((result) => {
      lastRecordingMs.set(db, result.ms);
      return result;
    })
    .catch((e: unknown) => {
      console.error(
        `corridor: change feed: recording after ${options.cause} failed: ${(e as Error).message}`,
      );
      return undefined;
    });
  // The recording may outlive the response: closing the database waits for it.
  if ('database' in target) target.database.track?.(recording);
  if (slow) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  try {
    return await Promise.race([recording, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
