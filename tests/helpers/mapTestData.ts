// What the map's server tests share: a camp to add as a site, the wait until public reads see a write, and
// the verdicts route called as SvelteKit would (the test file mocks `services` with what the route uses).
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';

/** Where the map's server tests put their camps, in North Darfur. */
export const CAMP_AT: [number, number] = [25.35, 13.63];

/** A displacement camp as a site feature, of `population` people from `figureDate`. */
export function campFeature(
  id: string,
  sensitivity: string,
  { at = CAMP_AT, figureDate = '2024-06-01', population = 40_000 } = {},
) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: at },
    properties: {
      id,
      name: `Camp ${id}`,
      source: 'staff',
      sensitivity,
      kind: 'idp_camp',
      country: 'SDN',
      figures: [{ date: figureDate, population, source: 'staff' }],
    },
  };
}

/** Waits until public reads check the database again (`publicSituation.ts`), so they see the last write. */
export const publicReadsFresh = () => new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 50));

/** `GET /map/verdicts.json?date=…` for `viewer` (null: anonymous). */
export async function askMapVerdicts(date: string, viewer: unknown = null): Promise<Response> {
  const mod = await import('../../src/routes/map/verdicts.json/+server');
  const url = new URL(`/map/verdicts.json?date=${date}`, 'http://localhost');
  const GET = mod.GET as unknown as (e: unknown) => Promise<Response>;
  return GET({ request: new Request(url), url, params: {}, locals: { viewer } });
}
