import type {
  AccessClass,
  AccessOption,
  BestPath,
  Reason,
  SiteAccess,
  SiteFeature,
  SiteReport,
} from '../../schemas';
import { siteFindingsOn } from '../../siteFindingsOn';
import { siteStatusOn, type SiteStatusOnDate } from '../../siteStatusOn';
import type { AnalysisContext } from '../context';
import { formatKm, sortReasons } from '../reasons';
import { round3, roundPosition } from '../round';
import type { Position } from 'geojson';
import { bboxOf } from '../../geo/bboxOf';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { activeLayersKey, routeLayersKey, type ActiveCrossing, type ActiveFrontline } from '../activeLayers';
import { frontlineLabel, type EdgeHazards } from '../hazards/evaluateEdgeHazards';
import { nothingReached, pathTo, type Graph, type SearchResult } from './dijkstra';
import { searchAgain, type SearchInput } from './repairSearch';
import { polygonIndexOf } from '../polygonIndexOf';
import { sameSet } from '../sameSet';
import { BlockageTree, bindingFirst } from './blockagesAlong';
import { reportReasons, siteFlags } from './siteReportParts';
import { SearchTrees } from './carriedTrees';
import { BLOCKED_PENALTY_KM } from './edgeCosts';
import { carriedEdgeCosts, costChangesFrom, type CostsMade } from './carriedCosts';
import { keptSitePaths, type SitePathInputs, type SitePaths } from './carriedSitePaths';
import { lazyBestPath } from './lazyBestPath';
import { sameReportInputs, type SiteReportInputs } from './keptSiteReport';
import { PathTree } from './pathTree';
import type { TreeCourses } from './treeCourses';
import { protectionReasons } from './protectionReasons';
import {
  protectionChangedNear,
  protectionInputsOf,
  type ProtectionInputs,
  type SiteProtection,
} from './protectionChanges';
import { changedSites, siteJunctions, type SiteJunctions } from './changedSites';
import { comparableSearches, crosslineAsInternal } from './crosslineTwin';
import { searchChanges, type PathCheck } from './searchChanges';
import { massViolenceReasons, takenAreas } from './takenAreas';
import { usableAttachment } from './usableAttachment';
import { sameItems } from '../sameItems';
import { changedFeatures } from '../changedFeatures';
import { lifecycleFindingsSpan, spanHolds, type DateSpan } from './lifecycleFindingsSpan';

interface Hub {
  site: SiteFeature;
  node: number;
  attachKm: number;
}

/** One search over the road network: whose hubs, whether crossline passages are allowed, or an explanation. */
interface SearchSpec {
  country: string;
  /** Hubs of `country` (true) or of every other country (false). */
  domestic: boolean;
  crossline: boolean;
  /** Blockages cost BLOCKED_PENALTY_KM instead of being impassable: the path that needs fewest cleared. */
  explain: boolean;
}
const keyOf = (s: SearchSpec): string => {
  const key = `${s.country}|${s.domestic}|${s.crossline}|${s.explain}`;
  const known = searchKeys.get(key);
  if (known !== undefined) return known;
  searchKeys.set(key, key);
  return key;
};
/**
 * One string per search key. Every site's record lists the keys it used, and after a move each of them is
 * looked up again for every site kept: the same few strings, rather than one made per search asked for, are
 * found by identity and stay in the processor's cache (a string of its own per key per site was a scattered
 * read each, some 27,000 per move on the walks at full size).
 */
const searchKeys = new Map<string, string>();
const specOf = (key: string): SearchSpec => {
  const [country, domestic, crossline, explain] = key.split('|');
  return {
    country,
    domestic: domestic === 'true',
    crossline: crossline === 'true',
    explain: explain === 'true',
  };
};

/** The searches of each access class (docs/analysis.md, access options): tried in order, first that reaches. */
const classSearches: Record<AccessClass, [domestic: boolean, crossline: boolean][]> = {
  internal: [[true, false]],
  crossline: [[true, true]],
  // Crossline passages only if needed, as before: a cross-border path that also needs both sides' consent
  // is a last resort.
  cross_border: [
    [false, false],
    [false, true],
  ],
};
const accessOfClass: Record<AccessClass, SiteAccess> = {
  internal: 'internal',
  crossline: 'crossline_only',
  cross_border: 'cross_border_only',
};
const classOrder: AccessClass[] = ['internal', 'crossline', 'cross_border'];

/**
 * Access, flags, options, best path and reasons of every site valid on the as-of date (DESIGN.md §3, site
 * access; docs/analysis.md). For each access class — `internal` (a hub of the site's own country, without
 * crossing the front line), `crossline` (the same hubs, passing the front line at an open crossline
 * crossing allowed) and `cross_border` (a hub of another country) — the cheapest path is an option, or
 * the reasons it fails, binding cause first. The headline access is the feasible option of least cost (ties
 * in that class order); `cut_off` when none is. A site that is not active on the date is `inactive`.
 * Domestic searches may end at but not pass an international crossing; no search passes a closed crossing.
 */
