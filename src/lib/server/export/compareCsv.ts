import { changeLines, totalsRows } from '$lib/domain/analysis/compare';
import type { DateComparison, Reason } from '$lib/domain/schemas';
import { toCsv } from './csv';
import type { Cell } from './layerColumns';

/** Reasons as `code:featureId`, each once (as the report's CSV writes them). */
const reasonList = (reasons: readonly Reason[] | undefined) =>
  reasons ? [...new Set(reasons.map((r) => `${r.code}:${r.featureId}`))].join(';') : undefined;

/**
 * A comparison as one table a spreadsheet can filter: a row per crossing, corridor and site that changed
 * (subject, before and after, the dated entry and source for crossings, flags gained and lost, reasons on
 * both dates, the change in plain words), then a row per key figure with both dates' values and the
 * difference. HXL hashtags under the header, as every CSV download.
 */
export function comparisonCsv(c: DateComparison): string {
  const words = changeLines(c);
  const rows: Cell[][] = [];
  const row = (r: Record<(typeof headers)[number], Cell>) => rows.push(headers.map((h) => r[h]));
  c.crossings.forEach((x, i) =>
    row({
      subject: 'crossing',
      id: x.id,
      name: x.name,
      change: x.change,
      before: x.before?.status,
      after: x.after?.status,
      difference: undefined,
      since: x.after?.since ?? x.before?.since,
      source: x.after?.source ?? x.before?.source,
      flagsGained: undefined,
      flagsLost: undefined,
      reasonsBefore: undefined,
      reasonsAfter: undefined,
      description: words.crossings[i].title,
    }),
  );
  c.corridors.forEach((x, i) =>
    row({
      subject: 'corridor',
      id: x.id,
      name: x.name,
      change: 'status',
      before: x.before?.status,
      after: x.after?.status,
      difference: undefined,
      since: undefined,
      source: undefined,
      flagsGained: undefined,
      flagsLost: undefined,
      reasonsBefore: reasonList(x.before?.reasons),
      reasonsAfter: reasonList(x.after?.reasons),
      description: words.corridors[i].title,
    }),
  );
  c.sites.forEach((x, i) =>
    row({
      subject: 'site',
      id: x.id,
      name: x.name,
      change: x.before?.access === x.after?.access ? 'flags' : 'access',
      before: x.before?.access,
      after: x.after?.access,
      difference: undefined,
      since: undefined,
      source: undefined,
      flagsGained: x.flagsGained.join(';'),
      flagsLost: x.flagsLost.join(';'),
      reasonsBefore: reasonList(x.before?.reasons),
      reasonsAfter: reasonList(x.after?.reasons),
      description: [words.sites[i].title, ...words.sites[i].details].join('. '),
    }),
  );
  for (const t of totalsRows(c))
    row({
      subject: 'figure',
      id: t.key,
      name: t.label,
      change: 'difference',
      before: t.from,
      after: t.to,
      difference: t.difference,
      since: undefined,
      source: undefined,
      flagsGained: undefined,
      flagsLost: undefined,
      reasonsBefore: undefined,
      reasonsAfter: undefined,
      description: undefined,
    });
  return toCsv({ headers: [...headers], hxl: [...hxl], rows });
}

const headers = [
  'subject',
  'id',
  'name',
  'change',
  'before',
  'after',
  'difference',
  'since',
  'source',
  'flagsGained',
  'flagsLost',
  'reasonsBefore',
  'reasonsAfter',
  'description',
] as const;
const hxl = [
  '#meta+subject',
  '#loc+code',
  '#loc+name',
  '#status+change',
  '#status+before',
  '#status+after',
  '#indicator+difference',
  '#date+status',
  '#meta+source',
  '#indicator+flags+gained',
  '#indicator+flags+lost',
  '#access+reason+before',
  '#access+reason+after',
  '#description',
] as const;
