// The server-side analysis cache (SituationStore.analysisFor): one computation per date, parameters,
// visibility level and data version, shared by concurrent requests, bounded in bytes, never holding a
// what-if analysis; on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDatabase } from '$lib/server/db/client';
import { insertFeatures } from '$lib/server/db/featureRepository';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import type { Services } from '$lib/server/services';
import { reportJsonBytes } from '$lib/server/situation/reportBytes';
import { SituationStore } from '$lib/server/situation/situationStore';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import { seededDatabase, type SeededDatabase } from './helpers/seededDatabase';
import { engines } from './helpers/testServices';

const geodata = loadSituationFromDir('geodata');
const ADMIN = { id: 1, email: 'admin@example.org', role: 'admin' as const };
const DATES = ['2024-08-15', '2024-09-15', '2024-10-15', '2024-11-15', '2024-12-15'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const createCaller = createCallerFactory(appRouter);

// The cache's count of a report's bytes, watched: it must come after the answer, not before it.
vi.mock('$lib/server/situation/reportBytes', async (real) => {
  const module = await real<typeof import('$lib/server/situation/reportBytes')>();
  return { ...module, reportJsonBytes: vi.fn(module.reportJsonBytes) };
});

const site = (id: string, sensitivity: 'public' | 'restricted') => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.31, 13.49] },
  properties: { id, name: id, source: 'test', kind: 'idp_camp', country: 'SDN', sensitivity },
});