export function siteAccess(ctx: AnalysisContext, memo?: SiteAccessMemo): SiteReport[] {
  const { net, graph, layers } = ctx;
  if (memo?.ctx === ctx) return [...memo.reports];
  // The searches are repaired in the arrays of the last ones: an analysis that stopped midway (an error)
  // may have left them written over, so nothing of it is carried.
  if (memo?.busy) memo.forgetSearches();
  if (memo) memo.busy = true;
  const params = layers.params;
  const hubs: Hub[] = [];
  for (const s of layers.sites) {
    if (!s.properties.hub || siteStatusOn(s, layers.asOf).status !== 'active') continue;
    const att = usableAttachment(ctx, s.properties.id);
    if (att) hubs.push({ site: s, node: att.node, attachKm: att.attachKm });
  }
  const international = new Set<number>();
  for (const [node, list] of ctx.crossingsAt)
    if (list.some((c) => c.feature.properties.kind === 'international')) international.add(node);

  const stops = stopsOf(graph.nodeCount, ctx.hazards.closedNodes, international, memo?.stops);
  const { stopAbroad, stopDomestic, stopExplainDomestic, closedPass } = stops;
  const costs = new Map<string, Float64Array>();
  const costOf = (crossline: boolean, explain: boolean) => {
    const k = `${crossline}|${explain}`;
    let c = costs.get(k);
    if (!c) {
      const opts = explain ? { crossline, explainBlocked: true, closedAtNodes: true } : { crossline };
      c = carriedEdgeCosts(ctx, opts, memo?.costs.get(k));
      costs.set(k, c);
    }
    return c;
  };
  type RunSearch = { hubs: Hub[]; result: SearchResult; key: string };
  const searches = new Map<string, RunSearch>();
  // Crossline searches that are their internal twins (crosslineTwin.ts) take those searches' results.
  const sharedTwins = crosslineAsInternal(ctx.hazards);
  // Those that did, from hubs: their result is one a repair of the twin may write over (memo.twinned).
  const twinned = new Set<string>();
  const inputs = new Map<string, SearchInput & { result: SearchResult }>();
  // What the options need of each search's paths, built along its tree as sites ask for them.
  const pathTrees = new Map<string, PathTree>();
  // What the trees above were built from, by search key, carried to the next analysis (carriedTrees.ts).
  const searchTrees = new Map<string, SearchTrees>();
  const searchTreesOf = (s: { hubs: Hub[]; key: string }) => {
    let t = searchTrees.get(s.key);
    if (!t) {
      const sources = JSON.stringify(s.hubs.map((h) => [h.site.properties.id, h.node, h.attachKm]));
      t = new SearchTrees(sources, memo?.trees.get(s.key), pathChanged?.(s.key), graph.nodeCount);
      searchTrees.set(s.key, t);
    }
    return t;
  };
  // The explanations of each explaining search, built along its tree of paths as sites ask for them.
  const trees = new Map<string, BlockageTree>();
  // The best paths' courses made along each search's tree, which later ones copy up to where they part
  // (made when a best path's course is first read: lazyBestPath.ts).
  const courseTrees = new Map<string, TreeCourses | undefined>();
  // Search keys the site being evaluated used (recorded for the memo).
  let tried: string[] = [];
  // `record` false for the reuse checks: they look at a search for a site already evaluated, and recording
  // it would add the key to whichever site was evaluated last, which is then reused less often.
  const runSearch = (spec: SearchSpec, record = true): RunSearch => {
    const key = keyOf(spec);
    if (record) tried.push(key);
    let s = searches.get(key);
    if (!s && spec.crossline && sharedTwins) {
      // The internal search's result, the same object: never written over by a repair of this key, which
      // keeps no input of its own for the next analysis (that one repairs or searches it anew).
      const twin = runSearch({ ...spec, crossline: false }, false);
      s = { key, hubs: twin.hubs, result: twin.result };
      searches.set(key, s);
      if (twin.hubs.length > 0) twinned.add(key);
    }
    if (!s) {
      const from = hubs.filter((h) => (h.site.properties.country === spec.country) === spec.domestic);
      const stopAt = spec.explain
        ? spec.domestic
          ? stopExplainDomestic
          : undefined
        : spec.domestic
          ? stopDomestic
          : stopAbroad;
      const input: SearchInput = {
        sources: from.map((h) => ({ node: h.node, cost: h.attachKm })),
        cost: costOf(spec.crossline, spec.explain),
        stopAt,
        passCost: spec.explain ? closedPass : undefined,
      };
      // A moved front line changes edge costs in a few places only: where no search of the last analysis
      // reached them, its result stands as it was; elsewhere the last result is repaired around them, in its
      // own arrays (this analysis reads the last one's results only to find what changed, searchChanges.ts).
      const last = memo?.inputs.get(key);
      // A search from no hub reaches nothing: one result of nothing reached serves them all (never written
      // over: a repair writes only into a result searched from the same hubs). A crossline search differs
      // from the internal one of the same hubs only at the crossline passages, so that one is repaired there.
      const result =
        input.sources.length === 0
          ? nothingReached(graph)
          : last && sameSearch(graph, last, input)
            ? last.result
            : searchAgain(
                graph,
                last,
                input,
                true,
                spec.crossline ? inputs.get(keyOf({ ...spec, crossline: false })) : undefined,
              );
      s = { key, hubs: from, result };
      searches.set(key, s);
      inputs.set(key, { ...input, result });
    }
    return s;
  };
  const taken = takenAreas(
    layers.areas,
    ctx.allAreas,
    ctx.incidents,
    layers.asOf,
    params.protectionTakenWindowDays,
    params.protectionViolenceWindowDays,
  );
  // Where nothing the protection reasons are made from changed near a site since the last analysis (another
  // date, a moved front line), the site's last ones stand: most of them, on a one-day step.
  const protectionNow = memo ? protectionInputsOf(ctx, taken) : undefined;
  const protectionChanged =
    protectionNow &&
    protectionChangedNear(memo?.protection, protectionNow, ctx.scenario, params.protectionRadiusKm);

  const key = memo ? activeLayersKey(ctx.layers) : '';
  const routeKey = memo ? routeLayersKey(ctx.layers) : '';
  // With the same parameters (another date, say), what changed in each search since the last analysis: where
  // nothing did, a site's paths and explanations are those of the last analysis.
  const pathChanged =
    memo?.hazards && memo.routeKey === routeKey
      ? searchChanges(
          ctx,
          memo.hazards,
          memo.crossingsAt,
          comparableSearches(memo.searches, memo.twinned, sharedTwins),
          (k) => runSearch(specOf(k), false).result,
        )
      : undefined;
  // On another date with the same parameters, a site whose roads did not change keeps the options it had.
  const hubsOfSearch = new Map<string, string>();
  const hubsOf = (key: string) => {
    let h = hubsOfSearch.get(key);
    if (h === undefined) {
      const s = runSearch(specOf(key), false);
      hubsOfSearch.set(
        key,
        (h = JSON.stringify(s.hubs.map((x) => [x.site.properties.id, x.node, x.attachKm]))),
      );
    }
    return h;
  };
  // The last hubs found equal to this analysis' for each search: one comparison of the lists per search.
  const equalHubs = new Map<string, string>();
  const sameHubs = (key: string, hubs: string) => {
    if (equalHubs.get(key) === hubs) return true;
    if (hubs !== hubsOf(key)) return false;
    equalHubs.set(key, hubs);
    return true;
  };
  // Another date with the same parameters: a site's last record stands where its searches did not change at
  // its junction (`reusable`) and every other input of its report that depends on the date is the same, as
  // `evaluate` would find before returning the last report; most sites, on a one-day step.
  const sameDate = memo?.key === key;
  // The sieges that began or ended: a site inside none of them is inside the same ones as before (both lists in
  // id order, activeLayers.ts).
  const siegesChanged = memo && !sameDate ? changedFeatures(memo.sieges, ctx.sieges) : [];
  const heldOn = (old: SiteRecord, site: SiteFeature, node: number): boolean => {
    if (!old.inputs || !spanHolds(old.dates, layers.asOf)) return false;
    // The same lifecycle: an inactive site's report is made from it and its findings alone.
    if (old.inputs.lifecycle.status !== 'active') return true;
    const position = site.geometry.coordinates;
    if (!protectionChanged || protectionChanged(position)) return false;
    for (const c of siegesChanged) if (insideSiege(c, position)) return false;
    // The same junction (or none), and the same hubs in force for each search its options read. The gap
    // follows from the junction: it is the distance from the site to it, worked out once when the network was
    // built. Whether any hub is in force (`noHubs`) follows too: a site's options read searches from its own
    // country's hubs and from the others' (a hub's own, from the others' only, and it is itself in force).
    const paths = old.paths;
    if (node === -1 || !paths) return node === -1 && !paths;
    if (paths.node !== node) return false;
    for (let i = 0; i < paths.searchKeys.length; i++)
      if (!sameHubs(paths.searchKeys[i], paths.searchHubs[i])) return false;
    return true;
  };
  const unchanged =
    memo && pathChanged && (sameDate || protectionChanged)
      ? reusable(ctx, memo, pathChanged, sameDate ? undefined : heldOn)
      : undefined;
  const keptPaths = (site: SiteFeature, place: number, now: SitePathInputs): SitePaths | undefined => {
    const old = pathChanged && memo?.recordOf(site, place, layers.sites);
    if (!old || old.site !== site) return undefined;
    const kept = keptSitePaths(old.paths, now, sameHubs, (k, n) => pathChanged!(k)(n));
    if (kept) tried.push(...kept.searchKeys);
    return kept;
  };
  let madePaths: SitePaths | undefined;
  let madeInputs: SiteReportInputs | undefined;
  let madeProtection: SiteProtection | undefined;
  // The junction of each site evaluated (by place, -1 off the roads, -2 not looked up: an inactive site's
  // report reads none), for the index of the sites' junctions when every site is evaluated.
  let madeNode = -2;
  const nodes = unchanged ? undefined : new Int32Array(layers.sites.length);
  const sites = layers.sites;
  let records: SiteRecord[];
  let reports: SiteReport[];
  const evaluateAt = (i: number): SiteReport => {
    tried = [];
    madePaths = undefined;
    madeInputs = undefined;
    madeProtection = undefined;
    madeNode = -2;
    const site = sites[i];
    const report = evaluate(site, i);
    if (nodes) nodes[i] = madeNode;
    records[i] = {
      site,
      report,
      dates: lifecycleFindingsSpan(site, layers.asOf, params),
      searchKeys: tried,
      paths: madePaths,
      inputs: madeInputs,
      protection: madeProtection,
    };
    return report;
  };
  if (unchanged?.again) {
    // The last reports and records, with only the sites that can have changed made again (in place order,
    // as the walk over every site below makes them): a move's walk over 5,000 sites, each found in the last
    // analysis' records, is left out.
    records = memo!.records.slice();
    reports = memo!.reports.slice();
    const again = unchanged.again;
    for (let k = 0; k < again.length; k++) reports[again[k]] = evaluateAt(again[k]);
  } else {
    records = new Array<SiteRecord>(sites.length);
    reports = new Array<SiteReport>(sites.length);
    for (let i = 0; i < sites.length; i++) {
      const old = unchanged?.check(sites[i], i);
      if (old) {
        records[i] = old;
        reports[i] = old.report;
      } else reports[i] = evaluateAt(i);
    }
  }
  if (memo) {
    memo.busy = false;
    memo.ctx = ctx;
    memo.reports = reports;
    memo.key = key;
    memo.searches = new Map([...searches].map(([k, v]) => [k, v.result]));
    memo.twinned = twinned;
    memo.inputs = inputs;
    memo.hazards = ctx.hazards;
    memo.frontlines = ctx.frontlines;
    memo.sieges = ctx.sieges;
    memo.protection = protectionNow;
    memo.routeKey = routeKey;
    memo.crossingsAt = ctx.crossingsAt;
    memo.stops = stops;
    const made = { hazards: ctx.hazards, atRiskCostFactor: params.atRiskCostFactor };
    memo.costs = new Map([...costs].map(([k, cost]) => [k, { ...made, cost }]));
    for (const t of searchTrees.values()) t.settle();
    memo.trees = searchTrees;
    memo.keepRecords(sites, records);
    // Every site was evaluated, each active one with its junction found: the index of the junctions of these
    // sites on these roads is made from them, rather than by finding each site's junction again on the next
    // date (the first date change of an analyzer would, some 5,000 scattered look-ups at Sudan scale).
    if (nodes && !junctionsFor(memo.junctions, ctx))
      memo.junctions = siteJunctions(sites, layers.roadIds, graph.nodeCount, (s, i) =>
        nodes[i] === -2 ? usableAttachment(ctx, s.properties.id)?.node : nodes[i],
      );
  }
  return reports;

  /** The via crossings, length and geometry of the path a search found to `node`. */
  function pathOf(
    s: { hubs: Hub[]; result: SearchResult; key: string },
    node: number,
    site: SiteFeature,
    attachKm: number,
  ) {
    let tree = pathTrees.get(s.key);
    if (!tree)
      pathTrees.set(
        s.key,
        (tree = new PathTree(ctx, s.result, (o) => s.hubs[o].attachKm, searchTreesOf(s).paths)),
      );
    const sum = tree.at(node);
    const hub = s.hubs[s.result.origin[node]];
    const lengthKm = round3(sum.roadKm + attachKm);
    const cost = round3(s.result.dist[node] + attachKm);
    return {
      fromHubId: hub.site.properties.id,
      hubPosition: hub.site.geometry.coordinates,
      viaCrossingIds: sum.via,
      lengthKm,
      cost,
      atRisk: sortReasons(sum.atRisk),
      usesCrossline: sum.crosslineIds.length > 0,
      crosslineIds: sum.crosslineIds,
      // Segments and geometry only for the path that becomes the best path (most options never do).
      // A site whose path to the same junction is unchanged since the last analysis keeps its best path.
      best: (): BestPath => {
        const kept = searchTreesOf(s).best;
        const last = kept.get(node);
        if (last && last.site === site && last.attachKm === attachKm) return last.path;
        const { edges, nodes } = pathTo(graph, s.result, node);
        // Its segments and course are made when first read (lazyBestPath.ts); the same edges as the site's
        // last best path (its cost changed, say) give the same segments and course.
        const path = lazyBestPath(
          { fromHubId: hub.site.properties.id, viaCrossingIds: sum.via, lengthKm, cost },
          {
            net,
            edgeCoords: ctx.edgeCoords,
            edgeHasRepeats: ctx.edgeHasRepeats,
            siteId: site.properties.id,
            edges,
            nodes,
            start: roundPosition(hub.site.geometry.coordinates),
            end: roundPosition(site.geometry.coordinates),
            trees: courseTrees,
            treeKey: s.key,
          },
        );
        kept.set(node, { site, attachKm, path });
        return path;
      },
    };
  }

  /**
   * Why no path of a class reaches `node`: the blockages on the path that needs the fewest cleared (then
   * the shortest), each once: closed crossings and sieges first, then the others in travel order from the
   * hub. A closed crossing counts as one blockage where it is passed.
   */
  function explain(cls: AccessClass, country: string, node: number): { reasons: Reason[]; cost: number } {
    // The internal option is explained on the crossline option's search (one search fewer per country),
    // each crossline passage of that path being one more thing that keeps it from being internal.
    const [domestic, crossline] = classSearches[cls === 'internal' ? 'crossline' : cls].at(-1)!;
    const s = runSearch({ country, domestic, crossline, explain: true });
    const cost = s.result.dist[node];
    if (cost === Infinity) return { reasons: [], cost };
    const treeKey = `${keyOf({ country, domestic, crossline, explain: true })}|${cls}`;
    let tree = trees.get(treeKey);
    if (!tree) {
      const needed = cls === 'internal' ? (id: string) => crosslineNeeded(id, country) : undefined;
      trees.set(
        treeKey,
        (tree = new BlockageTree(ctx, s.result, needed, searchTreesOf(s).blockagesOf(treeKey))),
      );
    }
    return { reasons: bindingFirst(tree.at(node)), cost };
  }

  function crosslineNeeded(id: string, country: string): Reason {
    return {
      code: 'crossline_needed',
      featureId: id,
      detail: `the road from a hub of ${country} passes the front line at crossline crossing "${crossingName(id)}"`,
    };
  }

  function crossingName(id: string): string {
    for (const list of ctx.crossingsAt.values())
      for (const c of list) if (c.feature.properties.id === id) return c.feature.properties.name;
    return id;
  }

  function evaluate(site: SiteFeature, place: number): SiteReport {
    const p = site.properties;
    const position = site.geometry.coordinates;
    const lifecycle = siteStatusOn(site, layers.asOf);
    const findings = siteFindingsOn(site, layers.asOf, params);
    const pop = findings.population;
    // The last report of this very site, returned again where what it was made from is the same.
    const lastRecord = memo?.recordOf(site, place, sites);
    const last = lastRecord?.site === site ? lastRecord : undefined;
    const base = {
      id: p.id,
      name: p.name,
      kind: p.kind,
      country: p.country,
      hub: p.hub,
      status: lifecycle.status,
      statusSince: lifecycle.since,
      movedTo: lifecycle.movedTo,
      population: pop?.value ?? null,
      populationAsOf: pop?.date ?? null,
      populationStale: pop?.stale ?? false,
      populationRange: pop?.range ?? null,
    };

    if (lifecycle.status !== 'active') {
      madeInputs = { lifecycle, findings, reasons: [], paths: undefined };
      if (last && sameReportInputs(last.inputs, madeInputs)) return last.report;
      return inactiveReport(base, lifecycle);
    }

    const sieges = ctx.sieges.filter((c) => insideSiege(c, position));
    const besiegedReasons: Reason[] = sieges.map((c) => ({
      code: 'site_besieged',
      featureId: c.properties.id,
      detail: `inside the ring of siege "${c.properties.name}" by ${actorName(c.properties.actorId)}${c.properties.validFrom ? ` since ${c.properties.validFrom}` : ''}: no convoy may pass it`,
    }));
    const finding = findings.finding;
    const famine = finding !== null && (finding.famine || finding.ipcPhase === 5);
    const lastProtection = last?.protection;
    const protection: SiteProtection =
      lastProtection && protectionChanged && !protectionChanged(position)
        ? lastProtection
        : {
            own: protectionReasons(ctx, position),
            massViolence: massViolenceReasons(
              taken,
              ctx.scenario,
              position,
              params.protectionRadiusKm,
              params.protectionViolenceWindowDays,
            ),
          };
    madeProtection = protection;
    const reasons: Reason[] = [...protection.own];
    for (const c of sieges)
      reasons.push({
        code: 'protection_besieged',
        featureId: c.properties.id,
        detail: `besieged by ${actorName(c.properties.actorId)}${c.properties.validFrom ? ` since ${c.properties.validFrom}` : ''}`,
      });
    reasons.push(...protection.massViolence);
    // Before the famine reason: famine is a flag of its own, not a reason for protection.
    const protectionFlag = reasons.length > 0;
    if (famine) {
      reasons.push({
        code: 'famine',
        featureId: p.id,
        detail: finding.famine
          ? `famine finding on ${finding.date} (${finding.source}), valid until ${finding.validTo}`
          : `IPC phase 5 on ${finding.date} (${finding.source}), valid until ${finding.validTo}`,
      });
    }

    let options: AccessOption[];
    let bestPath: BestPath | null = null;
    let leading: Reason[] = [];
    let bestAtRisk: Reason[] = [];
    let bestCrossline = false;
    let access: SiteAccess = 'cut_off';
    const att = usableAttachment(ctx, p.id);
    madeNode = att ? att.node : -1;
    const pathInputs = att && { node: att.node, attachKm: att.attachKm, sieges, noHubs: hubs.length === 0 };
    const kept = pathInputs && keptPaths(site, place, pathInputs);
    // Options kept, or none to make (off the network): with the same lifecycle, findings and reasons as last
    // time, the report is the last one (keptSiteReport.ts). Options made anew are never the last ones.
    if (kept || !att) {
      madeInputs = { lifecycle, findings, reasons, paths: kept || undefined };
      if (last && sameReportInputs(last.inputs, madeInputs)) {
        madePaths = kept || undefined;
        return last.report;
      }
    }
    if (kept) ({ access, options, bestPath, leading, bestAtRisk, bestCrossline } = kept);
    else if (!att) {
      const off: Reason = {
        code: 'off_network',
        featureId: p.id,
        detail: `no road within ${formatKm(ctx.options.siteAttachKm)}`,
      };
      options = classOrder.map((cls) => infeasible(cls, [off]));
      leading = [off];
    } else
      ({ access, options, bestPath, leading, bestAtRisk, bestCrossline } = optionsAt(
        site,
        att,
        sieges,
        besiegedReasons,
      ));
    if (pathInputs && !kept) {
      const searchKeys = [...tried];
      const searchHubs = searchKeys.map(hubsOf);
      madePaths = {
        searchKeys,
        searchHubs,
        ...pathInputs,
        access,
        options,
        bestPath,
        leading,
        bestAtRisk,
        bestCrossline,
      };
    } else madePaths = kept;
    madeInputs = { lifecycle, findings, reasons, paths: madePaths };
    return siteReport(base, {
      access,
      flags: siteFlags({
        protection: protectionFlag,
        besieged: sieges.length > 0,
        access,
        crossline: bestCrossline,
        famine,
      }),
      besieged: sieges.length > 0,
      ipcPhase: finding?.ipcPhase ?? null,
      famine,
      bestPath,
      options,
      reasons: reportReasons(leading, reasons, bestAtRisk),
    });
  }

  /**
   * The options of an active site on the roads made anew (not kept from the last analysis), with the access,
   * best path and reasons they give. A function of its own rather than a branch of `evaluate`: the optimizing
   * compiler then compiles it apart (evaluate compiled with it inlined took 250–300 ms of compile jobs each
   * time, again after each deoptimization), and a date change, whose reuse checks `evaluate` runs for the first
   * time then, does not leave this part's optimized code along with evaluate's.
   */
  function optionsAt(
    site: SiteFeature,
    att: { node: number; attachKm: number },
    sieges: readonly AnalysisContext['sieges'][number][],
    besiegedReasons: readonly Reason[],
  ): MadeOptions {
    const p = site.properties;
    const position = site.geometry.coordinates;
    let bestPath: BestPath | null = null;
    let leading: Reason[] = [];
    let bestAtRisk: Reason[] = [];
    let bestCrossline = false;
    let access: SiteAccess = 'cut_off';
    type Found = ReturnType<typeof pathOf>;
    const found: { cls: AccessClass; path: Found | null }[] = [];
    for (const cls of classOrder) {
      if (cls === 'internal' && p.hub) {
        const self: BestPath = {
          fromHubId: p.id,
          viaCrossingIds: [],
          lengthKm: 0,
          cost: 0,
          segmentIds: [],
          geometry: { type: 'LineString', coordinates: [position, position] },
        };
        found.push({
          cls,
          path: {
            ...self,
            hubPosition: position,
            atRisk: [],
            usesCrossline: false,
            crosslineIds: [],
            best: () => self,
          },
        });
        continue;
      }
      let path: Found | null = null;
      // A hub needs no front line crossed to reach itself.
      if (cls === 'crossline' && p.hub) {
        found.push({ cls, path: found[0].path });
        continue;
      }
      for (const [domestic, crossline] of classSearches[cls]) {
        const s = runSearch({ country: p.country, domestic, crossline, explain: false });
        const dist = s.result.dist[att.node];
        if (dist === Infinity) continue;
        // The crossline search costs no more than the internal one: when equal, it is the internal path.
        const internal = found[0]?.path;
        if (cls === 'crossline' && internal && round3(dist + att.attachKm) === internal.cost) path = internal;
        else path = pathOf(s, att.node, site, att.attachKm);
        break;
      }
      // A besieged site is reached only from a hub inside its ring, even where its nearest road lies outside.
      const from = path?.hubPosition;
      if (from && !sieges.every((c) => insideSiege(c, from))) path = null;
      found.push({ cls, path });
    }
    const explained = new Map<AccessClass, { reasons: Reason[]; cost: number }>();
    const options = found.map((f): AccessOption => {
      if (f.path)
        return {
          class: f.cls,
          feasible: true,
          fromHubId: f.path.fromHubId,
          viaCrossingIds: f.path.viaCrossingIds,
          lengthKm: f.path.lengthKm,
          cost: f.path.cost,
          reasons: f.path.atRisk,
        };
      // Internal fails where the crossline option does not: because its path passes the front line.
      const crosslinePath = found[1].path;
      const why =
        f.cls === 'internal' && crosslinePath && crosslinePath.crosslineIds.length > 0
          ? {
              reasons: crosslinePath.crosslineIds.map((id) => crosslineNeeded(id, p.country)),
              cost: Infinity,
            }
          : explain(f.cls, p.country, att.node);
      explained.set(f.cls, why);
      const noRoad: Reason = {
        code: 'no_road_connection',
        featureId: p.id,
        detail:
          hubs.length === 0
            ? 'no supply hub lies on the road network on this date'
            : `no road links it to a supply hub ${f.cls === 'cross_border' ? 'abroad' : `of ${p.country}`} that may be used`,
      };
      // No road at all says so; a road with nothing on it to clear is a besieged site's own ring.
      const whyReasons = why.reasons.length > 0 || why.cost !== Infinity ? why.reasons : [noRoad];
      return infeasible(f.cls, [...besiegedReasons, ...whyReasons]);
    });
    // Headline: the feasible option of least cost; equal costs go to internal, then crossline.
    let best: (typeof found)[number] | undefined;
    for (const f of found) if (f.path && (!best?.path || f.path.cost < best.path.cost)) best = f;
    if (best?.path) {
      access = accessOfClass[best.cls];
      bestPath = best.path.best();
      bestAtRisk = best.path.atRisk;
      bestCrossline = best.path.usesCrossline;
    } else {
      // Cut off: the reasons of the option that needs the fewest blockages cleared (then the shortest).
      let pick: { reasons: Reason[]; cost: number } | undefined;
      for (const cls of classOrder) {
        const w = explained.get(cls);
        if (
          w &&
          w.reasons.length > 0 &&
          (!pick || w.cost < pick.cost || (w.cost === pick.cost && w.reasons.length < pick.reasons.length))
        )
          pick = w;
      }
      leading = pick ? [...besiegedReasons, ...pick.reasons] : options[0].reasons;
    }
    return { access, options, bestPath, leading, bestAtRisk, bestCrossline };
  }

  function actorName(id: string | undefined): string {
    return ctx.scenario.actors.find((a) => a.id === id)?.name ?? id ?? 'an unnamed actor';
  }
}

