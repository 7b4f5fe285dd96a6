/**
 * A seeded, synthetic, Sudan-scale situation for the benchmark: same seed, same situation, byte for byte.
 * The layers are raw GeoJSON, as files on disk would be; `generateSituation` runs them through the real
 * `parseSituation`, so the bench measures inputs the app would accept.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { parseSituation, type Situation, type SituationInput } from '../src/lib/domain/schemas';
import { Rng } from './prng';
import { areaGrid } from './synthetic/areas';
import { gridPath, pathLine, roadGrid, round5, type RoadGrid } from './synthetic/roads';

export interface GenerateOptions {
  seed: number;
  roadSegments: number;
  verticesPerRoad: number;
  areas: number;
  verticesPerArea: number;
  sites: number;
  incidents: number;
  constraints: number;
  corridors: number;
  internationalCrossings: number;
  crosslineCrossings: number;
}

/** The scale of the issue: Sudan's road network, areas of control, sites and two years of incidents. */
export const SUDAN_SCALE: GenerateOptions = {
  seed: 20230415,
  roadSegments: 50_000,
  verticesPerRoad: 20,
  areas: 200,
  verticesPerArea: 500,
  sites: 5_000,
  incidents: 20_000,
  constraints: 500,
  corridors: 50,
  internationalCrossings: 10,
  crosslineCrossings: 20,
};

/**
 * SUDAN_SCALE with the road network, areas, sites, incidents and constraints scaled by `scale` (BENCH_SCALE and
 * the like: 0.1 for a quick try), at least `minAreas` areas.
 */
export function sudanScaled(scale: number, minAreas: number): GenerateOptions {
  return {
    ...SUDAN_SCALE,
    roadSegments: Math.round(SUDAN_SCALE.roadSegments * scale),
    areas: Math.max(minAreas, Math.round(SUDAN_SCALE.areas * scale)),
    sites: Math.round(SUDAN_SCALE.sites * scale),
    incidents: Math.round(SUDAN_SCALE.incidents * scale),
    constraints: Math.round(SUDAN_SCALE.constraints * scale),
  };
}

/** Sudan-sized: lon 21–38, lat 9–22. The western strip (about 9 %) is the neighbouring country. */
export const EXTENT: [number, number, number, number] = [21, 9, 38, 22];
export const COUNTRY = 'SDN';
export const NEIGHBOUR = 'TCD';
export const TIME_RANGE = { from: '2023-04-15', to: '2025-04-15' };
export const SOURCE = 'synthetic benchmark data';

export interface GeneratedStats {
  roads: number;
  roadVertices: number;
  roadNodes: number;
  areas: number;
  areaVertices: number;
  frontlines: number;
  frontlineVertices: number;
  sites: number;
  hubs: number;
  sitesAbroad: number;
  internationalCrossings: number;
  crosslineCrossings: number;
  corridors: number;
  corridorVertices: number;
  incidents: number;
  constraints: number;
  actors: number;
}

export interface Generated {
  input: SituationInput;
  stats: GeneratedStats;
  borderLon: number;
}

/** The actors and where their territory centres (fractions of the extent, west→east and south→north). */
export const ACTORS = [
  { name: 'Government forces (synthetic)', color: '#1f77b4', home: [0.75, 0.55] },
  { name: 'Paramilitary force (synthetic)', color: '#d62728', home: [0.2, 0.5] },
  { name: 'Allied movement A (synthetic)', color: '#2ca02c', home: [0.45, 0.85] },
  { name: 'Allied movement B (synthetic)', color: '#ff7f0e', home: [0.45, 0.15] },
  { name: 'Neutral movement (synthetic)', color: '#9467bd', home: [0.95, 0.05] },
  { name: 'Local militia (synthetic)', color: '#8c564b', home: [0.3, 0.2] },
];
/** Who fights whom (symmetric). Actor 4 fights nobody; actor 5 denies access in its assessed areas. */
export const OPPOSED: [number, number][] = [
  [0, 1],
  [0, 3],
  [1, 2],
  [2, 3],
  [1, 5],
];
export const DENIES_ACCESS = 5;
export const actorId = (k: number) => `actor-${k}`;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
export const RANGE_DAYS = Math.round((Date.parse(TIME_RANGE.to) - Date.parse(TIME_RANGE.from)) / 86_400_000);

export function feature(geometry: Geometry, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry, properties };
}
export const collection = (file: string, features: Feature[]) => ({
  file,
  json: { type: 'FeatureCollection', features },
});

