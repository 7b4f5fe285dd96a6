import { describe, expect, it } from 'vitest';
import { untilReadersQuiet } from '$lib/server/http/readerActivity';
import {
  EARLY_REVALIDATION,
  publishEarlyRevalidation,
  type EarlyRevalidation,
} from '$lib/server/mapView/mapDataTags';
import type { SituationStore } from '$lib/server/situation/situationStore';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the map data's revalidations answered before SvelteKit", () => {
  it('count as readers in flight, so the warm-up waits for the end of a stream of them', async () => {
    let release: (e: Error) => void = () => {};
    const store = () => new Promise<SituationStore>((_, reject) => (release = reject));
    publishEarlyRevalidation(store, 'corridor_session');
    const early = (globalThis as Record<symbol, unknown>)[EARLY_REVALIDATION] as EarlyRevalidation;
    await sleep(60);
    expect(untilReadersQuiet(50)).toBe(0);

    const answer = early('GET', new URL('http://corridor.example/map/meta.json'), '"a-tag"', undefined);
    // Waiting for the public situation: in flight, so the whole quiet time is still ahead.
    expect(untilReadersQuiet(50)).toBe(50);
    release(new Error('database unavailable'));
    await expect(answer).rejects.toThrow('database unavailable');
    // Just answered (here, failed over to the route): quiet only once the quiet time has passed again.
    expect(untilReadersQuiet(50)).toBeGreaterThan(40);
    await sleep(60);
    expect(untilReadersQuiet(50)).toBe(0);
  });
});