function insideSiege(siege: AnalysisContext['sieges'][number], p: Position): boolean {
  const g = siege.geometry;
  return (g.type === 'Polygon' || g.type === 'MultiPolygon') && polygonIndexOf(g).contains(p);
}

type SiteBase = Pick<
  SiteReport,
  | 'id'
  | 'name'
  | 'kind'
  | 'country'
  | 'hub'
  | 'status'
  | 'statusSince'
  | 'movedTo'
  | 'population'
  | 'populationAsOf'
  | 'populationStale'
  | 'populationRange'
>;

/**
 * A site's report as one object literal, keys in the report's order. Not `{ ...base, ...rest }`: V8 gave
 * spread copies of `base` a hidden class of their own per site, which made every later read of the 5,000
 * reports (hotspots, totals, the reuse checks) a slow lookup.
 */
function siteReport(b: SiteBase, r: Omit<SiteReport, keyof SiteBase>): SiteReport {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    country: b.country,
    hub: b.hub,
    status: b.status,
    statusSince: b.statusSince,
    movedTo: b.movedTo,
    population: b.population,
    populationAsOf: b.populationAsOf,
    populationStale: b.populationStale,
    populationRange: b.populationRange,
    access: r.access,
    flags: r.flags,
    besieged: r.besieged,
    ipcPhase: r.ipcPhase,
    famine: r.famine,
    bestPath: r.bestPath,
    options: r.options,
    reasons: r.reasons,
  };
}

