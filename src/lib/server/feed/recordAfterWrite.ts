import type { Database } from '../db/client';
import { readersInFlight } from '../http/readerActivity';
import { recordStatusChanges, type FeedTarget, type RecordOptions, type RecordResult } from './record';

/** How long a write's response waits for its recording before it is left to finish on its own. */
const RECORD_WAIT_MS = 1500;

/** How long a recording not waited for may wait for the answers being written before it starts. */
const ANSWERS_WAIT_MS = 1000;

// How long the last recording after a write took on each database, in ms.
const lastRecordingMs = new WeakMap<Database, number>();

/**
 * Resolves once no request is being answered (the write's own answer among them: handed to the server, which
 * writes it in the same turn of the event loop), or after `maxMs` on a server that is never without one. A
 * turn of the event loop at least: the caller's answer goes first.
 */
async function afterAnswers(maxMs: number): Promise<void> {
  const until = performance.now() + maxMs;
  do await new Promise((resolve) => setTimeout(resolve, 1));
  while (readersInFlight() > 0 && performance.now() < until);
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
 * does not wait at all, and the recording starts once the response has gone: an editor's save is answered
 * at once, and the feeds show its changes when the recording ends.
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
  const start = slow ? afterAnswers(ANSWERS_WAIT_MS) : Promise.resolve();
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
