// Public validators the same on every instance (docs/scaling.md): two services objects, as two app instances
// would hold, on one PostgreSQL. The OGC API's ETag and `timeStamp` come from when any instance first saw the
// public content in its state, kept in the database (`public_content_versions`), not from when this process
// did; so an instance that first reads the content later gives the same tag and time stamp, and answers the
// other's tag with 304. Needs TEST_DATABASE_URL (scripts/with-postgres.sh). The same check across two
// processes is in scale-out.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFeatures } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { items } from '$lib/server/ogc/endpoints';
import { startServices, type Services } from '$lib/server/services';
import { freshDatabase } from './helpers/freshDatabase';

const pgUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!pgUrl)('OGC ETags and time stamps of two instances on one PostgreSQL', () => {
  let drop: () => Promise<void>;
  let first: Services;
  let second: Services;

  beforeAll(async () => {
    let databaseUrl: string;
    ({ url: databaseUrl, drop } = await freshDatabase(pgUrl!, 'corridor_sharedetags'));
    const env = readEnv({ DATA_DIR: 'memory://', DATABASE_URL: databaseUrl });
    first = await startServices(env);
    second = await startServices(env);
  }, 300_000);
  afterAll(async () => {
    await first?.database.close();
    await second?.database.close();
    await drop?.();
  });

  const read = async (s: Services, etag?: string) => {
    const url = new URL('http://127.0.0.1/ogc/collections/sites/items?limit=5&f=json');
    const request = new Request(url, { headers: etag ? { 'if-none-match': etag } : {} });
    const response = await items({ store: s.store, request, url }, 'sites');
    const body = response.status === 200 ? ((await response.json()) as { timeStamp: string }) : null;
    return { status: response.status, etag: response.headers.get('etag'), timeStamp: body?.timeStamp };
  };

  it('gives the same tag and time stamp from an instance that first reads later', async () => {
    // A new public state, first seen by one instance…
    await insertFeatures(
      first.database.db,
      'sites',
      [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [25.31, 13.49] },
          properties: {
            id: 'shared_etag_site',
            name: 'New',
            source: 'test',
            kind: 'idp_camp',
            country: 'SDN',
          },
        },
      ],
      'test',
    );
    const one = await read(first);
    expect(one.status).toBe(200);
    expect(one.etag).toMatch(/^"/);
    const result = (await first.database.db.execute(
      sql`select to_char(since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as since from public_content_versions order by since desc limit 1`,
    )) as unknown as { rows: { since: string }[] };
    const [row] = result.rows;
    expect(one.timeStamp).toBe(row?.since);
    // …then by the other, more than a second later (the old per-process time stamp would differ).
    await sleep(Math.max(1_100, PUBLIC_FRESHNESS_MS + 100));
    const two = await read(second);
    expect(two.status).toBe(200);
    expect(two.timeStamp).toBe(one.timeStamp);
    expect(two.etag).toBe(one.etag);
    // Each answers the other's tag with 304.
    expect((await read(second, one.etag!)).status).toBe(304);
    expect((await read(first, two.etag!)).status).toBe(304);
  });
});