/** What a site's options give its report. */
type MadeOptions = Pick<
  SitePaths,
  'access' | 'options' | 'bestPath' | 'leading' | 'bestAtRisk' | 'bestCrossline'
>;

/** The report of a site not active on the date: an emptied, destroyed, closed or relocated site is no place to reach (no routing, no flags). */
function inactiveReport(base: SiteBase, lifecycle: SiteStatusOnDate): SiteReport {
  const inactive: Reason = {
    code: 'site_inactive',
    featureId: base.id,
    detail: `${lifecycle.status} since ${lifecycle.since} (${lifecycle.source})${lifecycle.movedTo.length > 0 ? `; people moved to ${lifecycle.movedTo.map((m) => (m.population === null ? m.siteId : `${m.siteId} (${m.population})`)).join(', ')}` : ''}`,
  };
  return siteReport(base, {
    access: 'inactive',
    flags: [],
    besieged: false,
    ipcPhase: null,
    famine: false,
    bestPath: null,
    options: classOrder.map((cls) => infeasible(cls, [inactive])),
    reasons: [inactive],
  });
}

function infeasible(cls: AccessClass, reasons: Reason[]): AccessOption {
  return {
    class: cls,
    feasible: false,
    fromHubId: null,
    viaCrossingIds: [],
    lengthKm: null,
    cost: null,
    reasons,
  };
}

