import { siteFiguresOn } from '../../asOf';
import type { BestPath, Reason, SiteAccess, SiteFeature, SiteFlag, SiteReport } from '../../schemas';
import type { AnalysisContext } from '../context';
import { formatKm, sortReasons, statusOfCode } from '../reasons';
import { round3, roundPosition } from '../round';
import type { Position } from 'geojson';
import { bboxOf } from '../../geo/bboxOf';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { activeLayersKey, type ActiveFrontline } from '../activeLayers';
import { frontlineLabel, type EdgeHazards } from '../hazards/evaluateEdgeHazards';
import { dijkstra, pathTo, type Graph, type SearchResult } from './dijkstra';
import { edgeCosts } from './edgeCosts';
import { pathEdgeReasons } from './pathEdgeReasons';
import { pathGeometry } from './pathGeometry';
import { protectionReasons } from './protectionReasons';
import { usableAttachment } from './usableAttachment';

interface Hub {
  site: SiteFeature;
  node: number;
  attachKm: number;
}

/**
 * Access, flags, best path and reasons of every site valid on the as-of date (DESIGN.md §3, site access).
 * Searches run from the supply hubs (`hub: true`) over the road network, blocked edges removed and at-risk
 * ones costed up; a site is `internal` when a hub of its own country reaches it without crossing the front
 * line, else `crossline_only` when one does through an open crossline crossing, else `cross_border_only`
 * when a hub of another country reaches it, else `cut_off`. Domestic searches may end at but not pass an
 * international crossing; no search passes a closed crossing.
 */
