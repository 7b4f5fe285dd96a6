import { haversineKm } from '../../geo/haversineKm';
import {
  planRequestSchema,
  type PlanRequest,
  type PlanRequestInput,
  type PlanResult,
  type PlanRoute,
  type Reason,
  type Situation,
} from '../../schemas';
import { dijkstra, pathTo } from '../access/dijkstra';
import { edgeCosts } from '../access/edgeCosts';
import { createAnalyzer, type Analyzer } from '../analyzer';
import type { AnalysisContext } from '../context';
import { AnalysisInputError } from '../errors';
import { formatKm, sortReasons, statusOfCode } from '../reasons';
import { round3 } from '../round';
import { avoidFeatures } from './avoidFeatures';
import { describeRoute } from './describeRoute';
import { resolvePlace, type ResolvedPlace } from './resolvePlace';
import { searchLeg, type Piece } from './searchLeg';
import { mergeTravelParams } from './travelTime';

/** Cost multiplier put on the edges of routes already found, to find the next alternative. */
export const PLAN_ALTERNATIVE_PENALTY = 2;
/** An alternative sharing more than this share of its length with a route already kept is dropped. */
export const PLAN_ALTERNATIVE_MAX_OVERLAP = 0.8;

export interface PlanOptions {
  /** Test each closed crossing for a shorter (or any) route when opened (default true). */
  openings?: boolean;
}

/**
 * The convoy planner: the best road route between two places on a date and up to three distinct
 * alternatives, through optional waypoints and around an avoid list, each described stretch by stretch with
 * its status and reasons, the crossings to negotiate, the hazards passed and a travel time. Blocked road is
 * never used and at-risk road costs `atRiskCostFactor` times its length (soft avoidance), as in the analysis.
 * Alternatives come from the penalty method (the edges of each route found cost more in the next search; a
 * route overlapping an earlier one by more than PLAN_ALTERNATIVE_MAX_OVERLAP of its length is dropped). When
 * no route exists, the reasons name the blockages on the way that needs the fewest cleared; in every case
 * each closed crossing is opened in turn (through the engine's overrides) to find those whose opening alone
 * would open a route or shorten it.
 */
export function planRoutes(
  source: Situation | Analyzer,
  input: PlanRequestInput,
  options: PlanOptions = {},
): PlanResult {
  const parsed = planRequestSchema.safeParse(input);
  if (!parsed.success)
    throw new AnalysisInputError(
      `invalid route request: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')}`,
    );
  const req = parsed.data;
  const analyzer = 'analyze' in source ? source : createAnalyzer(source);
  const ctx = analyzer.context(req.asOf, req.params, req.overrides);
  const travel = mergeTravelParams(analyzer.situation.scenario.travel, req.travel);
  const places = [req.from, ...req.via, req.to].map((p) => resolvePlace(ctx, analyzer.situation, p));
  const result: PlanResult = {
    asOf: req.asOf,
    month: ctx.layers.month,
    from: places[0].place,
    to: places[places.length - 1].place,
    via: places.slice(1, -1).map((p) => p.place),
    avoid: req.avoid,
    travelParams: travel,
    routes: [],
    reasons: [],
    openings: [],
    notes: [],
  };
  const off = places.filter((p) => p.anchors.length === 0);
  if (off.length > 0) {
    result.reasons = off.map((p) => ({
      code: 'off_network',
      featureId: p.place.id ?? p.place.name,
      detail:
        p.place.kind === 'crossing'
          ? 'the crossing is not on a road that exists on this date'
          : `no road within ${formatKm(ctx.options.siteAttachKm)} on this date`,
    }));
    return result;
  }
  const costs = routingCosts(ctx, analyzer.situation, req.avoid);
  result.routes = findRoutes(ctx, places, costs, req.alternatives, travel);
  if (result.routes.length === 0) {
    result.reasons = explainNoRoute(ctx, analyzer.situation, places, req.avoid);
    const free = routingCosts(ctx, analyzer.situation, []);
    if (req.avoid.length > 0 && findRoutes(ctx, places, free, 0, travel).length > 0)
      result.notes.push(`the avoid list (${req.avoid.join(', ')}) leaves no route: without it there is one`);
  }
  if (options.openings !== false)
    result.openings = findOpenings(analyzer, ctx, req, places, costs, travel, result.routes[0]);
  return result;
}

interface RoutingCosts {
  /** Real cost per edge (Infinity: may not be used), the avoid list applied. */
  cost: Float64Array;
  /** Junctions that may be reached, not passed: closed crossings and what the avoid list names. */
  stopAt: Uint8Array;
}