interface SiteRecord {
  site: SiteFeature;
  report: SiteReport;
  /** The dates over which its lifecycle and findings are those it was made with (lifecycleFindingsSpan.ts). */
  dates: DateSpan;
  /** The searches (explanations included) whose result at the site's junction the report depends on. */
  searchKeys: string[];
  /** What its options gave the report, for the next analysis (carriedSitePaths.ts). */
  paths?: SitePaths;
  /** What the report was made from, for the next analysis (keptSiteReport.ts). */
  inputs?: SiteReportInputs;
  /** Its protection and mass-violence reasons (an active site's), for the next analysis (protectionChanges.ts). */
  protection?: SiteProtection;
}

/**
 * What the last analysis of an analyzer found, so the next one recomputes a site only where its report can
 * change. A site's report depends on the parameters (when they differ, every site is recomputed), on the front
 * lines within the protection radius, and on the searches it used: their result at its junction and along the
 * path to it (distance, edge, hub at every node of the path) and the reasons of the path's edges. On another
 * date, also on its lifecycle and findings, its protection reasons, the sieges around it, its junction and the
 * hubs in force. A report is reused when none of these changed.
 */
export class SiteAccessMemo {
  ctx?: AnalysisContext;
  reports: SiteReport[] = [];
  key = '';
  searches = new Map<string, SearchResult>();
  /** The crossline searches among `searches` whose result is their internal twin's (crosslineTwin.ts). */
  twinned: ReadonlySet<string> = new Set();
  /** What each search ran on, with its result: a search whose changes it never reached is not run again. */
  inputs = new Map<string, SearchInput & { result: SearchResult }>();
  hazards?: EdgeHazards;
  frontlines: readonly ActiveFrontline[] = [];
  /** The sieges in force in the last analysis. */
  sieges: readonly AnalysisContext['sieges'][number][] = [];
  /** What the sites' protection reasons were made from in the last analysis. */
  protection?: ProtectionInputs;
  /** The sites of the last analysis (its `layers.sites`), and the record of each, by place in that list. */
  sites: readonly SiteFeature[] = [];
  records: SiteRecord[] = [];
  /** The place of each site of `sites` by id, made when another list asks for a record (another date). */
  private placeById?: Map<string, number>;
  /** The junctions of the sites of the last analysis' date on its roads (changedSites.ts). */
  junctions?: SiteJunctions;
  /** `routeLayersKey` of the last analysis: its trees carry over only to an analysis with the same. */
  routeKey = '';
  crossingsAt: ReadonlyMap<number, readonly ActiveCrossing[]> = new Map();
  trees = new Map<string, SearchTrees>();
  /** The cost arrays of the last analysis, by `crossline|explain`: the next one rewrites what changed. */
  costs = new Map<string, CostsMade>();
  /** The stops and pass costs of the last analysis, kept by the next while its crossings are the same. */
  stops?: Stops;
  /** While an analysis runs on this memo (its last searches may be partly written over). */
  busy = false;

