import { totalsKeys, type Reason, type Totals } from '$lib/domain/schemas';
import { toCsv } from '../export/csv';
import type { ApiCorridor, ApiCrossing, ApiSite } from './schemas';

/** Reasons as `code:featureId` separated by `;`, as the report's CSV writes them. */
const reasonList = (reasons: Reason[]) => reasons.map((r) => `${r.code}:${r.featureId}`).join(';');

/** The crossings in force on a date, one row each, with an HXL row. */
export function crossingsCsv(crossings: ApiCrossing[]): string {
  return toCsv({
    headers: ['id', 'name', 'kind', 'countries', 'actorIds', 'status', 'since', 'source', 'note'],
    hxl: [
      '#loc+code',
      '#loc+name',
      '#loc+type',
      '#country+code',
      '#org+code',
      '#status',
      '#date+status',
      '#meta+source',
      '#description',
    ],
    rows: crossings.map((c) => [
      c.id,
      c.name,
      c.kind,
      c.countries.join(';'),
      c.actorIds.join(';'),
      c.status,
      c.since,
      c.source,
      c.note ?? undefined,
    ]),
  });
}

/** The totals of a date as one row. */
export function totalsCsv(date: string, totals: Totals): string {
  return toCsv({
    headers: ['date', ...totalsKeys],
    hxl: [
      '#date',
      ...totalsKeys.map((k) => `#indicator+${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`),
    ],
    rows: [[date, ...totalsKeys.map((k) => totals[k])]],
  });
}

/**
 * Every verdict of a date in one table: a row per corridor (its status), site (its access class, flags in
 * `detail`) and crossing (its status, the date of its entry in `detail`), each with its reasons.
 */
export function verdictsCsv(corridors: ApiCorridor[], sites: ApiSite[], crossings: ApiCrossing[]): string {
  return toCsv({
    headers: ['type', 'id', 'name', 'verdict', 'detail', 'reasons'],
    hxl: ['#meta+type', '#loc+code', '#loc+name', '#status', '#indicator+flags', '#access+reason'],
    rows: [
      ...corridors.map((c) => [
        'corridor',
        c.id,
        c.name,
        c.status,
        `${c.blockedKm} km blocked, ${c.atRiskKm} km at risk`,
        reasonList(c.reasons),
      ]),
      ...sites.map((s) => ['site', s.id, s.name, s.access, s.flags.join(';'), reasonList(s.reasons)]),
      ...crossings.map((c) => ['crossing', c.id, c.name, c.status, `since ${c.since}`, '']),
    ],
  });
}
