import { bboxOfGeometry } from '../geo/bboxOfGeometry';
import type { Geometry, Position } from 'geojson';
import { createBoxIndex, type BoxIndex } from '../geo/createBoxIndex';
import {
  analysisOverridesSchema,
  analysisParamsSchema,
  isoDate,
  type AnalysisOverridesInput,
  type AnalysisParamsInput,
  type AnalysisReport,
  type AreaFeature,
  type ConstraintFeature,
  type RoadRanges,
  type SegmentReport,
  type Situation,
} from '../schemas';
import { activeLayersOn, type ActiveCrossing } from './activeLayers';
import type { Graph } from './access/dijkstra';
import { SiteAccessMemo, siteAccess } from './access/siteAccess';
import type { AnalysisContext } from './context';
import { ContextOfDate } from './contextOfDate';
import { evaluateCorridors } from './corridors/evaluateCorridor';
import { AnalysisInputError } from './errors';
import { deriveFrontlines } from './frontlines/deriveFrontlines';
import { indexFrontlineSegments } from './frontlines/frontlineSegments';
import { HazardCache } from './hazards/hazardCache';
import {
  ABSENT,
  evaluateEdgeHazards,
  type EdgeHazards,
  type EdgeHazardsMemo,
} from './hazards/evaluateEdgeHazards';
import { hotspots, type HotspotsMemo } from './hotspots';
import { withChangedPlaces } from './changedPlaces';
import type { CorridorCountsMemo } from './corridorCounts';
import { orderById } from './idOrder';
import { roadNetworkOf } from './network/roadNetworkOf';
import { defaultNetworkOptions, type NetworkOptions } from './network/networkOptions';
import { EDGE_REPEATS, EDGE_ROUNDED, type RoadNetwork } from './network/roadNetwork';
import { sameReasons, statusByRank } from './reasons';
import { roadRanges } from './roads/roadRanges';
import { round3, roundLine, roundPosition } from './round';
import { byId, compareStrings } from './sortById';
import { totals } from './totals';

/** Builds the network and indexes of a situation once; `analyze` then recomputes only the hazards of a date. */
export interface Analyzer {
  readonly network: RoadNetwork;
  readonly situation: Situation;
  /** The report of DESIGN.md §3 for `asOf`. Parameters default as in §3; overrides apply to this call only. */
  analyze(asOf: string, params?: AnalysisParamsInput, overrides?: AnalysisOverridesInput): AnalysisReport;
  /**
   * Where roads are not open on `asOf`, as ranges in km from each road's start (all roads with a closed or
   * risky edge, or those of `roadIds`): the compact alternative to the report's segments (roads/roadRanges.ts).
   */
  roadRanges(
    asOf: string,
    params?: AnalysisParamsInput,
    overrides?: AnalysisOverridesInput,
    roadIds?: readonly string[],
  ): RoadRanges[];
  /** The context an analysis works from (used by `route`). */
  context(asOf: string, params?: AnalysisParamsInput, overrides?: AnalysisOverridesInput): AnalysisContext;
}

/**
 * Prepares the analysis of a situation: the road graph (roads joined, crossings and sites attached) and the
 * spatial indexes are built here, once; hazards are cached per feature between calls, so a re-analysis after
 * one front line moves only re-evaluates that line. The situation is never mutated. Of `earlier`, the networks
 * of analyzers of other situations, the first whose roads, crossings and sites were this situation's is taken
 * instead of a new one (network/roadNetworkOf.ts).
 */