export function siteAccess(ctx: AnalysisContext, memo?: SiteAccessMemo): SiteReport[] {
  const { net, graph, layers } = ctx;
  if (memo?.ctx === ctx) return [...memo.reports];
  const hubs: Hub[] = [];
  for (const s of layers.sites) {
    if (!s.properties.hub) continue;
    const att = usableAttachment(ctx, s.properties.id);
    if (att) hubs.push({ site: s, node: att.node, attachKm: att.attachKm });
  }
  const international = new Set<number>();
  for (const [node, list] of ctx.crossingsAt)
    if (list.some((c) => c.feature.properties.kind === 'international')) international.add(node);

  // Junctions a search may reach but not pass: closed crossings, and for domestic searches international ones.
  const stopAbroad = new Uint8Array(graph.nodeCount);
  for (const n of ctx.hazards.closedNodes) stopAbroad[n] = 1;
  const stopDomestic = stopAbroad.slice();
  for (const n of international) stopDomestic[n] = 1;
  const costSafe = edgeCosts(ctx, { crossline: false });
  const costCrossline = edgeCosts(ctx, { crossline: true });
  const costAny = edgeCosts(ctx, { crossline: true, explainBlocked: true });
  const searches = new Map<string, { hubs: Hub[]; result: SearchResult; cost: Float64Array }>();
  // Search keys the site being evaluated used (recorded for the memo).
  let tried: string[] = [];
  const search = (country: string, domestic: boolean, crossline: boolean) => {
    const key = `${country}|${domestic}|${crossline}`;
    tried.push(key);
    let s = searches.get(key);
    if (!s) {
      const from = hubs.filter((h) => (h.site.properties.country === country) === domestic);
      const cost = crossline ? costCrossline : costSafe;
      const stopAt = domestic ? stopDomestic : stopAbroad;
      s = {
        hubs: from,
        cost,
        result: dijkstra(
          graph,
          from.map((h) => ({ node: h.node, cost: h.attachKm })),
          cost,
          stopAt,
        ),
      };
      searches.set(key, s);
    }
    return s;
  };
  let anySearch: { result: SearchResult } | undefined;
  const explainSearch = () =>
    (anySearch ??= {
      result: dijkstra(
        graph,
        hubs.map((h) => ({ node: h.node, cost: h.attachKm })),
        costAny,
      ),
    });

  const key = memo ? activeLayersKey(ctx.layers) : '';
  const unchanged = memo?.key === key ? reusable(ctx, memo, search, () => explainSearch().result) : undefined;
  const records = new Map<string, SiteRecord>();
  const reports = layers.sites.map((site): SiteReport => {
    const old = unchanged?.(site);
    if (old) {
      records.set(site.properties.id, old);
      return old.report;
    }
    tried = [];
    const report = evaluate(site);
    records.set(site.properties.id, {
      site,
      report,
      searchKeys: tried,
      explained: report.access === 'cut_off' && tried.length > 0,
    });
    return report;
  });
  if (memo) {
    memo.ctx = ctx;
    memo.reports = reports;
    memo.key = key;
    memo.searches = new Map([...searches].map(([k, v]) => [k, v.result]));
    memo.explain = anySearch?.result;
    memo.hazards = ctx.hazards;
    memo.frontlines = ctx.frontlines;
    memo.sites = records;
  }
  return reports;

  function evaluate(site: SiteFeature): SiteReport {
    const p = site.properties;
    const figures = siteFiguresOn(site, layers.asOf);
    const famine = figures.ipcPhase?.value === 5 || figures.famine?.value === true;
    const reasons: Reason[] = protectionReasons(ctx, site.geometry.coordinates);
    const flags = new Set<SiteFlag>();
    if (reasons.length > 0) flags.add('protection');
    if (famine) {
      flags.add('famine');
      reasons.push({
        code: 'famine',
        featureId: p.id,
        detail:
          figures.famine?.value === true
            ? `famine finding on ${figures.famine.date} (${figures.famine.source})`
            : `IPC phase 5 on ${figures.ipcPhase!.date} (${figures.ipcPhase!.source})`,
      });
    }

    let access: SiteAccess = 'cut_off';
    let bestPath: BestPath | null = null;
    const att = usableAttachment(ctx, p.id);
    if (p.hub && att) {
      access = 'internal';
      bestPath = {
        fromHubId: p.id,
        viaCrossingIds: [],
        lengthKm: 0,
        cost: 0,
        segmentIds: [],
        geometry: { type: 'LineString', coordinates: [site.geometry.coordinates, site.geometry.coordinates] },
      };
    } else if (!att) {
      reasons.push({
        code: 'off_network',
        featureId: p.id,
        detail: `no road within ${formatKm(ctx.options.siteAttachKm)}`,
      });
    } else {
      const passes: [boolean, boolean, SiteAccess][] = [
        [true, false, 'internal'],
        [true, true, 'crossline_only'],
        [false, false, 'cross_border_only'],
        [false, true, 'cross_border_only'],
      ];
      for (const [domestic, crossline, cls] of passes) {
        const s = search(p.country, domestic, crossline);
        if (s.result.dist[att.node] === Infinity) continue;
        const { edges, nodes } = pathTo(graph, s.result, att.node);
        const hub = s.hubs[s.result.origin[att.node]];
        const via: string[] = [];
        const seen = new Set<string>();
        const addVia = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          via.push(id);
        };
        nodes.forEach((n, i) => {
          for (const c of ctx.crossingsAt.get(n) ?? []) addVia(c.feature.properties.id);
          const e = edges[i];
          if (e !== undefined) for (const id of ctx.hazards.crossline.get(e) ?? []) addVia(id);
        });
        const usesCrossline = edges.some((e) => ctx.hazards.crossline.has(e));
        access = cls;
        if (usesCrossline) flags.add('crossline');
        if (!domestic) flags.add('cross_border');
        let lengthKm = hub.attachKm + att.attachKm;
        for (const e of edges) lengthKm += net.edges[e].lengthKm;
        bestPath = {
          fromHubId: hub.site.properties.id,
          viaCrossingIds: via,
          lengthKm: round3(lengthKm),
          cost: round3(s.result.dist[att.node] + att.attachKm),
          segmentIds: edges.map((e) => net.edges[e].id),
          geometry: {
            type: 'LineString',
            coordinates: pathGeometry(
              net,
              ctx.edgeCoords,
              edges,
              nodes,
              roundPosition(hub.site.geometry.coordinates),
              roundPosition(site.geometry.coordinates),
            ),
          },
        };
        for (const list of pathEdgeReasons(ctx, edges, nodes))
          for (const r of list) if (statusOfCode(r.code) === 'at_risk') reasons.push(r);
        break;
      }
      if (access === 'cut_off') {
        // Explain: the blockages on the road from a hub that needs the fewest of them cleared.
        const explained = explainSearch().result;
        const before = reasons.length;
        if (explained.dist[att.node] !== Infinity)
          for (const e of pathTo(graph, explained, att.node).edges)
            for (const r of ctx.hazards.reasons.get(e) ?? [])
              if (statusOfCode(r.code) === 'blocked') reasons.push(r);
        if (reasons.length === before)
          reasons.push({
            code: 'no_road_connection',
            featureId: p.id,
            detail:
              hubs.length === 0
                ? 'no supply hub lies on the road network on this date'
                : 'no road links it to a supply hub that may be used',
          });
      }
    }
    if (access === 'cut_off') flags.add('cut_off');
    const flagOrder: SiteFlag[] = ['protection', 'cross_border', 'crossline', 'cut_off', 'famine'];
    return {
      id: p.id,
      name: p.name,
      kind: p.kind,
      country: p.country,
      hub: p.hub,
      access,
      flags: flagOrder.filter((f) => flags.has(f)),
      population: figures.population?.value ?? null,
      ipcPhase: figures.ipcPhase?.value ?? null,
      famine,
      bestPath,
      reasons: sortReasons(reasons),
    };
  }
}

