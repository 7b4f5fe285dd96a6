import type { Position } from 'geojson';
import { haversineKm } from '../../geo/haversineKm';
import type {
  AnalysisOverridesInput,
  AnalysisParamsInput,
  Reason,
  Route,
  RouteResult,
  Situation,
} from '../../schemas';
import { dijkstra, pathTo } from '../access/dijkstra';
import { blockagesAlong } from '../access/blockagesAlong';
import { BLOCKED_PENALTY_KM, edgeCosts } from '../access/edgeCosts';
import { usableAttachment } from '../access/usableAttachment';
import { pathEdgeReasons } from '../access/pathEdgeReasons';
import { pathGeometry } from '../access/pathGeometry';
import { createAnalyzer, type Analyzer } from '../analyzer';
import type { AnalysisContext } from '../context';
import { AnalysisInputError } from '../errors';
import { formatKm, statusByRank, statusOfReasons, statusRank } from '../reasons';
import { round3, roundPosition } from '../round';

/** A site id, `{ siteId }`, or a position `[lon, lat]` / `{ lon, lat }`. */
export type RoutePoint =
  string | { siteId: string } | { lon: number; lat: number } | readonly [number, number];

export interface RouteOptions {
  asOf: string;
  params?: AnalysisParamsInput;
  overrides?: AnalysisOverridesInput;
  /** Alternatives besides the best route, 0–3 (default 2). */
  alternatives?: number;
}

/** Cost multiplier put on the edges of routes already found, to find the next alternative. */
export const ALTERNATIVE_PENALTY = 2;
/** An alternative sharing more than this share of its length with a route already kept is dropped. */
export const ALTERNATIVE_MAX_OVERLAP = 0.8;

/**
 * Safest-shortest road routes between two points on the as-of date: blocked road removed, at-risk road
 * costed × `atRiskCostFactor`, crossline passages allowed. Alternatives come from the penalty method: the
 * edges of each route found cost ALTERNATIVE_PENALTY times more in the next search, and a new route is kept
 * when it differs enough from the earlier ones. Costs reported are the real (unpenalised) ones. A site joins
 * the network where the analysis attaches it; a free position joins at the nearest junction within the
 * site attachment distance.
 */
export function route(
  source: Situation | Analyzer,
  from: RoutePoint,
  to: RoutePoint,
  options: RouteOptions,
): RouteResult {
  const analyzer = 'analyze' in source ? source : createAnalyzer(source);
  const ctx = analyzer.context(options.asOf, options.params, options.overrides);
  const alternatives = Math.max(0, Math.min(3, Math.floor(options.alternatives ?? 2)));
  const a = resolve(ctx, analyzer.situation, from);
  const b = resolve(ctx, analyzer.situation, to);
  const result: RouteResult = {
    asOf: options.asOf,
    from: { siteId: a.siteId, position: a.position, attachKm: round3(a.attachKm) },
    to: { siteId: b.siteId, position: b.position, attachKm: round3(b.attachKm) },
    routes: [],
    reasons: [],
  };
  const unattached = [a, b].filter((p) => p.node === undefined);
  if (unattached.length > 0) {
    result.reasons = unattached.map((p) => ({
      code: 'off_network',
      featureId: p.siteId ?? `${p.position[0]},${p.position[1]}`,
      detail: `no road within ${formatKm(ctx.options.siteAttachKm)}`,
    }));
    return result;
  }
  const realCost = edgeCosts(ctx, { crossline: true });
  const cost = Float64Array.from(realCost);
  const { net } = ctx;
  // The A* lower bound of each node, computed once per call: the searches for the alternatives visit
  // mostly the same nodes, and the great-circle distance (trigonometry) dominated their time.
  const target: Position = [net.nodeLon[b.node!], net.nodeLat[b.node!]];
  const lowerBound = new Float64Array(net.nodeCount).fill(-1);
  const heuristic = (n: number) => {
    let h = lowerBound[n];
    if (h < 0) {
      h = haversineKm([net.nodeLon[n], net.nodeLat[n]], target) * 0.999;
      lowerBound[n] = h;
    }
    return h;
  };
  const found: { edges: number[]; length: number }[] = [];
  // Closed crossings may be reached but not passed.
  const stopAt = new Uint8Array(net.nodeCount);
  for (const n of ctx.hazards.closedNodes) stopAt[n] = 1;
  for (let attempt = 0; attempt < (alternatives + 1) * 3 && found.length < alternatives + 1; attempt++) {
    const r = dijkstra(ctx.graph, [{ node: a.node!, cost: 0 }], cost, stopAt, b.node!, heuristic);
    if (r.dist[b.node!] === Infinity) break;
    const { edges, nodes } = pathTo(ctx.graph, r, b.node!);
    for (const e of edges) cost[e] *= ALTERNATIVE_PENALTY;
    const length = edges.reduce((k, e) => k + net.edges[e].lengthKm, 0);
    const set = new Set(edges);
    const tooClose = found.some((f) => {
      const shared = f.edges.filter((e) => set.has(e)).reduce((k, e) => k + net.edges[e].lengthKm, 0);
      return (
        shared > ALTERNATIVE_MAX_OVERLAP * Math.max(length, 1e-9) ||
        (edges.length === 0 && f.edges.length === 0)
      );
    });
    if (tooClose) continue;
    found.push({ edges, length });
    result.routes.push(describe(ctx, edges, nodes, a, b, realCost));
  }
  result.routes.sort((x, y) => x.cost - y.cost || x.lengthKm - y.lengthKm);
  result.routes.forEach((r, i) => (r.rank = i + 1));
  if (result.routes.length === 0) result.reasons = explainNoRoute(ctx, a.node!, b.node!);
  return result;
}

