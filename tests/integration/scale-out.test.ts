// Several app instances on one PostgreSQL (docs/scaling.md): two built servers started at once on one fresh
// database, behind a round-robin HTTP proxy written here, as a load balancer would put them. An import sent in
// parts alternately to both is written once and as one instance writes it; a session made on one is good on
// the other; an account throttled on one is throttled on the other; concurrent edits on both record each
// change of the feed once; a public read's ETag (and the OGC API's time stamp) is the same from both. Needs
// TEST_DATABASE_URL (scripts/with-postgres.sh): the embedded database is one process by design, nothing to
// scale out there.
import { execFileSync } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planChunks } from '$lib/import-worker/chunks';
import { addUser } from '$lib/server/auth/userRepository';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import { insertFeatures } from '$lib/server/db/featureRepository';
import { freePort, startBuiltServer, type BuiltServer } from '../helpers/builtServer';
import { freshDatabase } from './helpers/freshDatabase';

const url = process.env.TEST_DATABASE_URL;
if (!url)
  console.warn(
    'scale-out.test.ts: skipped, TEST_DATABASE_URL is not set (run it with scripts/with-postgres.sh)',
  );

const root = join(import.meta.dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const EDITOR = 'editor@example.org';
const PASSWORD = 'correct horse battery';
const VICTIM = 'victim@example.org';

/** A round-robin proxy: request n goes to backend n mod 2; `served` says which backend answered what. */
interface Proxy {
  base: string;
  served: { backend: number; method: string; path: string; status: number }[];
  close: () => Promise<void>;
}

async function startProxy(port: number, backends: string[]): Promise<Proxy> {
  let next = 0;
  const served: Proxy['served'] = [];
  const server: Server = createServer((req, res) => {
    const backend = next++ % backends.length;
    const target = new URL(req.url ?? '/', backends[backend]);
    const forward = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${port}` }, agent: false },
      (answer) => {
        served.push({
          backend,
          method: req.method ?? 'GET',
          path: target.pathname,
          status: answer.statusCode ?? 0,
        });
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(backend) });
        answer.pipe(res);
      },
    );
    forward.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${e.message}`);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `n` admin areas (a layer the analysis does not read, so recording the feed stays quick). */
function areas(prefix: string, n: number): Feature[] {
  return Array.from({ length: n }, (_, i) => {
    const [x, y] = [22 + (i % 100) * 0.05, 10 + Math.floor(i / 100) * 0.05];
    return {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.04, y],
            [x + 0.04, y + 0.04],
            [x, y + 0.04],
            [x, y],
          ],
        ],
      },
      properties: {
        id: `${prefix}_${i}`,
        name: `Area ${i} – منطقة`,
        source: 'scale-out test',
        pcode: `ZZ${prefix.toUpperCase()}${String(i).padStart(5, '0')}`,
        level: 2,
        figures: [{ date: '2024-12-17', idps: i * 10, source: 'scale-out test' }],
      },
    };
  });
}

