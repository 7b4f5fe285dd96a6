import { PUBLIC_FRESHNESS_MS } from '../http/publicSituation';
import type { Services } from '../services';
import { warmPublicMap } from './warmAtStart';

/**
 * After a write of the map's data (an edit, a deletion, an import), the public map's first date analysed again
 * over the new content, then its neighbours and the walk of the range (`warmPublicMap`), in the background once
 * no request is in flight. Without it, the first public reader after an editor's save waited for the analysis
 * of the new content, and the walk of the range began only when a reader asked.
 *
 * The server turns it on at start (`src/hooks.server.ts`, MAP_WARM_AFTER_WRITE); elsewhere it is off (the
 * command line, tests calling the API), so that nothing is left running after a call returns.
 *
 * Writes in a row are taken together: one warm-up runs at a time, and a write during it asks for one more after
 * it, which reads the content then current (when the first had not read yet, that one finds its date answered).
 */
let on = false;
let running: Promise<void> | undefined;
let again = false;
let rounds = 0;

export function warmMapAfterWrites(enabled: boolean): void {
  on = enabled;
}

/** Called by the API after a write of features has succeeded; returns at once. */
export function mapWritten(services: Services): void {
  if (!on) return;
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      // Public reads reuse what they read for a second (`publicSituation.ts`), and the analysis of a public
      // situation is of the one they hand out: read once they hand out the write's content.
      await new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS).unref());
      // Turned off meanwhile (the server stopping): nothing more is read or analysed.
      if (!on) break;
      rounds++;
      await warmPublicMap(services, 'after a write');
    } while (again && on);
  })().finally(() => (running = undefined));
}

/** Resolves when no warm-up after a write is running: the shutdown waits for it before closing the database. */
export function warmAfterWriteSettled(): Promise<void> {
  return running ?? Promise.resolve();
}

/** How many warm-ups after writes have begun since the server started (tests: writes in a row are taken together). */
export function warmUpsAfterWrites(): number {
  return rounds;
}