function routingCosts(ctx: AnalysisContext, situation: Situation, avoid: readonly string[]): RoutingCosts {
  const cost = edgeCosts(ctx, { crossline: true });
  const stopAt = new Uint8Array(ctx.net.nodeCount);
  for (const n of ctx.hazards.closedNodes) stopAt[n] = 1;
  avoidFeatures(ctx, situation, avoid, cost, stopAt);
  return { cost, stopAt };
}

function findRoutes(
  ctx: AnalysisContext,
  places: readonly ResolvedPlace[],
  { cost: realCost, stopAt }: RoutingCosts,
  alternatives: number,
  travel: PlanResult['travelParams'],
): PlanRoute[] {
  const { net } = ctx;
  const cost = Float64Array.from(realCost);
  const bounds = new Map<number, Float64Array>();
  const found: { pieces: Piece[]; edges: Map<number, number>; length: number }[] = [];
  const routes: PlanRoute[] = [];
  for (let attempt = 0; attempt < (alternatives + 1) * 3 && found.length < alternatives + 1; attempt++) {
    const pieces: Piece[] = [];
    for (let i = 0; i + 1 < places.length; i++) {
      const leg = searchLeg(net, ctx.graph, places[i], places[i + 1], cost, stopAt, bounds);
      if (!leg) return finish(routes);
      pieces.push(...leg.pieces);
    }
    // Km walked per edge, for the overlap test; the edges walked cost more in the next search.
    const edges = new Map<number, number>();
    for (const p of pieces) edges.set(p.edge, (edges.get(p.edge) ?? 0) + Math.abs(p.endKm - p.startKm));
    for (const e of edges.keys()) cost[e] *= PLAN_ALTERNATIVE_PENALTY;
    const length = [...edges.values()].reduce((a, b) => a + b, 0);
    const tooClose = found.some((f) => {
      let shared = 0;
      for (const [e, km] of edges) shared += Math.min(km, f.edges.get(e) ?? 0);
      return (
        shared > PLAN_ALTERNATIVE_MAX_OVERLAP * Math.max(length, 1e-9) || (length === 0 && f.length === 0)
      );
    });
    if (tooClose) continue;
    found.push({ pieces, edges, length });
    routes.push(describeRoute(ctx, pieces, places, realCost, travel));
  }
  return finish(routes);
}

function finish(routes: PlanRoute[]): PlanRoute[] {
  routes.sort((x, y) => x.cost - y.cost || x.lengthKm - y.lengthKm);
  routes.forEach((r, i) => (r.rank = i + 1));
  return routes;
}

/** The blockages on the way (leg by leg) that needs the fewest of them cleared. */
function explainNoRoute(
  ctx: AnalysisContext,
  situation: Situation,
  places: readonly ResolvedPlace[],
  avoid: readonly string[],
): Reason[] {
  const cost = edgeCosts(ctx, { crossline: true, explainBlocked: true });
  // What the avoid list keeps off stays off: the explanation names what blocks the ways that remain.
  const stopAt = new Uint8Array(ctx.net.nodeCount);
  avoidFeatures(ctx, situation, avoid, cost, stopAt);
  const out: Reason[] = [];
  for (let i = 0; i + 1 < places.length; i++) {
    const from = places[i].anchors[0].node;
    const to = places[i + 1].anchors[0].node;
    const r = dijkstra(ctx.graph, [{ node: from, cost: 0 }], cost, stopAt, to);
    if (r.dist[to] === Infinity) {
      out.push({
        code: 'no_road_connection',
        featureId: places[i + 1].place.id ?? places[i + 1].place.name,
        detail: `no road links ${places[i].place.name} and ${places[i + 1].place.name}`,
      });
      continue;
    }
    const { edges } = pathTo(ctx.graph, r, to);
    for (const e of [...edges, ...[places[i].edge, places[i + 1].edge].filter((x) => x >= 0)])
      for (const reason of ctx.hazards.reasons.get(e) ?? [])
        if (statusOfCode(reason.code) === 'blocked') out.push(reason);
    // A closed crossing is enforced at its junction (reached, not passed): name the ones on the way.
    for (const n of pathTo(ctx.graph, r, to).nodes.slice(1, -1))
      for (const c of ctx.crossingsAt.get(n) ?? [])
        if (c.status === 'closed')
          out.push({
            code: 'crossing_closed',
            featureId: c.feature.properties.id,
            detail: `passes ${c.feature.properties.kind} crossing "${c.feature.properties.name}", closed${c.since ? ` since ${c.since}` : ' (override)'}`,
          });
  }
  return sortReasons(out);
}

