// Vector tiles made by PostGIS (`ST_AsMVT`, migration 0021) against those cut in JavaScript (geojson-vt) from
// the same database: for the default scenario at a few tiles, both decode to the same layers, the same
// features (by id), the same properties and the same geometry types. A restricted camp and a deleted town
// must be absent from the anonymous PostGIS tile, the camp present for staff. Needs a PostgreSQL server with
// PostGIS (scripts/with-postgres.sh); skipped, with the reason, otherwise.
import { VectorTile } from '@mapbox/vector-tile';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { layerGroups, type LayerGroup } from '$lib/map/layerGroups';
import { visibleSensitivities } from '$lib/server/auth/roles';
import { createFeature, deleteFeature, getFeature } from '$lib/server/db/featureRepository';
import { postgisTile } from '$lib/server/mapView/postgisTiles';
import { vectorTile } from '$lib/server/mapView/vectorTiles';
import { readEnv } from '$lib/server/env';
import { makeTile } from '$lib/server/mapView/tiler';
import { startServices, type Services } from '$lib/server/services';
import { freshDatabase } from './helpers/freshDatabase';
import { startTestServices, type TestServices } from './helpers/testServices';

const url = process.env.TEST_DATABASE_URL;

/** Why the suite cannot run here, or undefined when it can. */
async function whyNot(): Promise<string | undefined> {
  if (!url) return 'TEST_DATABASE_URL is not set: run it with scripts/with-postgres.sh';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("select 1 from pg_available_extensions where name = 'postgis'");
    return rows.length ? undefined : 'the PostgreSQL server has no PostGIS (Debian: postgresql-15-postgis-3)';
  } finally {
    await client.end();
  }
}
const skipped = await whyNot();
if (skipped) console.warn(`postgis-tiles: skipped: ${skipped}`);

const SECRET = 'secret_postgis_camp';
const DELETED = 'sd_kutum';
const AT: [number, number] = [25.35, 13.63]; // El Fasher
const admin = { id: 2, email: 'a@example.org', role: 'admin' as const };

const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

/** The tile of zoom `z` holding a position (Web Mercator, as MapLibre asks for it). */
function tileAt([lon, lat]: [number, number], z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

// Whole Sudan, its centre, Darfur, El Fasher's surroundings, and a street-level tile of El Fasher.
const TILES = [tileAt(AT, 0), tileAt([30, 15], 4), tileAt(AT, 6), tileAt(AT, 9), tileAt(AT, 13)].map((t) => ({
  ...t,
  name: `${t.z}/${t.x}/${t.y}`,
}));

interface Drawn {
  key: string;
  /** The MVT feature id (neither writer sets one: the style promotes the `id` property). */
  id: number | undefined;
  type: number;
  properties: Record<string, unknown>;
  /** A point's position in tile units (lines and polygons are simplified differently by the two writers). */
  at?: { x: number; y: number };
}

/** Every feature of a tile per layer: key (id and part), MVT geometry type, properties; sorted by key. */
function decode(bytes: Uint8Array): Record<string, Drawn[]> {
  const vt = new VectorTile(new PbfReader(bytes));
  const out: Record<string, Drawn[]> = {};
  for (const [name, layer] of Object.entries(vt.layers)) {
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).map((f) => ({
      key: `${String(f.properties.id)}/${String(f.properties.part ?? '')}`,
      type: f.type,
      properties: { ...f.properties },
      id: f.id,
      at: f.type === 1 ? f.loadGeometry()[0][0] : undefined,
    }));
    if (features.length > 0) out[name] = features.sort((a, b) => a.key.localeCompare(b.key));
  }
  return out;
}

