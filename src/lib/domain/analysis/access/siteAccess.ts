import { siteFiguresOn } from '../../asOf';
import type { BestPath, Reason, SiteAccess, SiteFeature, SiteFlag, SiteReport } from '../../schemas';
import type { AnalysisContext } from '../context';
import { formatKm, sortReasons, statusOfCode } from '../reasons';
import { round3, roundPosition } from '../round';
import { dijkstra, pathTo, type SearchResult } from './dijkstra';
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
export function siteAccess(ctx: AnalysisContext): SiteReport[] {
  const { net, graph, layers } = ctx;
  const hubs: Hub[] = [];
  for (const s of layers.sites) {
    if (!s.properties.hub) continue;
    const att = usableAttachment(ctx, s.properties.id);
    if (att) hubs.push({ site: s, node: att.node, attachKm: att.attachKm });
  }
  const international = new Set<number>();
  for (const [node, list] of ctx.crossingsAt)
    if (list.some((c) => c.feature.properties.kind === 'international')) international.add(node);

  const costSafe = edgeCosts(ctx, { crossline: false });
  const costCrossline = edgeCosts(ctx, { crossline: true });
  const costAny = edgeCosts(ctx, { crossline: true, explainBlocked: true });
  const searches = new Map<string, { hubs: Hub[]; result: SearchResult; cost: Float64Array }>();
  const search = (country: string, domestic: boolean, crossline: boolean) => {
    const key = `${country}|${domestic}|${crossline}`;
    let s = searches.get(key);
    if (!s) {
      const from = hubs.filter((h) => (h.site.properties.country === country) === domestic);
      const cost = crossline ? costCrossline : costSafe;
      const closed = ctx.hazards.closedNodes;
      const canLeave = domestic
        ? (n: number) => !international.has(n) && !closed.has(n)
        : (n: number) => !closed.has(n);
      s = {
        hubs: from,
        cost,
        result: dijkstra(
          graph,
          from.map((h) => ({ node: h.node, cost: h.attachKm })),
          cost,
          canLeave,
        ),
      };
      searches.set(key, s);
    }
    return s;
  };
  let anySearch: { result: SearchResult } | undefined;

  return layers.sites.map((site): SiteReport => {
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
        anySearch ??= {
          result: dijkstra(
            graph,
            hubs.map((h) => ({ node: h.node, cost: h.attachKm })),
            costAny,
          ),
        };
        const before = reasons.length;
        if (anySearch.result.dist[att.node] !== Infinity)
          for (const e of pathTo(graph, anySearch.result, att.node).edges)
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
  });
}