interface SiteRecord {
  site: SiteFeature;
  report: SiteReport;
  /** The searches whose result at the site's junction the report depends on. */
  searchKeys: string[];
  /** Whether the report depends on the search that explains a cut-off. */
  explained: boolean;
}

/**
 * What the last analysis of an analyzer found, so the next one recomputes a site only where its report can
 * change. A site's report depends on the as-of date, the parameters and the crossings (when any of these
 * differ, every site is recomputed), on the front lines within the protection radius, and on the searches
 * it used: their result at its junction and along the path to it (distance, edge, hub at every node of the
 * path) and the reasons of the path's edges. A report is reused when none of these changed.
 */
export class SiteAccessMemo {
  ctx?: AnalysisContext;
  reports: SiteReport[] = [];
  key = '';
  searches = new Map<string, SearchResult>();
  explain?: SearchResult;
  hazards?: EdgeHazards;
  frontlines: readonly ActiveFrontline[] = [];
  sites = new Map<string, SiteRecord>();
}

/** A test of whether a site's last report still holds (the record when it does), or undefined when none can. */
function reusable(
  ctx: AnalysisContext,
  memo: SiteAccessMemo,
  search: (country: string, domestic: boolean, crossline: boolean) => { result: SearchResult },
  explainSearch: () => SearchResult,
): ((site: SiteFeature) => SiteRecord | undefined) | undefined {
  const before = memo.hazards;
  if (!before) return undefined;
  const { graph, net } = ctx;
  const now = ctx.hazards;

  // Edges whose reasons or crossline crossings changed: 0 not checked yet, 1 same, 2 changed.
  const edgeState = new Uint8Array(net.edges.length);
  const edgeChanged = (e: number) => {
    if (edgeState[e] === 0)
      edgeState[e] =
        sameReasons(before.reasons.get(e), now.reasons.get(e)) &&
        sameStrings(before.crossline.get(e), now.crossline.get(e))
          ? 1
          : 2;
    return edgeState[e] === 2;
  };

  // Whether a search's result changed at a node or anywhere on the path to it.
  const pathChecks = new Map<string, (node: number) => boolean>();
  const unknown = () => true;
  const pathChanged = (key: string) => {
    let check = pathChecks.get(key);
    if (!check) {
      const previous = key === 'explain' ? memo.explain : memo.searches.get(key);
      if (!previous) check = unknown;
      else {
        const [country, domestic, crossline] = key.split('|');
        const current =
          key === 'explain'
            ? explainSearch()
            : search(country, domestic === 'true', crossline === 'true').result;
        check = pathChangedIn(graph, previous, current, edgeChanged);
      }
      pathChecks.set(key, check);
    }
    return check;
  };

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
  const nearChange = ([x, y]: Position) =>
    boxes.some((b) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]);

  return (site) => {
    const old = memo.sites.get(site.properties.id);
    if (!old || old.site !== site || nearChange(site.geometry.coordinates)) return undefined;
    const att = usableAttachment(ctx, site.properties.id);
    if (old.searchKeys.length > 0 || old.explained) {
      if (!att) return undefined;
      for (const key of old.searchKeys) if (pathChanged(key)(att.node)) return undefined;
      if (old.explained && pathChanged('explain')(att.node)) return undefined;
    }
    return old;
  };
}

/**
 * For each node: whether its distance, edge or source differ between two results of a search, or those of a
 * node before it on its path, or the reasons of an edge of that path (`edgeChanged`). Memoised along paths.
 */
function pathChangedIn(
  g: Graph,
  before: SearchResult,
  now: SearchResult,
  edgeChanged: (e: number) => boolean,
): (node: number) => boolean {
  const state = new Uint8Array(g.nodeCount); // 0 not known, 1 unchanged, 2 changed
  const walked: number[] = [];
  return (node) => {
    let n = node;
    let result = 1;
    walked.length = 0;
    for (;;) {
      if (state[n] !== 0) {
        result = state[n];
        break;
      }
      const e = now.prevEdge[n];
      if (now.dist[n] !== before.dist[n] || e !== before.prevEdge[n] || now.origin[n] !== before.origin[n]) {
        result = 2;
        break;
      }
      if (e === -1) break;
      if (edgeChanged(e)) {
        result = 2;
        break;
      }
      walked.push(n);
      n = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
    }
    state[n] = result;
    for (const m of walked) state[m] = result;
    return result === 2;
  };
}

function sameReasons(a: readonly Reason[] | undefined, b: readonly Reason[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i].code !== b[i].code || a[i].featureId !== b[i].featureId || a[i].detail !== b[i].detail)
      return false;
  return true;
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}
