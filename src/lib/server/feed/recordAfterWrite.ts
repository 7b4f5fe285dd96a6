import { recordStatusChanges, type FeedTarget, type RecordOptions, type RecordResult } from './record';

/** How long a write's response waits for its recording before it is left to finish on its own. */
const RECORD_WAIT_MS = 1500;

/**
 * Records the changes a write caused, for the API's mutations: the write has already succeeded, so a failed
 * recording is logged, never thrown (the next recording catches up on what this one missed). The caller
 * waits at most `waitMs`: on the default scenario the recording takes tens of ms and is done when the
 * response leaves, so the feed already shows the change. When the recording is held up (waiting for another
 * recording's lock, or for a slow database), the response goes after `waitMs` and the recording completes on
 * its own. The analysis itself is synchronous work in this process: no wait can shorten it.
 *
 * Resolves with the result, or undefined when the recording failed or was still running after `waitMs`.
 */
export async function recordAfterWrite(
  target: FeedTarget,
  options: RecordOptions,
  waitMs = RECORD_WAIT_MS,
): Promise<RecordResult | undefined> {
  const recording = recordStatusChanges(target, options).catch((e: unknown) => {
    console.error(`corridor: change feed: recording after ${options.cause} failed: ${(e as Error).message}`);
    return undefined;
  });
  // The recording may outlive the response: closing the database waits for it.
  if ('database' in target) target.database.track?.(recording);
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