/** Where two segments p1–p2 and q1–q2 cross, or undefined. */
function segmentCrossing(p1: Position, p2: Position, q1: Position, q2: Position): Position | undefined {
  const d = (p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0]);
  if (d === 0) return undefined;
  const t = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / d;
  const u = ((q1[0] - p1[0]) * (p2[1] - p1[1]) - (q1[1] - p1[1]) * (p2[0] - p1[0])) / d;
  if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
  return [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
}

/** The first point where a road of `grid` crosses `line`, or undefined. */
function roadCrossingOf(grid: RoadGrid, line: Position[]): Position | undefined {
  const lons = line.map((p) => p[0]);
  const lats = line.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  for (const seg of grid.segments) {
    const a = seg.coords[0];
    const b = seg.coords[seg.coords.length - 1];
    if (
      Math.max(a[0], b[0]) < w ||
      Math.min(a[0], b[0]) > e ||
      Math.max(a[1], b[1]) < s ||
      Math.min(a[1], b[1]) > n
    )
      continue;
    for (let i = 1; i < seg.coords.length; i++)
      for (let j = 1; j < line.length; j++) {
        const x = segmentCrossing(seg.coords[i - 1], seg.coords[i], line[j - 1], line[j]);
        if (x) return [round5(x[0]), round5(x[1])];
      }
  }
  return undefined;
}

/** Where `coords` crosses the meridian `lon` (linear interpolation on the segment that spans it). */
function crossingAtLon(coords: Position[], lon: number): Position {
  for (let i = 1; i < coords.length; i++) {
    const [a, b] = [coords[i - 1], coords[i]];
    if ((a[0] - lon) * (b[0] - lon) <= 0 && a[0] !== b[0]) {
      const t = (lon - a[0]) / (b[0] - a[0]);
      return [round5(lon), round5(a[1] + t * (b[1] - a[1]))];
    }
  }
  throw new Error('the road does not cross the border');
}

/** A dated status history starting open, then sometimes closed or restricted, sometimes reopened. */
function statusHistory(rng: Rng): { date: string; status: string; source: string }[] {
  const history = [{ date: TIME_RANGE.from, status: 'open', source: SOURCE }];
  let day = 0;
  for (let changes = rng.int(4); changes > 0; changes--) {
    day += 1 + rng.int(Math.max(1, Math.floor((RANGE_DAYS - day) / 2)));
    if (day >= RANGE_DAYS) break;
    const last = history[history.length - 1].status;
    const next = rng.pick(['open', 'restricted', 'closed'].filter((s) => s !== last));
    history.push({ date: addDays(TIME_RANGE.from, day), status: next, source: SOURCE });
  }
  return history;
}