  forgetSearches(): void {
    this.searches = new Map();
    this.twinned = new Set();
    this.inputs = new Map();
    this.hazards = undefined;
    this.keepRecords([], []);
  }

  keepRecords(sites: readonly SiteFeature[], records: SiteRecord[]): void {
    if (sites !== this.sites) this.placeById = undefined;
    this.sites = sites;
    this.records = records;
  }

  /**
   * The last record of the site at `place` in `sites` (an analysis' list), if the last analysis made one: by
   * place when the list is the last one (a re-analysis on the same date gets the same list, activeLayers.ts),
   * else by id.
   */
  recordOf(site: SiteFeature, place: number, sites: readonly SiteFeature[]): SiteRecord | undefined {
    if (sites === this.sites) return this.records[place];
    this.placeById ??= new Map(this.sites.map((s, i) => [s.properties.id, i]));
    const i = this.placeById.get(site.properties.id);
    return i === undefined ? undefined : this.records[i];
  }
}

/** The junctions the searches may reach but not pass, and the pass costs of explanations, by junction. */
interface Stops {
  closed: ReadonlySet<number>;
  international: ReadonlySet<number>;
  /** Closed crossings. */
  stopAbroad: Uint8Array;
  /** Closed crossings and international ones: a domestic search ends at the border. */
  stopDomestic: Uint8Array;
  /** International crossings: explanations pass closed crossings at the cost of one blockage. */
  stopExplainDomestic: Uint8Array;
  /** BLOCKED_PENALTY_KM at closed crossings. */
  closedPass: Float64Array;
}