describe.each(engines)('the server-side analysis cache on $name', ({ url }) => {
  let seeded: SeededDatabase | undefined;
  let handle: OpenDatabase;
  const store = () => new SituationStore(handle.db, geodata.scenario.id);

  beforeAll(async () => {
    seeded = await seededDatabase(url, 'corridor_analysiscache', geodata);
    handle = seeded.handle;
  }, 300_000);
  afterAll(() => seeded?.close());

  it('computes a date once: concurrent and later requests get the same report', async () => {
    const s = store();
    const [a, b, c] = await Promise.all([
      s.analysisFor(ADMIN, DATES[0]!),
      s.analysisFor(ADMIN, DATES[0]!),
      s.analysisFor(ADMIN, DATES[0]!),
    ]);
    expect(b.report).toBe(a.report);
    expect(c.report).toBe(a.report);
    expect(s.analysisCacheUse().entries).toBe(1);
    expect((await s.analysisFor(ADMIN, DATES[0]!)).report).toBe(a.report);
    // The parameters in another order, or spelled out at their defaults, are the same analysis.
    const p1 = await s.analysisFor(ADMIN, DATES[0]!, { frontlineBufferKm: 3, incidentRadiusKm: 2 });
    const p2 = await s.analysisFor(ADMIN, DATES[0]!, { incidentRadiusKm: 2, frontlineBufferKm: 3 });
    expect(p2.report).toBe(p1.report);
    expect(p1.report).not.toBe(a.report);
    expect(p1.report.parameters.frontlineBufferKm).toBe(3);
    expect((await s.analysisFor(ADMIN, DATES[0]!, { frontlineBufferKm: 10 })).report).toBe(a.report);
    expect(s.analysisCacheUse().entries).toBe(2);
  });

  it('a write moves the data version: the next request gets a new analysis that shows it', async () => {
    const s = store();
    const before = await s.analysisFor(ADMIN, DATES[1]!);
    expect(before.report.sites.some((x) => x.id === 'cache_new_site')).toBe(false);
    await insertFeatures(handle.db, 'sites', [site('cache_new_site', 'restricted')], 'test');
    const after = await s.analysisFor(ADMIN, DATES[1]!);
    expect(after.report).not.toBe(before.report);
    expect(after.etag).not.toBe(before.etag);
    expect(after.report.sites.some((x) => x.id === 'cache_new_site')).toBe(true);
  });

  it('anonymous: the public ETag is the same from two stores and unmoved by a restricted edit', async () => {
    const [s1, s2] = [store(), store()];
    const first = await s1.analysisFor(null, DATES[2]!);
    expect((await s2.analysisFor(null, DATES[2]!)).etag).toBe(first.etag);
    expect(first.report.sites.some((x) => x.id.startsWith('cache_'))).toBe(false);
    await insertFeatures(handle.db, 'sites', [site('cache_secret_site', 'restricted')], 'test');
    await sleep(PUBLIC_FRESHNESS_MS + 100);
    const afterSecret = await s1.analysisFor(null, DATES[2]!);
    expect(afterSecret.etag).toBe(first.etag);
    expect(afterSecret.report.sites.some((x) => x.id === 'cache_secret_site')).toBe(false);
    await insertFeatures(handle.db, 'sites', [site('cache_public_site', 'public')], 'test');
    await sleep(PUBLIC_FRESHNESS_MS + 100);
    const afterPublic = await s1.analysisFor(null, DATES[2]!);
    expect(afterPublic.etag).not.toBe(first.etag);
    expect(afterPublic.report.sites.some((x) => x.id === 'cache_public_site')).toBe(true);
  });

  it('is bounded in bytes: past the bound the least recently used dates go', async () => {
    const probe = store();
    await probe.analysisFor(ADMIN, DATES[0]!);
    const one = probe.analysisCacheUse().bytes;
    expect(one).toBeGreaterThan(1_000);
    const s = new SituationStore(handle.db, geodata.scenario.id, {
      analysisCacheBytes: Math.round(one * 2.5),
    });
    const first = await s.analysisFor(ADMIN, DATES[0]!);
    for (const d of DATES.slice(1)) await s.analysisFor(ADMIN, d);
    const use = s.analysisCacheUse();
    expect(use.bytes).toBeLessThanOrEqual(use.maxBytes);
    expect(use.entries).toBeGreaterThanOrEqual(1);
    expect(use.entries).toBeLessThan(DATES.length);
    const last = await s.analysisFor(ADMIN, DATES.at(-1)!);
    expect((await s.analysisFor(ADMIN, DATES.at(-1)!)).report).toBe(last.report);
    expect((await s.analysisFor(ADMIN, DATES[0]!)).report).not.toBe(first.report);
  });

  it('answers before counting the bytes it keeps, and answers the next request from what it keeps', async () => {
    const s = store();
    // Counts of this report only: other tests' stores may still be counting theirs.
    const countsOf = (report: unknown) =>
      vi.mocked(reportJsonBytes).mock.calls.filter(([r]) => r === report).length;
    const first = await s.analysisFor(ADMIN, DATES[4]!);
    expect(countsOf(first.report)).toBe(0);
    expect((await s.analysisFor(ADMIN, DATES[4]!)).report).toBe(first.report);
    await new Promise((r) => setImmediate(r));
    expect(countsOf(first.report)).toBe(1);
    const use = s.analysisCacheUse();
    expect(use.entries).toBe(1);
    expect(use.bytes).toBeGreaterThan(1_000);
    expect((await s.analysisFor(ADMIN, DATES[4]!)).report).toBe(first.report);
    expect(countsOf(first.report)).toBe(1);
  });

  it('keeps no failed analysis and no what-if analysis', async () => {
    const s = store();
    await expect(s.analysisFor(ADMIN, '2024-02-30')).rejects.toThrow(/2024-02-30/);
    expect(s.analysisCacheUse().entries).toBe(0);
    const caller = createCaller({ services: { store: s } as unknown as Services, viewer: ADMIN });
    const whatIf = await caller.analysis.run({
      asOf: DATES[3]!,
      overrides: { crossings: [{ id: 'td_adre_crossing', status: 'closed' }] },
    });
    expect(whatIf.overrides?.crossings).toEqual([{ id: 'td_adre_crossing', status: 'closed' }]);
    expect(s.analysisCacheUse().entries).toBe(0);
    const plain = await caller.analysis.run({ asOf: DATES[3]! });
    expect(s.analysisCacheUse().entries).toBe(1);
    expect(plain.overrides).toBeNull();
    expect(plain).toBe((await s.analysisFor(ADMIN, DATES[3]!)).report);
  });
});
