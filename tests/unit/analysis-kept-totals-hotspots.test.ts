import { describe, expect, it } from 'vitest';
import { hotspots, type HotspotsMemo } from '$lib/domain/analysis/hotspots';
import { totals, type TotalsMemo } from '$lib/domain/analysis/totals';
import type { ActiveCrossing } from '$lib/domain/analysis/activeLayers';
import type { CorridorReport, SiteReport } from '$lib/domain/schemas';
import { mulberry32 } from '../../bench/prng';

// An analyzer counts the totals and ranks the hotspots of a re-analysis from the last call's, redoing only the
// reports that are not the same objects in the same places: over many seeded series of lists, where most
// reports stay, some are replaced (access, population, phase, famine, siege, status changed, or the same
// values in a new object), some swap places, and lists change length, each call must give what a call with
// no memo gives.
const access = ['internal', 'crossline_only', 'cross_border_only', 'cut_off', 'inactive'] as const;
const statuses = ['open', 'at_risk', 'blocked'] as const;

function siteOf(rand: () => number, id: string): SiteReport {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const population = rand() < 0.15 ? null : rand() < 0.1 ? 0 : Math.floor(rand() * 500_000);
  return {
    id,
    hub: rand() < 0.1,
    access: pick(access),
    besieged: rand() < 0.2,
    famine: rand() < 0.2,
    // Equal scores on purpose: the ranking's ties go by id.
    population: population === null ? null : Math.round(population / 1000) * 1000,
    populationAsOf: population === null ? null : '2024-01-01',
    populationStale: rand() < 0.3,
    ipcPhase: rand() < 0.3 ? null : 1 + Math.floor(rand() * 5),
  } as SiteReport;
}

const corridorOf = (rand: () => number, id: string) =>
  ({ id, status: statuses[Math.floor(rand() * 3)] }) as CorridorReport;

const crossingsOf = (rand: () => number) =>
  Array.from({ length: Math.floor(rand() * 5) }, () => ({
    status: ['open', 'closed', 'restricted'][Math.floor(rand() * 3)],
  })) as ActiveCrossing[];

describe('totals and hotspots kept from the last call', () => {
  it('equal a count and a ranking from scratch after each change', () => {
    let replaced = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rand = mulberry32(seed);
      let sites = Array.from({ length: 1 + Math.floor(rand() * 80) }, (_, i) => siteOf(rand, `s${i}`));
      let corridors = Array.from({ length: Math.floor(rand() * 60) }, (_, i) => corridorOf(rand, `c${i}`));
      const totalsMemo: TotalsMemo = {};
      const hotspotsMemo: HotspotsMemo = {};
      for (let step = 0; step < 8; step++) {
        const crossings = crossingsOf(rand);
        const kept = totals(sites, corridors, crossings, totalsMemo);
        expect(kept, `seed ${seed} step ${step}`).toEqual(totals(sites, corridors, crossings));
        const ranked = hotspots(sites, hotspotsMemo);
        expect(ranked, `seed ${seed} step ${step}`).toEqual(hotspots(sites));
        // What a call returned is the caller's: changing it changes nothing of the next call.
        ranked.reverse();
        kept.sitesCutOff = -1;
        const share = rand() * 0.3;
        const next = sites.map((s) => {
          if (rand() >= share) return s;
          replaced++;
          return rand() < 0.2 ? { ...s } : siteOf(rand, s.id);
        });
        // Two sites swap places: each place holds another object, the ids stay unique.
        if (next.length > 1 && rand() < 0.3) {
          const i = Math.floor(rand() * next.length);
          const j = Math.floor(rand() * next.length);
          [next[i], next[j]] = [next[j], next[i]];
        }
        if (rand() < 0.1) next.push(siteOf(rand, `s${next.length}`));
        sites = next;
        corridors = corridors.map((c) => (rand() < share ? corridorOf(rand, c.id) : c));
        if (rand() < 0.1) corridors = corridors.slice(1);
      }
    }
    expect(replaced).toBeGreaterThan(5000);
  });
});