/**
 * Closed crossings whose opening alone gives a route passing them: shorter than the best route, or any
 * route when there is none. An international crossing only stops routes at its junction (its reasons change
 * no other road), so it is opened by letting the search pass that junction; a crossline point also changes
 * which roads may pass the front line, so it is opened through the engine's overrides (a new context: it is
 * tried only when there is no route and no border crossing opens one). Crossings that cannot help are not tried: when there is a route,
 * those whose straight-line detour is already longer; when there is none, those that neither end reaches.
 */
function findOpenings(
  analyzer: Analyzer,
  ctx: AnalysisContext,
  req: PlanRequest,
  places: readonly ResolvedPlace[],
  costs: RoutingCosts,
  travel: PlanResult['travelParams'],
  best: PlanRoute | undefined,
): PlanResult['openings'] {
  const out: PlanResult['openings'] = [];
  const forced = req.overrides?.crossings ?? [];
  const from = places[0].place;
  const to = places[places.length - 1].place;
  const reach = (p: ResolvedPlace) =>
    dijkstra(
      ctx.graph,
      p.anchors.map((x) => ({ node: x.node, cost: 0 })),
      costs.cost,
      costs.stopAt,
    ).dist;
  const fromStart = best ? undefined : reach(places[0]);
  const fromEnd = best ? undefined : reach(places[places.length - 1]);
  // Border crossings first: trying one is a search, a crossline point a new context.
  const candidates = [...ctx.layers.crossings].sort(
    (a, b) =>
      Number(a.feature.properties.kind === 'crossline') - Number(b.feature.properties.kind === 'crossline'),
  );
  for (const c of candidates) {
    const id = c.feature.properties.id;
    const node = ctx.net.crossingNode.get(id);
    if (c.status !== 'closed' || req.avoid.includes(id) || node === undefined) continue;
    const international = c.feature.properties.kind === 'international';
    if (best) {
      const at = c.feature.geometry.coordinates;
      const detour =
        from.snapKm + haversineKm(from.roadPosition, at) + haversineKm(at, to.roadPosition) + to.snapKm;
      if (!international || detour * 0.999 >= best.lengthKm) continue;
    } else {
      // Passing a border crossing needs its junction reached from both ends; a closed crossline point also
      // blocks the roads beside it (they pass the front line), so there the junctions next to it count.
      const near = international ? [node] : [node, ...neighbours(ctx, node)];
      if (!near.some((n) => fromStart![n] < Infinity) || !near.some((n) => fromEnd![n] < Infinity)) continue;
      // The engine's overrides rebuild the day's hazards: a crossline point is tried only when no border
      // crossing opens a route.
      if (!international && out.length > 0) continue;
    }
    let opened: PlanRoute | undefined;
    if (international) {
      const stopAt = costs.stopAt.slice();
      stopAt[node] = req.avoid.length > 0 && isAvoidedNode(ctx, req.avoid, node) ? 1 : 0;
      opened = findRoutes(ctx, places, { cost: costs.cost, stopAt }, 0, travel)[0];
    } else {
      opened = planRoutes(
        analyzer,
        {
          ...req,
          alternatives: 0,
          overrides: {
            ...req.overrides,
            crossings: [...forced.filter((f) => f.id !== id), { id, status: 'open' }],
          },
        },
        { openings: false },
      ).routes[0];
    }
    if (!opened || !opened.crossings.some((x) => x.id === id)) continue;
    if (best && opened.lengthKm >= best.lengthKm) continue;
    out.push({
      crossingId: id,
      name: c.feature.properties.name,
      kind: c.feature.properties.kind,
      since: c.since,
      lengthKm: opened.lengthKm,
      savesKm: best ? round3(best.lengthKm - opened.lengthKm) : null,
    });
  }
  return out.sort((a, b) => a.lengthKm - b.lengthKm || (a.crossingId < b.crossingId ? -1 : 1));
}

/** The junctions one edge away. */
function neighbours(ctx: AnalysisContext, node: number): number[] {
  const { net } = ctx;
  const out: number[] = [];
  for (let k = net.adjStart[node]; k < net.adjStart[node + 1]; k++) {
    const e = net.adjEdge[k];
    out.push(net.edgeFrom[e] === node ? net.edgeTo[e] : net.edgeFrom[e]);
  }
  return out;
}

/** Whether the avoid list names a feature at this junction (a site or another crossing there). */
function isAvoidedNode(ctx: AnalysisContext, avoid: readonly string[], node: number): boolean {
  return avoid.some(
    (id) => ctx.net.crossingNode.get(id) === node || ctx.net.siteAttachment.get(id)?.[0]?.node === node,
  );
}
