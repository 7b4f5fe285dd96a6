import type { AnalysisReport, Reason } from '$lib/domain/schemas';
import { toCsv } from './csv';
import type { Cell } from './layerColumns';

export const reportTables = ['corridors', 'sites'] as const;
export type ReportTable = (typeof reportTables)[number];

/** Reasons as `code:featureId`, each once, in the order the report gives them. */
const reasonList = (reasons: Reason[]) =>
  [...new Set(reasons.map((r) => `${r.code}:${r.featureId}`))].join(';');

type Row<T> = [header: string, hxl: string, value: (x: T) => Cell];

const corridorColumns: Row<AnalysisReport['corridors'][number]>[] = [
  ['id', '#loc+code', (c) => c.id],
  ['name', '#loc+name', (c) => c.name],
  ['status', '#status', (c) => c.status],
  ['lengthKm', '#indicator+length+km', (c) => c.lengthKm],
  ['blockedKm', '#indicator+blocked+km', (c) => c.blockedKm],
  ['atRiskKm', '#indicator+at_risk+km', (c) => c.atRiskKm],
  ['fromSiteId', '#loc+code+from', (c) => c.fromSiteId ?? undefined],
  ['toSiteId', '#loc+code+to', (c) => c.toSiteId ?? undefined],
  ['stretches', '#indicator+stretches', (c) => c.stretches.filter((s) => s.status !== 'open').length],
  ['reasons', '#access+reason', (c) => reasonList(c.stretches.flatMap((s) => s.reasons))],
];

function siteColumns(report: AnalysisReport): Row<AnalysisReport['sites'][number]>[] {
  const hotspots = new Map(report.hotspots.map((h, i) => [h.siteId, { ...h, rank: i + 1 }]));
  return [
    ['id', '#loc+code', (s) => s.id],
    ['name', '#loc+name', (s) => s.name],
    ['kind', '#loc+type', (s) => s.kind],
    ['country', '#country+code', (s) => s.country],
    ['hub', '#loc+hub', (s) => s.hub],
    ['status', '#status', (s) => s.status],
    ['statusSince', '#date+status', (s) => s.statusSince ?? undefined],
    ['access', '#access+type', (s) => s.access],
    ['flags', '#indicator+flags', (s) => s.flags.join(';')],
    ['besieged', '#indicator+besieged', (s) => s.besieged],
    ['population', '#population', (s) => s.population ?? undefined],
    ['populationAsOf', '#date+population', (s) => s.populationAsOf ?? undefined],
    ['populationStale', '#indicator+population+stale', (s) => s.populationStale],
    ['ipcPhase', '#severity+ipc', (s) => s.ipcPhase ?? undefined],
    ['famine', '#indicator+famine', (s) => s.famine],
    ['hotspotRank', '#indicator+hotspot+rank', (s) => hotspots.get(s.id)?.rank],
    ['hotspotScore', '#indicator+hotspot+score', (s) => hotspots.get(s.id)?.score],
    ['bestPathFromHubId', '#loc+code+hub', (s) => s.bestPath?.fromHubId],
    ['bestPathViaCrossingIds', '#loc+code+crossing', (s) => s.bestPath?.viaCrossingIds.join(';')],
    ['bestPathKm', '#indicator+path+km', (s) => s.bestPath?.lengthKm],
    ['bestPathCost', '#indicator+path+cost', (s) => s.bestPath?.cost],
    ['reasons', '#access+reason', (s) => reasonList(s.reasons)],
  ];
}

/**
 * One table of the analysis report as CSV with an HXL row: `corridors` (status, lengths, reasons) or `sites`
 * (access, flags, figures, hotspot rank and score, best path, reasons). Reasons are `code:featureId`
 * separated by `;`, codes as in docs/analysis.md.
 */
export function reportCsv(report: AnalysisReport, table: ReportTable): string {
  const write = <T>(columns: Row<T>[], rows: T[]) =>
    toCsv({
      headers: columns.map((c) => c[0]),
      hxl: columns.map((c) => c[1]),
      rows: rows.map((r) => columns.map((c) => c[2](r))),
    });
  return table === 'corridors'
    ? write(corridorColumns, report.corridors)
    : write(siteColumns(report), report.sites);
}
