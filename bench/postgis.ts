/**
 * The same segment-vs-hazard work as one PostGIS query, when `BENCH_PG_URL` points at a PostgreSQL server
 * with PostGIS. The data goes into a scratch schema (`corridor_bench`, dropped afterwards), with GIST
 * indexes on geometry and geography, and the query returns one row per (road, reason, feature) — what the
 * engine's reasons say — without the stretches (where along the road) and without routing, which the
 * engine also does: the comparison favours PostGIS.
 */
import pg from 'pg';
import type { Position } from 'geojson';
import { crossingStatusOn } from '../src/lib/domain/asOf';
import type { Situation } from '../src/lib/domain/schemas';
import type { NaiveParams } from './baseline';

export interface PostgisResult {
  server: string;
  loadMs: number;
  /** Median of the timed runs of the query (after one warm-up run). */
  queryMs: number;
  runs: number[];
  rows: number;
  rowsByCode: Record<string, number>;
  /** Roads the query found blocked / at risk (for comparison with the engine). */
  blockedRoads: number;
  atRiskRoads: number;
  /** Worst status per road the query found not open. */
  statusByRoad: Map<string, 'blocked' | 'at_risk'>;
}

const SCHEMA = 'corridor_bench';
const BLOCKING = new Set([
  'frontline_crossing',
  'denied_area',
  'incident_severe',
  'seasonal_closure',
  'constraint_severe',
  'crossing_closed',
]);

const ring = (r: Position[]) => `(${r.map((p) => `${p[0]} ${p[1]}`).join(',')})`;
function wkt(g: { type: string; coordinates: unknown }): string {
  switch (g.type) {
    case 'Point': {
      const p = g.coordinates as Position;
      return `POINT(${p[0]} ${p[1]})`;
    }
    case 'LineString':
      return `LINESTRING${ring(g.coordinates as Position[])}`;
    case 'MultiLineString':
      return `MULTILINESTRING(${(g.coordinates as Position[][]).map(ring).join(',')})`;
    case 'Polygon':
      return `POLYGON(${(g.coordinates as Position[][]).map(ring).join(',')})`;
    case 'MultiPolygon':
      return `MULTIPOLYGON(${(g.coordinates as Position[][][]).map((p) => `(${p.map(ring).join(',')})`).join(',')})`;
    default:
      throw new Error(`no WKT for ${g.type}`);
  }
}