describe.skipIf(skipped)('vector tiles from PostGIS', () => {
  let test: TestServices;
  let services: Services;
  beforeAll(async () => {
    test = await startTestServices(url, 'postgis_tiles');
    services = test.services;
    routeServices.current = services;
    const db = services.database.db;
    await createFeature(
      db,
      'sites',
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [25.36, 13.64] },
        properties: {
          id: SECRET,
          name: 'Secret PostGIS camp',
          source: 'staff',
          sensitivity: 'restricted',
          kind: 'idp_camp',
          country: 'SDN',
        },
      },
      'test',
    );
    const town = await getFeature(db, DELETED);
    expect(town, `${DELETED} is in the default scenario`).not.toBeNull();
    await deleteFeature(db, DELETED, town!.version, 'test');
  }, 120_000);
  afterAll(() => test?.stop());

  it('are chosen when the database has PostGIS: migration 0021 added the geometry', () => {
    expect(services.tileMaker).toBe('postgis');
  });

  async function both(
    viewer: typeof admin | null,
    group: LayerGroup,
    t: { z: number; x: number; y: number },
  ) {
    const situation = await services.store.situationFor(viewer);
    const js = vectorTile(situation, group, t.z, t.x, t.y);
    const postgis = await postgisTile(services.database.db, {
      group,
      ...t,
      sensitivities: visibleSensitivities(viewer),
      actors: situation.scenario.actors,
    });
    return { js: decode(js), postgis: decode(postgis) };
  }

  it.each(TILES)(
    'tile $name: same layers, features, properties and geometry types as geojson-vt, for staff and anonymous',
    async (t) => {
      let features = 0;
      for (const viewer of [null, admin])
        for (const group of layerGroups) {
          const { js, postgis } = await both(viewer, group, t);
          expect(Object.keys(postgis), `${group} layers`).toEqual(Object.keys(js));
          // Positions compared apart, to a unit: the two round a point to the tile's grid each their own way.
          const summary = (l: Drawn[] = []) => l.map((f) => ({ ...f, at: undefined }));
          expect(summary(postgis[group]), `${group} at ${t.name}`).toEqual(summary(js[group]));
          (postgis[group] ?? []).forEach((f, i) => {
            const other = js[group][i].at;
            if (!f.at || !other) return;
            expect(
              Math.abs(f.at.x - other.x) + Math.abs(f.at.y - other.y),
              `${f.key} at ${t.name}`,
            ).toBeLessThanOrEqual(2);
          });
          features += postgis[group]?.length ?? 0;
        }
      expect(features).toBeGreaterThan(0);
    },
    120_000,
  );

  it('leave tracks and minor incidents out of the low zooms, both writers alike', async () => {
    // A track of North Darfur (rd_rokero_tawila) and a severity-2 incident of North Kordofan (Um Sumeima).
    const track = (z: number) => both(null, 'roads', tileAt([24.6, 13.4], z));
    const armel = (z: number) => both(null, 'incidents', tileAt([29.7, 13.15], z));
    const classes = (l: Drawn[] = []) => [...new Set(l.map((f) => f.properties.class))].sort();
    const ids = (l: Drawn[] = []) => l.map((f) => f.properties.id);
    for (const writer of ['js', 'postgis'] as const) {
      expect(classes((await track(5))[writer].roads), writer).toEqual(['primary']);
      expect(classes((await track(6))[writer].roads), writer).toEqual(['primary', 'secondary']);
      expect(classes((await track(8))[writer].roads), writer).toContain('track');
      expect(ids((await armel(5))[writer].incidents), writer).not.toContain('inc_20241127_armel');
      expect(ids((await armel(6))[writer].incidents), writer).toContain('inc_20241127_armel');
    }
  });

  it('leave out what the reader may not see: restricted records for anonymous readers, deleted ones for all', async () => {
    const t = tileAt(AT, 9);
    const request = (viewer: typeof admin | null) =>
      routeTile('sites', t, viewer).then(async (res) => {
        expect(res.status).toBe(200);
        expect(res.headers.get('x-tiles-made-by')).toBe('postgis');
        return decode(new Uint8Array(await res.arrayBuffer())).sites.map((f) => f.properties.id);
      });
    const anonymous = await request(null);
    const staff = await request(admin);
    expect(anonymous).toContain('sd_el_fasher');
    expect(anonymous).not.toContain(SECRET);
    expect(staff).toContain(SECRET);
    const kutum = tileAt([24.67, 14.2], 9);
    for (const viewer of [null, admin]) {
      const res = await routeTile('sites', kutum, viewer);
      const ids = decode(new Uint8Array(await res.arrayBuffer())).sites?.map((f) => f.properties.id) ?? [];
      expect(ids).not.toContain(DELETED);
    }
  });

  it('answer 404 for a tile outside the pyramid, as the JavaScript tiles do', async () => {
    expect((await routeTile('sites', { z: 15, x: 0, y: 0 }, null)).status).toBe(404);
    expect((await routeTile('sites', { z: 2, x: 4, y: 0 }, null)).status).toBe(404);
  });
});

