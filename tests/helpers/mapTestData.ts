// What the map's server tests share: a camp to add as a site, the wait until public reads see a write, the
// verdicts route called as SvelteKit would (the test file mocks `services` with what the route uses), a date's
// verdicts analysed from scratch, and the days of the scenario's range.
import { createAnalyzer } from '$lib/domain/analysis';
import type { Situation } from '$lib/domain/schemas';
import { verdictsWireOf } from '$lib/map/verdictsWireOf';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { addDays } from '$lib/state/dates';
import type { SituationStore } from '$lib/server/situation/situationStore';
import { vi } from 'vitest';

export { CAMP_AT, campFeature } from './campFeature';

/** Waits until public reads check the database again (`publicSituation.ts`), so they see the last write. */
export const publicReadsFresh = () => new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 50));

/** `GET /map/verdicts.json?date=…` for `viewer` (null: anonymous). */
export async function askMapVerdicts(date: string, viewer: unknown = null): Promise<Response> {
  const mod = await import('../../src/routes/map/verdicts.json/+server');
  const url = new URL(`/map/verdicts.json?date=${date}`, 'http://localhost');
  const GET = mod.GET as unknown as (e: unknown) => Promise<Response>;
  return GET({ request: new Request(url), url, params: {}, locals: { viewer } });
}

/**
 * A public reader's `GET /map/verdicts.json?date=…`: its status and body, and the dates whose analysis the
 * route asked `store` for meanwhile (`reportOf`), to tell a date answered from a warm-up from one analysed.
 */
export async function askMapVerdictsCounting(
  store: SituationStore,
  date: string,
): Promise<{ status: number; body: string; analysed: string[] }> {
  const asked = vi.spyOn(store, 'reportOf');
  try {
    const res = await askMapVerdicts(date);
    return { status: res.status, body: await res.text(), analysed: asked.mock.calls.map(([, d]) => d) };
  } finally {
    asked.mockRestore();
  }
}

/** The body of the map's verdicts of `date` analysed from scratch, the plain way. */
export const verdictsFromScratch = (situation: Situation, date: string) =>
  JSON.stringify(verdictsWireOf(situation, createAnalyzer(situation).analyze(date)));

/** The number of days of the scenario's range, both ends counted. */
export function rangeDays(situation: Situation): number {
  let n = 0;
  const { from, to } = situation.scenario.timeRange;
  for (let d = from; d <= to; d = addDays(d, 1)) n++;
  return n;
}
