import { clampDate } from '$lib/state/dates';
import type { Services } from '../services';
import { verdictsBody } from './verdictsBody';
import { readersQuiet, warmNeighbours, WARM_QUIET_MS } from './verdictsWarmUp';
import { situationForView } from './viewSituation';

/**
 * At the server's start, the public map's verdicts of the date its page opens on (the scenario's default date,
 * inside its range, as `mapPage.svelte.ts` picks it), and then, as after any reader's request, its neighbours
 * and the walk of the range (`verdictsWarmUp.ts`). Without it the first reader after a start (a deploy, a
 * restart) waited for the first analysis, and the walk began only then: a reader arriving later now finds the
 * first date answered and the range walked, or being walked, in the background.
 *
 * Only the public level: it is the one most readers see and it needs no account; a signed-in level is analysed
 * when its first reader asks, as before. It begins once the server has listened for a moment with no request
 * in flight (`readersQuiet`), so that the first requests of a start (a load balancer's health check, a reader
 * already there) are not kept waiting by the analysis; a verdicts request for the same date shares this one's
 * analysis (`verdictsForView` and `serialisedBody` keep the promise). Resolves once the first date is
 * answered; a failure is logged, not thrown: the map serves and analyses on demand as before.
 */
export async function warmMapAtStart(services: Services): Promise<void> {
  // Called before the server listens: no request has been in flight yet, so the quiet is waited for after.
  await new Promise((r) => setTimeout(r, WARM_QUIET_MS).unref());
  await warmPublicMap(services, 'at start');
}

/**
 * The public map's verdicts of its first date, made once no request is in flight, then its neighbours and the
 * walk of the range: what `warmMapAtStart` does, and `warmAfterWrite.ts` after a write. `when` names the
 * occasion in the log line of a failure, which is not thrown.
 */
export async function warmPublicMap({ store, verdictsArchive }: Services, when: string): Promise<void> {
  try {
    await readersQuiet();
    const situation = await situationForView(store, null);
    const { defaultAsOf, timeRange } = situation.scenario;
    const date = clampDate(defaultAsOf, timeRange.from, timeRange.to);
    await verdictsBody(store, verdictsArchive, situation, date);
    warmNeighbours(store, verdictsArchive, null, situation, date);
  } catch (e) {
    console.error(`corridor: analysing the public map ${when} failed (it is analysed when asked):`, e);
  }
}