// A server whose migrating role may not create the extension: migration 0021 must pass, and tiles fall back.
describe.skipIf(!url)('vector tiles without PostGIS', () => {
  it('are cut in JavaScript when the role that migrates may not create PostGIS, and the migration passes', async () => {
    const fresh = await freshDatabase(url!, 'tiles_no_postgis');
    const role = `tiles_no_postgis_${process.pid}`;
    const su = new pg.Client({ connectionString: url });
    await su.connect();
    let running: Services | undefined;
    try {
      // Not a superuser: PostGIS is not a trusted extension, so CREATE EXTENSION is refused to it.
      await su.query(`create role ${role} login`);
      await su.query(`alter database ${new URL(fresh.url).pathname.slice(1)} owner to ${role}`);
      const asRole = new URL(fresh.url);
      asRole.username = role;
      running = await startServices(readEnv({ DATA_DIR: 'memory://', DATABASE_URL: asRole.href }));
      expect(running.tileMaker).toBe('geojson-vt');
      const situation = await running.store.situationFor(null);
      const t = tileAt(AT, 6);
      const tile = { maker: running.tileMaker, database: running.database, viewer: null, situation, ...t };
      const sites = decode(await makeTile({ ...tile, group: 'sites' })).sites.map((f) => f.properties.id);
      expect(sites).toContain('sd_el_fasher');
    } finally {
      await running?.database.close();
      await fresh.drop();
      await su.query(`drop role if exists ${role}`);
      await su.end();
    }
  }, 300_000);
});

// PostGIS installed on the server after migration 0021 ran (the column is missing): the next start adds it.
describe.skipIf(skipped)('vector tiles after PostGIS is installed late', () => {
  it('the next start adds the tile geometry and serves PostGIS tiles, with no SQL by hand', async () => {
    const fresh = await freshDatabase(url!, 'tiles_late_postgis');
    const env = readEnv({ DATA_DIR: 'memory://', DATABASE_URL: fresh.url });
    let running: Services | undefined;
    try {
      running = await startServices(env);
      // As if 0021 had run before PostGIS was there: no column, no index.
      await running.database.db.execute(sql`alter table features drop column tile_geom`);
      await running.database.close();
      running = await startServices(env);
      expect(running.tileMaker).toBe('postgis');
      const situation = await running.store.situationFor(null);
      const tile = { maker: running.tileMaker, database: running.database, viewer: null, situation };
      const sites = decode(await makeTile({ ...tile, ...tileAt(AT, 6), group: 'sites' })).sites;
      expect(sites.map((f) => f.properties.id)).toContain('sd_el_fasher');
    } finally {
      await running?.database.close();
      await fresh.drop();
    }
  }, 300_000);
});

async function routeTile(layer: string, t: { z: number; x: number; y: number }, viewer: unknown) {
  const mod = (await import('../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server')) as unknown as {
    GET: (e: unknown) => Promise<Response>;
  };
  const url = new URL(`/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`, 'http://localhost');
  const params = { layer, z: String(t.z), x: String(t.x), y: String(t.y) };
  try {
    return await mod.GET({ request: new Request(url), url, params, locals: { viewer } });
  } catch (e) {
    const { status, body } = e as { status?: number; body?: { message: string } };
    if (typeof status !== 'number') throw e;
    return new Response(body?.message ?? '', { status });
  }
}
