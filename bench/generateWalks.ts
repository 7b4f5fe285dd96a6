/**
 * A seeded synthetic situation whose road network is shaped like a real extract (the grid of
 * bench/generate.ts is tidy: roads share their ends exactly). Here roads are meandering walks that cross each
 * other wherever they meet, noded at every crossing; areas of control are overlapping blobs; front lines wander
 * across them; every road is also a corridor. Same seed, same situation, byte for byte.
 */
import type { Feature, Position } from 'geojson';
import type { SituationInput } from '../src/lib/domain/schemas';
import {
  ACTORS,
  actorId,
  addDays,
  collection,
  COUNTRY,
  DENIES_ACCESS,
  EXTENT,
  feature,
  OPPOSED,
  RANGE_DAYS,
  SOURCE,
  TIME_RANGE,
} from './generate';
import { Rng } from './prng';
import { round5 } from './synthetic/roads';
import { walkRoads } from './synthetic/walks';

export interface WalkOptions {
  seed: number;
  /** Fraction of the full set: counts scale with it and so does the extent's area (same density). */
  scale: number;
  roads: number;
  verticesPerRoad: number;
  /** Mean length of a walk's step, degrees. */
  stepDeg: number;
  areas: number;
  frontlines: number;
  incidents: number;
  sites: number;
}

/** The full real-shaped set of issue 14: 50,000 roads of 20 walk vertices, 200 areas, 40 front lines. */
export const WALKS_FULL: WalkOptions = {
  seed: 20230415,
  scale: 1,
  roads: 50_000,
  verticesPerRoad: 20,
  stepDeg: 0.015,
  areas: 200,
  frontlines: 40,
  incidents: 20_000,
  sites: 5_000,
};

/** The set at `scale` (0.1 for development): counts times `scale`, on an extent of `scale` times the area. */
export function walkOptionsAt(scale: number): WalkOptions {
  const f = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    ...WALKS_FULL,
    scale,
    roads: f(WALKS_FULL.roads),
    areas: f(WALKS_FULL.areas),
    frontlines: f(WALKS_FULL.frontlines),
    incidents: f(WALKS_FULL.incidents),
    sites: f(WALKS_FULL.sites),
  };
}

export interface WalkStats {
  roads: number;
  roadVertices: number;
  /** Vertices shared by two roads or more (the noded crossings, end meetings aside). */
  sharedVertices: number;
  areas: number;
  areaVertices: number;
  frontlines: number;
  sites: number;
  hubs: number;
  corridors: number;
  incidents: number;
}

/** A star-shaped ring (radius varies smoothly with the angle), so it never crosses itself. */
function blob(cx: number, cy: number, radius: number, vertices: number, rng: Rng): Position[] {
  const waves = [1, 2, 3, 5].map((k) => ({ k, amp: rng.range(0, 0.25 / k), phase: rng.range(0, 6.3) }));
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const a = (2 * Math.PI * i) / vertices;
    let r = 1;
    for (const w of waves) r += w.amp * Math.sin(w.k * a + w.phase);
    r *= radius;
    ring.push([round5(cx + r * Math.cos(a)), round5(cy + r * Math.sin(a))]);
  }
  ring.push(ring[0]);
  return ring;
}