interface Endpoint {
  siteId: string | null;
  position: [number, number];
  node: number | undefined;
  attachKm: number;
}

function resolve(ctx: AnalysisContext, situation: Situation, p: RoutePoint): Endpoint {
  const siteId = typeof p === 'string' ? p : 'siteId' in p ? p.siteId : null;
  if (siteId !== null) {
    const site = situation.sites.find((s) => s.properties.id === siteId);
    if (!site) throw new AnalysisInputError(`no site has the id "${siteId}"`);
    const att = usableAttachment(ctx, siteId);
    const [lon, lat] = site.geometry.coordinates;
    return { siteId, position: [lon, lat], node: att?.node, attachKm: att?.attachKm ?? 0 };
  }
  const [lon, lat] = Array.isArray(p) ? p : [(p as { lon: number }).lon, (p as { lat: number }).lat];
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    throw new AnalysisInputError(`position ${lon}, ${lat} is not a longitude, latitude pair`);
  let best: number | undefined;
  let bestKm = Infinity;
  for (const n of ctx.net.nodeIndex.neighbors(lon, lat, 16)) {
    const d = haversineKm([lon, lat], [ctx.net.nodeLon[n], ctx.net.nodeLat[n]]);
    if (d <= ctx.options.siteAttachKm && d < bestKm) {
      bestKm = d;
      best = n;
    }
  }
  return { siteId: null, position: [lon, lat], node: best, attachKm: best === undefined ? 0 : bestKm };
}

function describe(
  ctx: AnalysisContext,
  edges: number[],
  nodes: number[],
  a: Endpoint,
  b: Endpoint,
  realCost: Float64Array,
): Route {
  const { net } = ctx;
  const via: string[] = [];
  const addVia = (id: string) => {
    if (!via.includes(id)) via.push(id);
  };
  nodes.forEach((n, i) => {
    for (const c of ctx.crossingsAt.get(n) ?? []) addVia(c.feature.properties.id);
    if (i < edges.length) for (const id of ctx.hazards.crossline.get(edges[i]) ?? []) addVia(id);
  });
  let worst = 0;
  const edgeReasons = pathEdgeReasons(ctx, edges, nodes);
  const segments = edges.map((e, i) => {
    const s = statusRank[statusOfReasons(edgeReasons[i])];
    worst = Math.max(worst, s);
    return {
      id: net.edges[e].id,
      roadId: net.edges[e].roadId,
      status: statusByRank[s],
      lengthKm: round3(net.edges[e].lengthKm),
      cost: round3(realCost[e]),
      reasons: edgeReasons[i],
    };
  });
  const length = edges.reduce((k, e) => k + net.edges[e].lengthKm, 0) + a.attachKm + b.attachKm;
  const cost = edges.reduce((k, e) => k + realCost[e], 0) + a.attachKm + b.attachKm;
  const start: Position = a.position;
  const end: Position = b.position;
  return {
    rank: 0,
    status: statusByRank[worst],
    cost: round3(cost),
    lengthKm: round3(length),
    viaCrossingIds: via,
    segments,
    geometry: {
      type: 'LineString',
      coordinates: pathGeometry(
        net,
        ctx.edgeCoords,
        edges,
        nodes,
        roundPosition(start),
        roundPosition(end),
        ctx.edgeHasRepeats,
      ),
    },
  };
}

/**
 * Why there is no route: the blockages on the road between the two that needs the fewest of them cleared (a
 * closed crossing passed counts once), binding cause first (docs/analysis.md, the binding reason).
 */
function explainNoRoute(ctx: AnalysisContext, from: number, to: number): Reason[] {
  const closedPass = new Float64Array(ctx.graph.nodeCount);
  for (const n of ctx.hazards.closedNodes) closedPass[n] = BLOCKED_PENALTY_KM;
  const any = dijkstra(
    ctx.graph,
    [{ node: from, cost: 0 }],
    edgeCosts(ctx, { crossline: true, explainBlocked: true, closedAtNodes: true }),
    undefined,
    to,
    undefined,
    closedPass,
  );
  if (any.dist[to] === Infinity)
    return [{ code: 'no_road_connection', featureId: '', detail: 'no road links the two points' }];
  const { edges, nodes } = pathTo(ctx.graph, any, to);
  return blockagesAlong(ctx, edges, nodes);
}