describe.skipIf(!url)('two app instances on one PostgreSQL behind a round-robin proxy', () => {
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string;
  let instances: BuiltServer[] = [];
  let proxy: Proxy;
  let db: OpenDatabase;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.js')], {
      cwd: root,
      stdio: 'inherit',
    });
    ({ url: databaseUrl, drop } = await freshDatabase(url!, 'corridor_scaleout'));
    // The proxy's address is the app's public address (ORIGIN): the sign-in form is posted from there.
    const proxyPort = await freePort();
    const env = { DATABASE_URL: databaseUrl, ORIGIN: `http://127.0.0.1:${proxyPort}` };
    // Both started at once on the empty database: both migrate and seed it at the same time.
    instances = await Promise.all([startBuiltServer(undefined, env), startBuiltServer(undefined, env)]);
    proxy = await startProxy(
      proxyPort,
      instances.map((i) => i.base),
    );
    db = await openDatabase({ databaseUrl, dataDir: 'memory://', migrationsFolder: join(root, 'drizzle') });
    await addUser(db.db, { email: EDITOR, password: PASSWORD, role: 'editor' });
    await addUser(db.db, { email: VICTIM, password: PASSWORD, role: 'viewer' });
  }, 300_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(instances.map((i) => i.stop()));
    await db?.close();
    await drop?.();
  });

  /** Posts the sign-in form through the proxy, as a browser on the app's address does. */
  const signIn = (email: string, password: string) =>
    fetch(`${proxy.base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: proxy.base,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      },
      body: new URLSearchParams({ email, password }).toString(),
    });

  async function sessionCookie(email: string): Promise<{ cookie: string; backend: string }> {
    const r = await signIn(email, PASSWORD);
    expect(r.status, await r.clone().text()).toBe(303);
    return { cookie: r.headers.get('set-cookie')!.split(';')[0], backend: r.headers.get('x-backend')! };
  }

  /** A tRPC call through the proxy: the backend that answered, and the result or the error. */
  async function call(
    cookie: string,
    kind: 'query' | 'mutation',
    path: string,
    input: unknown,
  ): Promise<{ backend: string; status: number; data?: unknown; error?: { message: string; code: string } }> {
    const r =
      kind === 'query'
        ? await fetch(`${proxy.base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
            headers: { cookie },
          })
        : await fetch(`${proxy.base}/api/trpc/${path}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
    const body = (await r.json()) as {
      result?: { data: unknown };
      error?: { message: string; data?: { code: string } };
    };
    return {
      backend: r.headers.get('x-backend')!,
      status: r.status,
      data: body.result?.data,
      error: body.error ? { message: body.error.message, code: body.error.data?.code ?? '' } : undefined,
    };
  }

  /** The rows of a query on the shared database (both engines' results have `rows`). */
  const query = async <T>(q: SQL): Promise<T[]> =>
    ((await db.db.execute(q)) as unknown as { rows: T[] }).rows;

  const featureCount = async (prefix: string) =>
    (
      await query<{ n: number }>(
        sql`select count(*)::int as n from features where id like ${`${prefix}\\_%`} and deleted_at is null`,
      )
    )[0].n;

  it('a session made on one instance is good on the other', async () => {
    const { cookie, backend } = await sessionCookie(EDITOR);
    const r = await call(cookie, 'query', 'features.get', { id: 'td_adre_crossing' });
    expect(r.backend).not.toBe(backend);
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ feature: { properties: { id: 'td_adre_crossing' } } });
    // Without the session the same call is refused, on either instance.
    const anonymous = await call('', 'query', 'features.get', { id: 'td_adre_crossing' });
    expect(anonymous.error?.code).toBe('UNAUTHORIZED');
    // Signing out on one ends the session on both.
    const out = await fetch(`${proxy.base}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: proxy.base },
    });
    expect(out.status).toBeLessThan(400);
    for (let i = 0; i < 2; i++)
      expect((await call(cookie, 'query', 'features.get', { id: 'td_adre_crossing' })).error?.code).toBe(
        'UNAUTHORIZED',
      );
  });

  it('a public read gets the same ETag from both instances, so a cache revalidates against either', async () => {
    const read = (etag?: string) =>
      fetch(`${proxy.base}/api/trpc/situation.get`, {
        headers: etag ? { 'if-none-match': etag } : {},
      });
    const first = await read();
    const second = await read();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-backend')).not.toBe(first.headers.get('x-backend'));
    expect(first.headers.get('etag')).toMatch(/^"/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    // The tag one instance gave is revalidated by the other, and by it: 304 without a body.
    for (let i = 0; i < 2; i++) {
      const again = await read(first.headers.get('etag')!);
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it("the map's analysis and the OGC API give one ETag and time stamp from both, even first read a second apart", async () => {
    // A new public state neither instance has served yet (public reads look at the data once a second). An
    // admin area: the feed does not follow that layer, so the later tests' recordings are not moved by it.
    await insertFeatures(db.db, 'admin', areas('etag', 1), 'test');
    await sleep(1_100);
    const analysis = `${proxy.base}/api/trpc/analysis.run?input=${encodeURIComponent(JSON.stringify({ asOf: '2024-08-15' }))}`;
    const ogc = `${proxy.base}/ogc/collections/sites/items?limit=5&f=json`;
    for (const url of [analysis, ogc]) {
      const read = (etag?: string) => fetch(url, { headers: etag ? { 'if-none-match': etag } : {} });
      const first = await read();
      // Under a time stamp per process, an instance first seeing the content a second later gave another.
      await sleep(1_100);
      const second = await read();
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.headers.get('x-backend')).not.toBe(first.headers.get('x-backend'));
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      const [a, b] = [
        (await first.json()) as { timeStamp?: string },
        (await second.json()) as { timeStamp?: string },
      ];
      expect(b.timeStamp).toBe(a.timeStamp);
      for (let i = 0; i < 2; i++) expect((await read(first.headers.get('etag')!)).status).toBe(304);
    }
  });

  it('an import sent in parts alternately to both instances is written once, as one instance writes it', async () => {
    const { cookie } = await sessionCookie(EDITOR);
    const list = areas('rr', 3_000);
    const begun = await call(cookie, 'mutation', 'imports.begin', {
      layer: 'admin',
      fileName: 'areas.geojson',
      format: 'geojson',
      expectedCount: list.length,
    });
    const { importId, maxChunkBytes } = begun.data as { importId: string; maxChunkBytes: number };
    // Smaller chunks than the server takes, so that there are many, and both instances get several.
    const { chunks } = planChunks(list, Math.min(maxChunkBytes, 60_000) - 256);
    expect(chunks.length).toBeGreaterThanOrEqual(6);
    const backends: string[] = [];
    for (const [seq, c] of chunks.entries()) {
      const r = await call(cookie, 'mutation', 'imports.append', {
        importId,
        seq,
        features: list.slice(c.from, c.to),
      });
      expect(r.status, JSON.stringify(r.error)).toBe(200);
      expect(r.data).toEqual({ received: c.to, nextSeq: seq + 1 });
      backends.push(r.backend);
    }
    // Each part went to the other instance than the one before it.
    for (let i = 1; i < backends.length; i++) expect(backends[i]).not.toBe(backends[i - 1]);
    expect(await featureCount('rr')).toBe(0); // nothing written before finish
    const finished = await call(cookie, 'mutation', 'imports.finish', { importId });
    expect(finished.status, JSON.stringify(finished.error)).toBe(200);

    // The same file sent to one instance alone (every part to it), under other ids.
    const alone = areas('one', 3_000);
    const single = instances[0].base;
    const post = async (path: string, input: unknown) => {
      const r = await fetch(`${single}/api/trpc/${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      expect(r.status, await r.clone().text()).toBe(200);
      return ((await r.json()) as { result: { data: unknown } }).result.data;
    };
    const one = (await post('imports.begin', {
      layer: 'admin',
      fileName: 'areas.geojson',
      format: 'geojson',
      expectedCount: alone.length,
    })) as { importId: string };
    for (const [seq, c] of planChunks(alone, maxChunkBytes - 256).chunks.entries())
      await post('imports.append', { importId: one.importId, seq, features: alone.slice(c.from, c.to) });
    const oneResult = await post('imports.finish', { importId: one.importId });

    expect(finished.data).toEqual(oneResult);
    expect(finished.data).toMatchObject({ created: 3_000, updated: 0, unchanged: 0 });
    // Every feature stored as the one-instance import stored its twin, but for the id and P-code.
    const stored = async (prefix: string) =>
      query(
        sql`select properties - 'id' - 'pcode' as p, geometry, version, updated_by from features
            where id like ${`${prefix}\\_%`} order by min_lon, min_lat`,
      );
    expect(await stored('rr')).toEqual(await stored('one'));
    expect(await featureCount('rr')).toBe(3_000);
    const [staged] = await query<{ n: number }>(sql`select count(*)::int as n from import_stagings`);
    expect(staged.n).toBe(0);
  });

  it('an account throttled on one instance is throttled on the other', async () => {
    // 5 free failures, alternately on both instances; the 5th sets a wait of 1 s before the next attempt.
    const answered: { status: number; backend: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await signIn(VICTIM, 'wrong password, try again');
      answered.push({ status: r.status, backend: r.headers.get('x-backend')! });
    }
    expect(answered.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(new Set(answered.map((a) => a.backend)).size).toBe(2);
    // At once, on each instance: refused even with the right password, and told how long to wait.
    for (let i = 0; i < 2; i++) {
      const r = await signIn(VICTIM, PASSWORD);
      expect(r.status, `instance ${r.headers.get('x-backend')}`).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(r.headers.get('set-cookie')).toBeNull();
    }
  });

  it('edits made at the same time on both instances record each change of the feed once', async () => {
    const { cookie } = await sessionCookie(EDITOR);
    const flips: Record<string, 'open' | 'closed'> = {
      td_adre_crossing: 'closed',
      sd_tina_crossing: 'closed',
      sd_gallabat_crossing: 'closed',
      xl_kordofan: 'open',
    };
    const ids = Object.keys(flips);
    const [{ before }] = await query<{ before: number }>(
      sql`select coalesce(max(id), 0)::int as before from status_changes`,
    );
    const got = await Promise.all(ids.map((id) => call(cookie, 'query', 'features.get', { id })));
    const edits = await Promise.all(
      got.map((g, i) => {
        const { feature, version } = g.data as {
          feature: { properties: { statusHistory: unknown[] } };
          version: number;
        };
        feature.properties.statusHistory.push({
          date: '2025-12-20',
          status: flips[ids[i]],
          source: 'scale-out test',
        });
        return call(cookie, 'mutation', 'features.update', { id: ids[i], version, feature });
      }),
    );
    for (const e of edits) expect(e.status, JSON.stringify(e.error)).toBe(200);
    expect(new Set(edits.map((e) => e.backend)).size).toBe(2);

    // A recording held up behind another's lock finishes after its edit answered: wait until none is left.
    const rows = async () =>
      query<{ subject_id: string; field: string; before: string; after: string; cause: string }>(
        sql`select subject_id, field, before, after, as_of, cause, sensitivity from status_changes
            where id > ${before} order by id`,
      );
    let seen = await rows();
    for (let quiet = 0; quiet < 3;) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = await rows();
      quiet = now.length === seen.length ? quiet + 1 : 0;
      seen = now;
    }
    for (const id of ids) {
      const mine = seen.filter((r) => r.subject_id === id);
      expect(mine, id).toHaveLength(1);
      expect(mine[0]).toMatchObject({ field: 'status', after: flips[id], cause: 'edit' });
    }
    // And no change of any subject (the corridors through those crossings too) is there twice.
    const keys = seen.map((r) => `${r.subject_id}/${r.field}/${r.before}/${r.after}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