export function generateWalkSituationInput(options: WalkOptions): {
  input: SituationInput;
  stats: WalkStats;
} {
  const rng = new Rng(options.seed);
  const [w, s, e, n] = EXTENT;
  const side = Math.sqrt(options.scale);
  const extent: [number, number, number, number] = [
    w,
    s,
    round5(w + (e - w) * side),
    round5(s + (n - s) * side),
  ];
  const [, , ex, ey] = extent;
  const clampLon = (v: number) => round5(Math.min(ex, Math.max(w, v)));
  const clampLat = (v: number) => round5(Math.min(ey, Math.max(s, v)));

  // ---------- roads (and each road a corridor) ----------
  const lines = walkRoads(extent, options.roads, options.verticesPerRoad, options.stepDeg, rng);
  const roadClasses = ['primary', 'secondary', 'track', 'track'] as const;
  const roads = lines.map((coordinates, i) => {
    const cls = rng.pick(roadClasses);
    return feature(
      { type: 'LineString', coordinates },
      {
        id: `road-${i}`,
        name: `Road ${i}`,
        source: SOURCE,
        class: cls,
        impassableMonths: cls === 'track' && rng.chance(0.35) ? [6, 7, 8, 9, 10] : [],
      },
    );
  });
  const corridors = lines.map((coordinates, i) =>
    feature(
      { type: 'LineString', coordinates },
      { id: `corridor-${i}`, name: `Corridor ${i}`, source: SOURCE },
    ),
  );
  const seen = new Map<string, number>();
  for (const line of lines)
    for (const p of new Set(line.map((q) => `${q[0]},${q[1]}`))) seen.set(p, (seen.get(p) ?? 0) + 1);
  let sharedVertices = 0;
  for (const c of seen.values()) if (c > 1) sharedVertices++;
  const randomRoadVertex = (): Position => {
    const line = lines[rng.int(lines.length)];
    return line[rng.int(line.length)];
  };

  // ---------- areas of control: overlapping blobs ----------
  const areas: Feature[] = [];
  let areaVertices = 0;
  for (let i = 0; i < options.areas; i++) {
    // The whole blob (at most 1.6 radii from
    // its centre) stays inside the extent, so no ring is clipped along its edge.
    const radius = Math.min(rng.range(0.3, 1.2), (ex - w) / 3.4, (ey - s) / 3.4);
    const clean = blob(
      rng.range(w + 1.6 * radius, ex - 1.6 * radius),
      rng.range(s + 1.6 * radius, ey - 1.6 * radius),
      radius,
      48 + rng.int(80),
      rng,
    );
    areaVertices += clean.length;
    const actor = rng.int(ACTORS.length);
    const r = rng.next();
    areas.push(
      feature(
        { type: 'Polygon', coordinates: [clean] },
        {
          id: `area-${i}`,
          name: `Area ${i}`,
          source: SOURCE,
          actorId: actorId(actor),
          confidence: r < 0.2 ? 'contested' : r < 0.35 ? 'claimed' : 'assessed',
          validFrom: TIME_RANGE.from,
        },
      ),
    );
  }
  const actors = ACTORS.map((a, k) => ({
    id: actorId(k),
    name: a.name,
    color: a.color,
    opposes: OPPOSED.filter(([p, q]) => p === k || q === k).map(([p, q]) => actorId(p === k ? q : p)),
    deniesAccess: k === DENIES_ACCESS,
  }));

  // ---------- front lines: long wandering lines between opposing actors ----------
  const frontLines: Position[][] = [];
  const frontlines = Array.from({ length: options.frontlines }, (_, i) => {
    const [a, b] = rng.pick(OPPOSED);
    let [x, y] = [rng.range(w, ex), rng.range(s, ey)];
    let heading = rng.range(0, 2 * Math.PI);
    const line: Position[] = [[round5(x), round5(y)]];
    for (let k = 1; k < 60; k++) {
      heading += 0.25 * rng.normal();
      x = Math.min(ex, Math.max(w, x + 0.04 * Math.cos(heading)));
      y = Math.min(ey, Math.max(s, y + 0.04 * Math.sin(heading)));
      const p: Position = [round5(x), round5(y)];
      const last = line[line.length - 1];
      if (p[0] !== last[0] || p[1] !== last[1]) line.push(p);
    }
    frontLines.push(line);
    return feature(
      { type: 'LineString', coordinates: line },
      {
        id: `frontline-${i}`,
        name: `Front line ${i}`,
        source: SOURCE,
        actorIds: [actorId(a), actorId(b)],
        validFrom: TIME_RANGE.from,
      },
    );
  });

  // ---------- sites near the roads, one in 200 a hub ----------
  const sites: Feature[] = [];
  let hubs = 0;
  for (let i = 0; i < options.sites; i++) {
    const p = randomRoadVertex();
    const hub = i % 200 === 0;
    if (hub) hubs++;
    const kind = hub ? 'supply_hub' : rng.pick(['idp_camp', 'town', 'town', 'refugee_camp']);
    const population = Math.round(Math.exp(rng.normal() + 9.5));
    sites.push(
      feature(
        {
          type: 'Point',
          coordinates: [clampLon(p[0] + rng.range(-0.01, 0.01)), clampLat(p[1] + rng.range(-0.01, 0.01))],
        },
        {
          id: `site-${i}`,
          name: `${kind.replace('_', ' ')} ${i}`,
          source: SOURCE,
          kind,
          country: COUNTRY,
          hub,
          figures: [{ date: '2023-06-01', population, ipcPhase: 1 + rng.int(4), source: SOURCE }],
        },
      ),
    );
  }

  // ---------- incidents over two years: near front lines, on roads, anywhere ----------
  const incidents: Feature[] = [];
  for (let i = 0; i < options.incidents; i++) {
    const r = rng.next();
    let p: Position;
    if (r < 0.4) {
      const q = rng.pick(rng.pick(frontLines));
      p = [q[0] + 0.1 * rng.normal(), q[1] + 0.1 * rng.normal()];
    } else if (r < 0.8) {
      const q = randomRoadVertex();
      p = [q[0] + 0.02 * rng.normal(), q[1] + 0.02 * rng.normal()];
    } else p = [rng.range(w, ex), rng.range(s, ey)];
    const sv = rng.next();
    incidents.push(
      feature(
        { type: 'Point', coordinates: [clampLon(p[0]), clampLat(p[1])] },
        {
          id: `incident-${i}`,
          name: `Incident ${i}`,
          source: SOURCE,
          date: addDays(TIME_RANGE.from, rng.int(RANGE_DAYS)),
          category: 'hostilities',
          severity: sv < 0.3 ? 0 : sv < 0.65 ? 1 : sv < 0.9 ? 2 : 3,
          verification: 'verified',
        },
      ),
    );
  }

  const scenario = {
    id: `synthetic-walks-${options.seed}`,
    name: `Synthetic real-shaped situation (seed ${options.seed}, scale ${options.scale})`,
    description: 'Generated for the benchmark; no feature is real.',
    defaultAsOf: '2024-08-15',
    timeRange: TIME_RANGE,
    extent,
    country: COUNTRY,
    actors,
    disclaimer: 'Synthetic data.',
  };
  return {
    input: {
      scenario: { file: 'scenario.json', json: scenario },
      layers: {
        areas: collection('areas.geojson', areas),
        frontlines: collection('frontlines.geojson', frontlines),
        sites: collection('sites.geojson', sites),
        crossings: collection('crossings.geojson', []),
        roads: collection('roads.geojson', roads),
        corridors: collection('corridors.geojson', corridors),
        incidents: collection('incidents.geojson', incidents),
        constraints: collection('constraints.geojson', []),
      },
    },
    stats: {
      roads: roads.length,
      roadVertices: lines.reduce((sum, l) => sum + l.length, 0),
      sharedVertices,
      areas: areas.length,
      areaVertices,
      frontlines: frontlines.length,
      sites: sites.length,
      hubs,
      corridors: corridors.length,
      incidents: incidents.length,
    },
  };
}