/** Inserts rows in batches through `unnest` of parallel text arrays (one round trip per batch). */
async function insert(client: pg.Client, table: string, columns: string[], select: string, rows: string[][]) {
  const batch = 2000;
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    const arrays = columns.map((_, c) => part.map((r) => r[c]));
    const params = columns.map((_, c) => `$${c + 1}::text[]`).join(', ');
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM unnest(${params}) AS t(${columns.join(', ')})`,
      arrays,
    );
  }
}

async function load(client: pg.Client, situation: Situation, asOf: string): Promise<void> {
  const denying = new Set(situation.scenario.actors.filter((a) => a.deniesAccess).map((a) => a.id));
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.query(`CREATE SCHEMA ${SCHEMA}`);
  await client.query(`SET search_path TO ${SCHEMA}, public`);
  const geo = (type: string) =>
    `geom geometry(${type}, 4326) NOT NULL, geog geography GENERATED ALWAYS AS (geom::geography) STORED`;
  const validity = 'valid_from date, valid_to date';
  await client.query(
    `CREATE TABLE roads (id text PRIMARY KEY, impassable int[] NOT NULL, ${validity}, ${geo('LineString')})`,
  );
  await client.query(`CREATE TABLE frontlines (id text PRIMARY KEY, ${validity}, ${geo('Geometry')})`);
  await client.query(
    `CREATE TABLE areas (id text PRIMARY KEY, actor_id text, confidence text, denied boolean, ${validity}, ${geo('Geometry')})`,
  );
  await client.query(
    `CREATE TABLE incidents (id text PRIMARY KEY, date date, severity int, ${geo('Point')})`,
  );
  await client.query(
    `CREATE TABLE constraints (id text PRIMARY KEY, severity int, ${validity}, ${geo('Geometry')})`,
  );
  await client.query(
    `CREATE TABLE crossings (id text PRIMARY KEY, status text, ${validity}, ${geo('Point')})`,
  );

  const v = (p: { validFrom?: string; validTo?: string }) => [p.validFrom ?? '', p.validTo ?? ''];
  const dates = `NULLIF(valid_from, '')::date, NULLIF(valid_to, '')::date`;
  const g = 'ST_GeomFromText(geom, 4326)';
  await insert(
    client,
    'roads',
    ['id', 'impassable', 'valid_from', 'valid_to', 'geom'],
    `id, impassable::int[], ${dates}, ${g}`,
    situation.roads.map((r) => [
      r.properties.id,
      `{${r.properties.impassableMonths.join(',')}}`,
      ...v(r.properties),
      wkt(r.geometry),
    ]),
  );
  await insert(
    client,
    'frontlines',
    ['id', 'valid_from', 'valid_to', 'geom'],
    `id, ${dates}, ${g}`,
    situation.frontlines.map((f) => [f.properties.id, ...v(f.properties), wkt(f.geometry)]),
  );
  await insert(
    client,
    'areas',
    ['id', 'actor_id', 'confidence', 'denied', 'valid_from', 'valid_to', 'geom'],
    `id, actor_id, confidence, denied::boolean, ${dates}, ${g}`,
    situation.areas.map((a) => [
      a.properties.id,
      a.properties.actorId,
      a.properties.confidence,
      String(denying.has(a.properties.actorId)),
      ...v(a.properties),
      wkt(a.geometry),
    ]),
  );
  await insert(
    client,
    'incidents',
    ['id', 'date', 'severity', 'geom'],
    `id, date::date, severity::int, ${g}`,
    situation.incidents.map((i) => [
      i.properties.id,
      i.properties.date,
      String(i.properties.severity),
      wkt(i.geometry),
    ]),
  );
  await insert(
    client,
    'constraints',
    ['id', 'severity', 'valid_from', 'valid_to', 'geom'],
    `id, severity::int, ${dates}, ${g}`,
    situation.constraints.map((c) => [
      c.properties.id,
      String(c.properties.severity),
      ...v(c.properties),
      wkt(c.geometry),
    ]),
  );
  // A crossing's status on the as-of date comes from its dated history, resolved here as the engine does.
  await insert(
    client,
    'crossings',
    ['id', 'status', 'valid_from', 'valid_to', 'geom'],
    `id, NULLIF(status, ''), ${dates}, ${g}`,
    situation.crossings.map((c) => [
      c.properties.id,
      crossingStatusOn(c, asOf)?.status ?? '',
      ...v(c.properties),
      wkt(c.geometry),
    ]),
  );
  for (const table of ['roads', 'frontlines', 'areas', 'incidents', 'constraints', 'crossings']) {
    await client.query(`CREATE INDEX ON ${table} USING gist (geom)`);
    await client.query(`CREATE INDEX ON ${table} USING gist (geog)`);
    await client.query(`ANALYZE ${table}`);
  }
}

/** The segment-vs-hazard query: one row per road and reason, naming the feature that caused it. */
function hazardQuery(asOf: string, p: NaiveParams): { text: string; values: unknown[] } {
  const valid = (t: string) =>
    `(${t}.valid_from IS NULL OR ${t}.valid_from <= $1::date) AND (${t}.valid_to IS NULL OR $1::date < ${t}.valid_to)`;
  const text = `
    SELECT r.id AS road_id, 'frontline_crossing' AS code, f.id AS feature_id
      FROM frontlines f JOIN roads r ON ST_Intersects(r.geom, f.geom) WHERE ${valid('f')} AND ${valid('r')}
    UNION ALL
    SELECT r.id, 'frontline_buffer', f.id
      FROM frontlines f JOIN roads r ON ST_DWithin(r.geog, f.geog, $2) WHERE ${valid('f')} AND ${valid('r')}
    UNION ALL
    SELECT r.id, CASE WHEN a.denied AND a.confidence = 'assessed' THEN 'denied_area' ELSE 'contested_area' END, a.id
      FROM areas a JOIN roads r ON ST_Intersects(r.geom, a.geom)
     WHERE ((a.denied AND a.confidence = 'assessed') OR a.confidence = 'contested') AND ${valid('a')} AND ${valid('r')}
    UNION ALL
    SELECT r.id, CASE WHEN i.severity = 3 THEN 'incident_severe' ELSE 'incident_nearby' END, i.id
      FROM incidents i JOIN roads r ON ST_DWithin(r.geog, i.geog, $3)
     WHERE i.severity > 0 AND i.date <= $1::date AND i.date >= $1::date - $4::int AND ${valid('r')}
    UNION ALL
    SELECT r.id, CASE WHEN c.severity = 3 THEN 'constraint_severe' ELSE 'constraint_nearby' END, c.id
      FROM constraints c JOIN roads r ON ST_DWithin(r.geog, c.geog, $5)
     WHERE c.severity > 0 AND ${valid('c')} AND ${valid('r')}
    UNION ALL
    SELECT r.id, CASE WHEN x.status = 'closed' THEN 'crossing_closed' ELSE 'crossing_restricted' END, x.id
      FROM crossings x JOIN roads r ON ST_DWithin(r.geog, x.geog, $6)
     WHERE x.status IN ('closed', 'restricted') AND ${valid('x')} AND ${valid('r')}
    UNION ALL
    SELECT r.id, 'seasonal_closure', r.id FROM roads r WHERE $7::int = ANY (r.impassable) AND ${valid('r')}`;
  return {
    text,
    values: [
      asOf,
      p.frontlineBufferKm * 1000,
      p.incidentRadiusKm * 1000,
      p.incidentWindowDays,
      p.constraintRadiusKm * 1000,
      p.crosslineToleranceKm * 1000,
      Number(asOf.slice(5, 7)),
    ],
  };
}

/**
 * Loads the situation into PostGIS and times the query; `null` (after one line saying how to enable it)
 * when `BENCH_PG_URL` is not set (`npm run bench` sets it to a throw-away server: scripts/with-postgis-bench.sh).
 */
export async function postgisBench(
  situation: Situation,
  asOf: string,
  params: NaiveParams,
  log: (line: string) => void,
  repetitions = 3,
): Promise<PostgisResult | null> {
  const url = process.env.BENCH_PG_URL;
  if (!url) {
    log(
      'PostGIS comparison skipped: no BENCH_PG_URL. The npm scripts start a throw-away server when PostgreSQL and ' +
        'PostGIS are installed; or set BENCH_PG_URL=postgres://user:password@host:port/db (PostGIS installed).',
    );
    return null;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
    const server = (
      await client.query<{ v: string }>(`SELECT version() || ' / PostGIS ' || postgis_lib_version() AS v`)
    ).rows[0].v;
    const t0 = performance.now();
    await load(client, situation, asOf);
    const loadMs = performance.now() - t0;
    log(`PostGIS: loaded ${situation.roads.length} roads and the hazards in ${(loadMs / 1000).toFixed(1)} s`);
    const query = hazardQuery(asOf, params);
    let rows: { road_id: string; code: string; feature_id: string }[] = [];
    const runs: number[] = [];
    for (let i = 0; i <= repetitions; i++) {
      const t = performance.now();
      rows = (await client.query<{ road_id: string; code: string; feature_id: string }>(query)).rows;
      if (i > 0) runs.push(performance.now() - t); // the first run warms the caches
    }
    const rowsByCode: Record<string, number> = {};
    const worst = new Map<string, 'blocked' | 'at_risk'>();
    for (const r of rows) {
      rowsByCode[r.code] = (rowsByCode[r.code] ?? 0) + 1;
      if (BLOCKING.has(r.code)) worst.set(r.road_id, 'blocked');
      else if (!worst.has(r.road_id)) worst.set(r.road_id, 'at_risk');
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return {
      server,
      loadMs,
      queryMs: sorted[Math.floor(sorted.length / 2)],
      runs,
      rows: rows.length,
      rowsByCode,
      blockedRoads: [...worst.values()].filter((s) => s === 'blocked').length,
      atRiskRoads: [...worst.values()].filter((s) => s === 'at_risk').length,
      statusByRoad: worst,
    };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await client.end();
  }
}