export function createAnalyzer(
  situation: Situation,
  options: Partial<NetworkOptions> = {},
  earlier: readonly RoadNetwork[] = [],
): Analyzer {
  const opts: NetworkOptions = { ...defaultNetworkOptions, ...options };
  const net = roadNetworkOf(situation.roads, situation.crossings, situation.sites, opts, earlier);
  const graph: Graph = {
    nodeCount: net.nodeCount,
    adjStart: net.adjStart,
    adjEdge: net.adjEdge,
    edgeFrom: net.edgeFrom,
    edgeTo: net.edgeTo,
  };
  const incidents = situation.incidents;
  const incidentIndex = createBoxIndex(incidents.length, (i) => {
    const [x, y] = incidents[i].geometry.coordinates;
    return [x, y, x, y];
  });
  const cache = new HazardCache();
  const actorById = new Map(situation.scenario.actors.map((a) => [a.id, a]));
  const isHazardArea = (a: Situation['areas'][number]) =>
    a.properties.confidence === 'contested' ||
    (a.properties.confidence === 'assessed' && actorById.get(a.properties.actorId)?.deniesAccess === true);
  const allHazardAreas = situation.areas.filter(isHazardArea);
  const allAreas = [...situation.areas].sort(byId);
  const allHazardAreaIndex = boxIndexOf(allHazardAreas);
  // Sieges are not obstacles on the road: they block the roads that cross their ring (hazards/siegeHazards.ts).
  const isObstacle = (c: Situation['constraints'][number]) =>
    c.properties.severity > 0 && c.properties.kind !== 'siege';
  const allHazardConstraints = situation.constraints.filter(isObstacle);
  const allHazardConstraintIndex = boxIndexOf(allHazardConstraints);
  // Rounded edge geometry for the report, made once per edge (edges never change). Mostly the edge's own
  // positions (roundLine): reports share them with the network, and nothing mutates either. The build found
  // the edges that rounding leaves as they are (most, in road data): those are not read again here, a
  // position array scattered on the heap each.
  const rounding = net.edgeRounding;
  // Sized to the edges at once: an empty array written at scattered edges becomes a hash table (V8's dictionary
  // elements), each of the first analysis' 400,000 look-ups at the walks' full size then a hash probe.
  const roundedCoords = new Array<Position[] | undefined>(net.edges.length);
  const edgeCoords = (e: number) =>
    (roundedCoords[e] ??=
      rounding[e] & EDGE_ROUNDED ? net.edges[e].coords : (roundLine(net.edges[e].coords) as Position[]));
  // Whether an edge's rounded positions hold two equal ones in a row (0 not known yet, 1 no, 2 yes), found
  // once per edge: best-path geometry then copies the others without reading each position (pathGeometry).
  const repeats = new Uint8Array(net.edges.length);
  const edgeHasRepeats = (e: number): boolean => {
    if (repeats[e] === 0 && rounding[e] & EDGE_ROUNDED) repeats[e] = rounding[e] & EDGE_REPEATS ? 2 : 1;
    if (repeats[e] === 0) {
      const line = edgeCoords(e);
      repeats[e] = 1;
      for (let k = 1; k < line.length; k++)
        if (line[k][0] === line[k - 1][0] && line[k][1] === line[k - 1][1]) {
          repeats[e] = 2;
          break;
        }
    }
    return repeats[e] === 2;
  };
  const layersOn = activeLayersOn(situation);
  // What the last analysis found per site: the next one recomputes a site only where its report can change.
  const siteMemo = new SiteAccessMemo();
  const hazardsMemo: EdgeHazardsMemo = {};
  // Sized to the edges, as `roundedCoords` above: written at the scattered edges that have an entry, it would
  // become a hash table.
  const lastSegment = new Array<SegmentReport | undefined>(net.edges.length);
  const hotspotsMemo: HotspotsMemo = {};
  // The last list of corridor reports counted in the totals: most reports of the next list are its objects.
  const corridorCountsMemo: CorridorCountsMemo = {};
  // Edges are in road id order, then by piece, which is not segment id order once a road has ten pieces
  // ("#10" sorts before "#2"). The report lists segments by id: the edges are put in that order once, on
  // the first analysis, and every analysis walks them in it instead of sorting its segments (a stable sort of
  // all edges lists any subset of them as a stable sort of that subset would). Only each road's pieces need
  // sorting among themselves (idOrder.ts).
  let edgesById: Int32Array | undefined;
  const edgeOrder = (): Int32Array =>
    (edgesById ??= orderById(
      net.edges.length,
      (e) => net.edges[e].id,
      (e) => net.edges[e].roadId,
    ));
  // The place of each edge in that order.
  let placeByEdge: Int32Array | undefined;
  const placeOf = (): Int32Array => {
    if (placeByEdge) return placeByEdge;
    const order = edgeOrder();
    placeByEdge = new Int32Array(order.length);
    for (let o = 0; o < order.length; o++) placeByEdge[order[o]] = o;
    return placeByEdge;
  };
  const derivedCache = new Map<string, { a: object; b: object; lines: number[][][] }>();
  // The ids of the features in force, kept as the same set while their contents stay the same: the corridors
  // then see at once that what they filter by did not change (corridors/corridorIntervals.ts).
  // The lists of the last analysis are remembered too: a re-analysis on the same date gets the same lists
  // (activeLayers.ts), whose ids need not be looked up again one by one.
  const idSets = { areas: new Set<string>(), constraints: new Set<string>(), incidents: new Set<string>() };
  const idLists: Record<keyof typeof idSets, readonly unknown[] | undefined> = {
    areas: undefined,
    constraints: undefined,
    incidents: undefined,
  };
  const sameIds = (kind: keyof typeof idSets, features: readonly { properties: { id: string } }[]) => {
    const last = idSets[kind];
    if (idLists[kind] === features) return last;
    idLists[kind] = features;
    if (last.size === features.length && features.every((f) => last.has(f.properties.id))) return last;
    return (idSets[kind] = new Set(features.map((f) => f.properties.id)));
  };

  // The areas and the constraints in force are the same arrays on a date (activeLayers.ts): those that are
  // hazards, and their box indexes, are kept while they are, not made again on each re-analysis.
  const hazardAreasOf = keptForLast((areas: AreaFeature[]) => {
    const hazardAreas = areas.filter(isHazardArea);
    return { hazardAreas, hazardAreaIndex: boxIndexOf(hazardAreas) };
  });
  const hazardConstraintsOf = keptForLast((constraints: ConstraintFeature[]) => {
    const hazardConstraints = constraints.filter(isObstacle);
    return {
      hazardConstraints,
      hazardConstraintIndex: boxIndexOf(hazardConstraints),
      sieges: constraints.filter((c) => c.properties.kind === 'siege'),
    };
  });

  // The last context is kept: routes planned one after another on the same date reuse its hazards.
  let lastContext: { key: string; ctx: AnalysisContext } | undefined;
  const context = (
    asOf: string,
    paramsInput: AnalysisParamsInput = {},
    overridesInput: AnalysisOverridesInput = {},
  ): AnalysisContext => {
    const key = JSON.stringify([asOf, paramsInput, overridesInput]);
    if (lastContext?.key !== key) lastContext = { key, ctx: buildContext(asOf, paramsInput, overridesInput) };
    return lastContext.ctx;
  };

  const buildContext = (
    asOf: string,
    paramsInput: AnalysisParamsInput = {},
    overridesInput: AnalysisOverridesInput = {},
  ): AnalysisContext => {
    if (!isoDate.safeParse(asOf).success)
      throw new AnalysisInputError(`as-of date "${asOf}" is not a date written YYYY-MM-DD`);
    const p = analysisParamsSchema.safeParse(paramsInput);
    if (!p.success)
      throw new AnalysisInputError(
        `invalid parameters: ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const o = analysisOverridesSchema.safeParse(overridesInput);
    if (!o.success)
      throw new AnalysisInputError(
        `invalid overrides: ${o.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const layers = layersOn(asOf, p.data, o.data);
    const frontlines = [
      ...layers.frontlines,
      ...deriveFrontlines(situation.scenario, layers.areas, layers.frontlines, derivedCache),
    ].sort((a, b) => compareStrings(a.id, b.id));
    const hazards = evaluateEdgeHazards(net, situation.scenario, layers, frontlines, cache, hazardsMemo);
    const crossingsAt = new Map<number, ActiveCrossing[]>();
    for (const c of layers.crossings) {
      const node = net.crossingNode.get(c.feature.properties.id);
      if (node !== undefined) crossingsAt.set(node, [...(crossingsAt.get(node) ?? []), c]);
    }
    const { hazardAreas, hazardAreaIndex } = hazardAreasOf(layers.areas);
    const { hazardConstraints, hazardConstraintIndex, sieges } = hazardConstraintsOf(layers.constraints);
    return new ContextOfDate({
      net,
      edgeCoords,
      edgeHasRepeats,
      allHazardAreas,
      allHazardAreaIndex,
      allAreas,
      allHazardConstraints,
      allHazardConstraintIndex,
      activeAreaIds: sameIds('areas', layers.areas),
      activeConstraintIds: sameIds('constraints', layers.constraints),
      cache,
      graph,
      hazardAreas,
      hazardAreaIndex,
      hazardConstraints,
      sieges,
      hazardConstraintIndex,
      options: opts,
      scenario: situation.scenario,
      layers,
      frontlines,
      frontlineSegments: indexFrontlineSegments(frontlines),
      hazards,
      incidents,
      incidentIndex,
      activeIncidents: sameIds('incidents', layers.incidents),
      crossingsAt,
    });
  };

  // The entry of an edge in the report, or none for an open or absent edge. An edge whose reasons are the same
  // as in its last entry keeps that entry: the same list (a front line moved elsewhere), or a list of equal
  // reasons (another date: the hazards make their reasons again, and most edges' are as the day before). A
  // kept entry is not made again, and the store's count of the report's bytes counts it once
  // (server/situation/reportBytes.ts).
  const segmentOf = (hazards: EdgeHazards, index: number): SegmentReport | undefined => {
    const s = hazards.status[index];
    if (s === ABSENT || s === 0) return undefined;
    const reasons = hazards.reasons.get(index) ?? [];
    const last = lastSegment[index];
    if (last && last.status === statusByRank[s] && sameReasons(last.reasons, reasons)) return last;
    const e = net.edges[index];
    const entry: SegmentReport = {
      id: e.id,
      roadId: e.roadId,
      status: statusByRank[s],
      lengthKm: round3(e.lengthKm),
      reasons,
      geometry: { type: 'LineString' as const, coordinates: edgeCoords(index) },
    };
    lastSegment[index] = entry;
    return entry;
  };
  // The last report's segments, with the place in `edgeOrder` of each one's edge, and the hazards they were
  // made from. When the next hazards say which edges can differ from those (a front line moved), the segments
  // are the last ones with only those edges' entries looked at again: the walk over every edge of the network
  // (a million at the walks' full size) is left out. The last list is copied, never changed: a report already
  // returned keeps its segments. The arrays of places are two, used in turn.
  let lastSegments: { list: SegmentReport[]; places: Int32Array; hazards: EdgeHazards } | undefined;
  let sparePlaces: Int32Array | undefined;
  const segmentsOf = (hazards: EdgeHazards): SegmentReport[] => {
    const order = edgeOrder();
    const last = lastSegments;
    if (last?.hazards === hazards) return last.list.slice();
    const places =
      sparePlaces && sparePlaces.length === order.length ? sparePlaces : new Int32Array(order.length);
    let out: SegmentReport[] = [];
    let n = 0;
    if (last && hazards.changedFrom?.before === last.hazards) {
      // The changed edges' places in order, each once; the last list's entries between them are kept.
      const edges = hazards.changedFrom.edges;
      const placeByEdge = placeOf();
      const changed = new Int32Array(edges.length);
      for (let k = 0; k < edges.length; k++) changed[k] = placeByEdge[edges[k]];
      changed.sort();
      out = withChangedPlaces(
        last.list,
        last.places,
        changed,
        (place) => segmentOf(hazards, order[place]),
        places,
      );
      n = out.length;
    } else {
      // An index loop: a for-of over the typed array made an iterator result per edge (every edge of the
      // network, on every analysis), a large share of a re-analysis' short-lived garbage.
      for (let o = 0; o < order.length; o++) {
        const entry = segmentOf(hazards, order[o]);
        if (entry) {
          out.push(entry);
          places[n++] = o;
        }
      }
    }
    sparePlaces = last?.places;
    lastSegments = { list: out, places, hazards };
    return out;
  };

  const analyze = (
    asOf: string,
    params?: AnalysisParamsInput,
    overrides?: AnalysisOverridesInput,
  ): AnalysisReport => {
    const ctx = context(asOf, params, overrides);
    const sites = siteAccess(ctx, siteMemo);
    const segments = segmentsOf(ctx.hazards);
    const corridors = evaluateCorridors(ctx, ctx.layers.corridors);
    return {
      asOf,
      month: ctx.layers.month,
      parameters: ctx.layers.params,
      overrides: overrides === undefined ? null : analysisOverridesSchema.parse(overrides),
      corridors,
      sites,
      hotspots: hotspots(sites, hotspotsMemo),
      segments,
      frontlines: ctx.frontlines.map((f) => ({
        id: f.id,
        actorIds: f.actorIds,
        origin: f.origin,
        geometry: { type: 'MultiLineString' as const, coordinates: f.lines.map((l) => l.map(roundPosition)) },
      })),
      totals: totals(sites, corridors, ctx.layers.crossings, corridorCountsMemo),
      warnings: [...net.warnings],
    };
  };

  const ranges: Analyzer['roadRanges'] = (asOf, params, overrides, roadIds) =>
    roadRanges(context(asOf, params, overrides), situation.roads, roadIds);

  return { network: net, situation, analyze, context, roadRanges: ranges };
}

/**
 * One-shot analysis of a situation on `asOf` (DESIGN.md §3). For repeated calls on the same situation, use
 * `createAnalyzer`, which builds the road network only once.
 */
export function analyze(
  situation: Situation,
  asOf: string,
  params?: AnalysisParamsInput,
  overrides?: AnalysisOverridesInput,
): AnalysisReport {
  return createAnalyzer(situation).analyze(asOf, params, overrides);
}

/** A box index over the features' geometries, by their place in the list. */
function boxIndexOf(features: readonly { geometry: Geometry }[]): BoxIndex {
  return createBoxIndex(features.length, (i) => bboxOfGeometry(features[i].geometry));
}

/** `make`, answered again without calling it while its argument is the same object as in the last call. */
function keptForLast<A extends object, R>(make: (a: A) => R): (a: A) => R {
  let last: { a: A; r: R } | undefined;
  return (a) => {
    if (last?.a !== a) last = { a, r: make(a) };
    return last.r;
  };
}