/**
 * The stops of the searches for these closed and international crossings: `last`'s when they are the same (a
 * moved front line), so that each search sees at once, by the arrays being the same, that its stops and pass
 * costs did not change, instead of comparing them junction by junction (sameSearch, repairSearch).
 */
function stopsOf(
  nodeCount: number,
  closed: ReadonlySet<number>,
  international: ReadonlySet<number>,
  last: Stops | undefined,
): Stops {
  if (
    last &&
    last.stopAbroad.length === nodeCount &&
    sameSet(last.closed, closed) &&
    sameSet(last.international, international)
  )
    return last;
  const stopAbroad = new Uint8Array(nodeCount);
  for (const n of closed) stopAbroad[n] = 1;
  const stopDomestic = stopAbroad.slice();
  for (const n of international) stopDomestic[n] = 1;
  const stopExplainDomestic = new Uint8Array(nodeCount);
  for (const n of international) stopExplainDomestic[n] = 1;
  const closedPass = new Float64Array(nodeCount);
  for (const n of closed) closedPass[n] = BLOCKED_PENALTY_KM;
  // A copy of the hazards' set, kept as it is now (these arrays are never written once made).
  return {
    closed: new Set(closed),
    international,
    stopAbroad,
    stopDomestic,
    stopExplainDomestic,
    closedPass,
  };
}

/**
 * Which sites' last reports still hold. `check`: a test of one site, given with its place in
 * `ctx.layers.sites` (the record when its report holds); `again`, when the searches list the junctions where
 * they changed and the sites are the last analysis' list on the same date: the places of the sites whose report
 * may not hold, ascending (every other site's holds). `pathChanged(key)(node)`: whether search `key` changed at
 * the node or on the path to it (searchChanges.ts). `heldOn`, on another date: whether a record's inputs that
 * depend on the date are the same (every site is asked).
 */