/** Raw GeoJSON layers and scenario of a synthetic situation, as files on disk would hold them. */
export function generateSituationInput(options: GenerateOptions): Generated {
  const rng = new Rng(options.seed);
  const [w, s, e, n] = EXTENT;
  const clampLon = (v: number) => round5(Math.min(e, Math.max(w, v)));
  const clampLat = (v: number) => round5(Math.min(n, Math.max(s, v)));

  // ---------- roads ----------
  const grid = roadGrid(
    EXTENT,
    options.roadSegments,
    options.verticesPerRoad,
    options.internationalCrossings,
    0.09,
    rng,
  );
  const roads = grid.segments.map((seg, i) =>
    feature(
      { type: 'LineString', coordinates: seg.coords },
      {
        id: `road-${i}`,
        name: `Road ${i}`,
        source: SOURCE,
        class: seg.class,
        // Wadi tracks are impassable in the rainy season (June–October).
        impassableMonths: seg.class === 'track' && rng.chance(0.35) ? [6, 7, 8, 9, 10] : [],
      },
    ),
  );
  const randomRoadVertex = (): { position: Position; node: number } => {
    const seg = grid.segments[rng.int(grid.segments.length)];
    const k = rng.int(seg.coords.length);
    return { position: seg.coords[k], node: k < seg.coords.length / 2 ? seg.a : seg.b };
  };
  const country = (lon: number) => (lon < grid.borderLon ? NEIGHBOUR : COUNTRY);

  // ---------- actors and areas of control ----------
  const cells = areaGrid(EXTENT, options.areas, options.verticesPerArea, rng);
  // Each actor holds the cells nearest its home, so opposing actors' territories meet along front lines.
  const homes = ACTORS.map((a) => [a.home[0] + rng.range(-0.05, 0.05), a.home[1] + rng.range(-0.05, 0.05)]);
  const aspect = (e - w) / (n - s);
  const actorOf = Array.from({ length: options.areas }, (_, cell) => {
    const x = ((cell % cells.cols) + 0.5) / cells.cols;
    const y = (Math.floor(cell / cells.cols) + 0.5) / cells.rows;
    let best = 0;
    let bestD = Infinity;
    homes.forEach(([hx, hy], k) => {
      const d = ((x - hx) * aspect) ** 2 + (y - hy) ** 2;
      if (d < bestD) [best, bestD] = [k, d];
    });
    return best;
  });
  const opposed = (a: number, b: number) =>
    OPPOSED.some(([p, q]) => (p === a && q === b) || (p === b && q === a));
  const areas = cells.rings.map((ring, cell) => {
    const frontier = cells.neighbours(cell).some((o) => opposed(actorOf[cell], actorOf[o]));
    const r = rng.next();
    const confidence = frontier
      ? r < 0.35
        ? 'contested'
        : r < 0.55
          ? 'claimed'
          : 'assessed'
      : r < 0.08
        ? 'claimed'
        : 'assessed';
    return feature(
      { type: 'Polygon', coordinates: [ring] },
      {
        id: `area-${cell}`,
        name: `Area ${cell}`,
        source: SOURCE,
        actorId: actorId(actorOf[cell]),
        confidence,
        validFrom: TIME_RANGE.from,
      },
    );
  });
  const actors = ACTORS.map((a, k) => ({
    id: actorId(k),
    name: a.name,
    color: a.color,
    opposes: OPPOSED.filter(([p, q]) => p === k || q === k).map(([p, q]) => actorId(p === k ? q : p)),
    deniesAccess: k === DENIES_ACCESS,
  }));

  // ---------- front lines: the shared boundaries between opposing actors' cells ----------
  const frontlineLines: { line: Position[]; actors: [number, number] }[] = [];
  for (let cell = 0; cell < options.areas; cell++)
    for (const other of cells.neighbours(cell)) {
      if (other < cell || !opposed(actorOf[cell], actorOf[other])) continue;
      const line = cells.edgeBetween(cell, other);
      if (line) frontlineLines.push({ line, actors: [actorOf[cell], actorOf[other]] });
    }
  const frontlines = frontlineLines.map(({ line, actors: [a, b] }, i) =>
    feature(
      { type: 'LineString', coordinates: line },
      {
        id: `frontline-${i}`,
        name: `Front line ${i}`,
        source: SOURCE,
        actorIds: [actorId(a), actorId(b)],
        validFrom: TIME_RANGE.from,
      },
    ),
  );

  // ---------- crossings: international ones where roads cross the border, crossline ones on front lines ----------
  const crossings: Feature[] = grid.crossingRows.map((row, i) => {
    const seg = grid.segments[grid.horizontal[row * grid.cols + grid.borderCol]];
    return feature(
      { type: 'Point', coordinates: crossingAtLon(seg.coords, grid.borderLon) },
      {
        id: `crossing-intl-${i}`,
        name: `Border crossing ${i}`,
        source: SOURCE,
        kind: 'international',
        countries: [NEIGHBOUR, COUNTRY],
        statusHistory: statusHistory(rng),
      },
    );
  });
  const candidateFronts = frontlineLines.map((_, i) => i); // drawn from at random below
  for (let made = 0; made < options.crosslineCrossings && candidateFronts.length > 0;) {
    const [index] = candidateFronts.splice(rng.int(candidateFronts.length), 1);
    const { line, actors: pair } = frontlineLines[index];
    const at = roadCrossingOf(grid, line);
    if (!at) continue;
    crossings.push(
      feature(
        { type: 'Point', coordinates: at },
        {
          id: `crossing-line-${made}`,
          name: `Crossline point ${made}`,
          source: SOURCE,
          kind: 'crossline',
          actorIds: pair.map(actorId),
          statusHistory: statusHistory(rng),
        },
      ),
    );
    made++;
  }

  // ---------- sites: camps, towns, airports and hubs, on or near roads, in two countries ----------
  const siteNodes: number[] = [];
  const siteKinds: string[] = [];
  const sites: Feature[] = [];
  let hubsHome = 0;
  let hubsAbroad = 0;
  const hubsWantedHome = Math.max(1, Math.round(options.sites / 200));
  const hubsWantedAbroad = Math.max(1, Math.round(options.sites / 1250));
  for (let i = 0; i < options.sites; i++) {
    const { position, node } = randomRoadVertex();
    const lon = clampLon(position[0] + rng.range(-0.01, 0.01));
    const lat = clampLat(position[1] + rng.range(-0.01, 0.01));
    const where = country(lon);
    let kind: string;
    let hub = false;
    if (where === NEIGHBOUR && hubsAbroad < hubsWantedAbroad) {
      [kind, hub] = ['supply_hub', true];
      hubsAbroad++;
    } else if (where === COUNTRY && hubsHome < hubsWantedHome) {
      kind = rng.pick(['supply_hub', 'supply_hub', 'supply_hub', 'airport', 'town']);
      hub = true;
      hubsHome++;
    } else {
      const r = rng.next();
      kind =
        where === NEIGHBOUR
          ? r < 0.65
            ? 'refugee_camp'
            : 'town'
          : r < 0.5
            ? 'idp_camp'
            : r < 0.92
              ? 'town'
              : r < 0.98
                ? 'refugee_camp'
                : 'airport';
    }
    const camp = kind === 'idp_camp' || kind === 'refugee_camp';
    const population = Math.round(Math.exp(rng.normal() + (camp ? 9.5 : 10)));
    const phase = 1 + Math.min(4, Math.floor(rng.next() * rng.next() * 6 + (camp ? 1 : 0)));
    const figures: Record<string, unknown>[] = [
      { date: '2023-06-01', population, ipcPhase: Math.max(1, phase - 1), source: SOURCE },
    ];
    if (rng.chance(0.6))
      figures.push({
        date: '2024-06-01',
        population: Math.round(population * rng.range(0.7, 1.8)),
        ipcPhase: phase,
        ...(phase === 5 && rng.chance(0.5) ? { famine: true } : {}),
        source: SOURCE,
      });
    siteNodes.push(node);
    siteKinds.push(kind);
    sites.push(
      feature(
        { type: 'Point', coordinates: [lon, lat] },
        {
          id: `site-${i}`,
          name: `${kind.replace('_', ' ')} ${i}`,
          source: SOURCE,
          kind,
          country: where,
          hub,
          figures,
        },
      ),
    );
  }

  // ---------- corridors: named routes from hubs to camps along the road network ----------
  const hubIndexes = sites.map((_, i) => i).filter((i) => sites[i].properties!.hub);
  const campIndexes = sites.map((_, i) => i).filter((i) => /camp/.test(siteKinds[i]));
  const corridors: Feature[] = [];
  const manhattan = (a: number, b: number) =>
    Math.abs((a % grid.cols) - (b % grid.cols)) +
    Math.abs(Math.floor(a / grid.cols) - Math.floor(b / grid.cols));
  for (let i = 0; i < options.corridors && hubIndexes.length > 0 && campIndexes.length > 0; i++) {
    const from = hubIndexes[i % hubIndexes.length];
    let to = -1;
    for (let attempt = 0; attempt < 500 && to < 0; attempt++) {
      const c = rng.pick(campIndexes);
      const d = manhattan(siteNodes[from], siteNodes[c]);
      if (d >= 5 && d <= 40) to = c;
    }
    if (to < 0) continue;
    const line = pathLine(grid, gridPath(grid, siteNodes[from], siteNodes[to]));
    corridors.push(
      feature(
        { type: 'LineString', coordinates: line },
        {
          id: `corridor-${corridors.length}`,
          name: `${sites[from].properties!.name} → ${sites[to].properties!.name}`,
          source: SOURCE,
          fromSiteId: `site-${from}`,
          toSiteId: `site-${to}`,
        },
      ),
    );
  }

  // ---------- incidents over two years: near front lines, on roads, and anywhere ----------
  const categories = [
    'denial_of_need',
    'restriction_of_access_to_services',
    'entry_impediment',
    'movement_restriction',
    'interference',
    'violence_against_aid',
    'hostilities',
    'explosive_hazards',
    'physical_environment',
  ];
  const incidents: Feature[] = [];
  for (let i = 0; i < options.incidents; i++) {
    const r = rng.next();
    let lon: number;
    let lat: number;
    if (r < 0.4 && frontlineLines.length > 0) {
      const p = rng.pick(rng.pick(frontlineLines).line);
      [lon, lat] = [p[0] + 0.1 * rng.normal(), p[1] + 0.1 * rng.normal()];
    } else if (r < 0.8) {
      const p = randomRoadVertex().position;
      [lon, lat] = [p[0] + 0.02 * rng.normal(), p[1] + 0.02 * rng.normal()];
    } else [lon, lat] = [rng.range(w, e), rng.range(s, n)];
    const sv = rng.next();
    const severity = sv < 0.3 ? 0 : sv < 0.65 ? 1 : sv < 0.9 ? 2 : 3;
    const v = rng.next();
    const verification = v < 0.7 ? 'verified' : v < 0.95 ? 'unverified' : 'disputed';
    incidents.push(
      feature(
        { type: 'Point', coordinates: [clampLon(lon), clampLat(lat)] },
        {
          id: `incident-${i}`,
          name: `Incident ${i}`,
          source: SOURCE,
          sensitivity: verification === 'verified' ? 'public' : 'restricted',
          date: addDays(TIME_RANGE.from, rng.int(RANGE_DAYS)),
          category: rng.pick(categories),
          severity,
          verification,
          ...(severity >= 2 && rng.chance(0.4) ? { fatalities: rng.int(30) } : {}),
        },
      ),
    );
  }

  // ---------- constraints: checkpoints, bridges, floods on the roads ----------
  const kinds = ['flood', 'bridge_out', 'checkpoint', 'minefield', 'curfew', 'terrain', 'other'];
  const constraints: Feature[] = [];
  for (let i = 0; i < options.constraints; i++) {
    const [lon, lat] = randomRoadVertex().position;
    const polygon = rng.chance(0.3);
    const half = rng.range(0.01, 0.04);
    const geometry: Geometry = polygon
      ? {
          type: 'Polygon',
          coordinates: [
            [
              [round5(lon - half), round5(lat - half)],
              [round5(lon + half), round5(lat - half)],
              [round5(lon + half), round5(lat + half)],
              [round5(lon - half), round5(lat + half)],
              [round5(lon - half), round5(lat - half)],
            ],
          ],
        }
      : { type: 'Point', coordinates: [lon, lat] };
    const validFrom = addDays(TIME_RANGE.from, rng.int(RANGE_DAYS));
    const sv = rng.next();
    constraints.push(
      feature(geometry, {
        id: `constraint-${i}`,
        name: `Constraint ${i}`,
        source: SOURCE,
        kind: polygon ? 'flood' : rng.pick(kinds),
        severity: sv < 0.2 ? 0 : sv < 0.5 ? 1 : sv < 0.8 ? 2 : 3,
        validFrom,
        ...(rng.chance(0.5) ? { validTo: addDays(validFrom, 30 + rng.int(150)) } : {}),
      }),
    );
  }

  const scenario = {
    id: `synthetic-${options.seed}`,
    name: `Synthetic Sudan-scale situation (seed ${options.seed})`,
    description: 'Generated for the benchmark; no feature is real.',
    defaultAsOf: '2024-08-15',
    timeRange: TIME_RANGE,
    extent: EXTENT,
    country: COUNTRY,
    actors,
    disclaimer: 'Synthetic data.',
  };
  const stats: GeneratedStats = {
    roads: roads.length,
    roadVertices: grid.segments.reduce((sum, seg) => sum + seg.coords.length, 0),
    roadNodes: grid.nodes.length,
    areas: areas.length,
    areaVertices: cells.rings.reduce((sum, r) => sum + r.length, 0),
    frontlines: frontlines.length,
    frontlineVertices: frontlineLines.reduce((sum, f) => sum + f.line.length, 0),
    sites: sites.length,
    hubs: hubIndexes.length,
    sitesAbroad: sites.filter((f) => f.properties!.country === NEIGHBOUR).length,
    internationalCrossings: grid.crossingRows.length,
    crosslineCrossings: crossings.length - grid.crossingRows.length,
    corridors: corridors.length,
    corridorVertices: corridors.reduce(
      (sum, f) => sum + (f.geometry as { coordinates: Position[] }).coordinates.length,
      0,
    ),
    incidents: incidents.length,
    constraints: constraints.length,
    actors: actors.length,
  };
  return {
    input: {
      scenario: { file: 'scenario.json', json: scenario },
      layers: {
        areas: collection('areas.geojson', areas),
        frontlines: collection('frontlines.geojson', frontlines),
        sites: collection('sites.geojson', sites),
        crossings: collection('crossings.geojson', crossings),
        roads: collection('roads.geojson', roads),
        corridors: collection('corridors.geojson', corridors),
        incidents: collection('incidents.geojson', incidents),
        constraints: collection('constraints.geojson', constraints),
      },
    },
    stats,
    borderLon: grid.borderLon,
  };
}

/** The synthetic situation, validated by the app's own `parseSituation` (throws on any invalid feature). */
export function generateSituation(options: GenerateOptions): { situation: Situation; stats: GeneratedStats } {
  const { input, stats } = generateSituationInput(options);
  return { situation: parseSituation(input), stats };
}