function reusable(
  ctx: AnalysisContext,
  memo: SiteAccessMemo,
  pathChanged: (key: string) => PathCheck,
  heldOn?: (old: SiteRecord, site: SiteFeature, node: number) => boolean,
): { check: (site: SiteFeature, place: number) => SiteRecord | undefined; again?: Int32Array } {
  // Front lines added, removed, moved or renamed: sites within the protection radius of them are recomputed.
  const label = (f: ActiveFrontline) => frontlineLabel(ctx.scenario, f);
  const was = new Map(memo.frontlines.map((f) => [f.id, f]));
  const boxes: number[][] = [];
  const addBox = (f: ActiveFrontline) =>
    boxes.push(expandBboxKm(bboxOf(f.lines.flat()), ctx.layers.params.protectionRadiusKm));
  for (const f of ctx.frontlines) {
    const old = was.get(f.id);
    was.delete(f.id);
    if (old && old.geometryKey === f.geometryKey && label(old) === label(f)) continue;
    addBox(f);
    if (old) addBox(old);
  }
  for (const old of was.values()) addBox(old);
  const nearChange = (x: number, y: number) => {
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i];
      if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) return true;
    }
    return false;
  };

  // The sites whose searches changed at their junction or on the path to it, found from the junctions each
  // search lists as changed: a move changes a few branches of each search's tree, and the sites at them are
  // few, while asking each kept site's junction of each of its searches was some 28,000 scattered reads per
  // move on the walks at full size (with its usable attachment found again). A site's junction depends only on
  // it and the roads in force, whose set is the same object while they are (activeLayers.ts); on another date,
  // `heldOn` checks that it is the junction of the record.
  const sites = ctx.layers.sites;
  let at = memo.junctions;
  if (!junctionsFor(at, ctx))
    at = memo.junctions = siteJunctions(
      sites,
      ctx.layers.roadIds,
      ctx.graph.nodeCount,
      (s) => usableAttachment(ctx, s.properties.id)?.node,
    );
  // Every search a record used ran in the last analysis (to make the record, or to find it still holds), so
  // is among its searches. Each of them is asked here, as the reused sites' checks asked for theirs; one that
  // no record uses any more (every site that used it now uses others) is repaired all the same.
  const changed = changedSites(
    at,
    memo.searches.keys(),
    pathChanged,
    (i) => memo.recordOf(sites[i], i, sites)?.searchKeys,
  );
  const { nodeOf } = at;

  const check = (site: SiteFeature, place: number): SiteRecord | undefined => {
    const old = memo.recordOf(site, place, sites);
    const p = site.geometry.coordinates;
    const node = nodeOf[place];
    if (!old || old.site !== site || nearChange(p[0], p[1]) || (heldOn && !heldOn(old, site, node)))
      return undefined;
    if (changed) return old.searchKeys.length > 0 && (node === -1 || changed[place] === 1) ? undefined : old;
    if (old.searchKeys.length > 0) {
      if (node === -1) return undefined;
      for (const key of old.searchKeys) if (pathChanged(key)(node)) return undefined;
    }
    return old;
  };
  if (!changed || memo.sites !== sites || heldOn) return { check };
  // The same list as the last analysis, each site with its record: only the sites marked and those near a
  // changed front line are asked, found from the marks and the sites' positions (kept with the junctions)
  // rather than from each site's record. A site off the roads has used no search, so is not asked for that.
  const { x, y } = at;
  const again: number[] = [];
  for (let i = 0; i < sites.length; i++)
    if (changed[i] === 1 || (boxes.length > 0 && nearChange(x[i], y[i])))
      if (!check(sites[i], i)) again.push(i);
  return { check, again: Int32Array.from(again) };
}

/** Whether `at` indexes the junctions of `ctx`'s sites on its roads (a junction depends on nothing else). */
function junctionsFor(at: SiteJunctions | undefined, ctx: AnalysisContext): at is SiteJunctions {
  return (
    at !== undefined &&
    at.sites === ctx.layers.sites &&
    at.roadIds === ctx.layers.roadIds &&
    at.first.length === ctx.graph.nodeCount
  );
}

/**
 * Whether `dijkstra` on `now` gives the same result as it gave on `last`: same sources, stops and pass costs,
 * and every edge whose cost differs touches only junctions the last search never left (not reached, or a
 * stop that is not a source). Dijkstra looks at an edge only when it leaves one of its ends, so the new run
 * makes the same pushes and pops, ties included, as the last one.
 */
function sameSearch(g: Graph, last: SearchInput & { result: SearchResult }, now: SearchInput): boolean {
  if (last.sources.length !== now.sources.length) return false;
  for (let i = 0; i < now.sources.length; i++)
    if (last.sources[i].node !== now.sources[i].node || last.sources[i].cost !== now.sources[i].cost)
      return false;
  if (!sameItems(last.stopAt, now.stopAt) || !sameItems(last.passCost, now.passCost)) return false;
  const { dist } = last.result;
  const stopAt = now.stopAt;
  // A stop reached is left only when it is a source: rare, so the sources are looked through then.
  const left = (n: number) =>
    dist[n] !== Infinity && (!stopAt || stopAt[n] === 0 || now.sources.some((s) => s.node === n));
  const a = last.cost;
  const b = now.cost;
  // After a moved front line, only the edges it changed (carriedCosts.ts); else every edge.
  const changed = costChangesFrom(a, b);
  if (changed) {
    for (const e of changed) if (left(g.edgeFrom[e]) || left(g.edgeTo[e])) return false;
    return true;
  }
  for (let e = 0; e < b.length; e++)
    if (a[e] !== b[e] && (left(g.edgeFrom[e]) || left(g.edgeTo[e]))) return false;
  return true;
}
