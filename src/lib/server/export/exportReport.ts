import { AnalysisInputError } from '$lib/domain/analysis';
import { analysisParamsSchema, type AnalysisParamsInput } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import { cachedResponse, sortedQuery, strongEtag } from '../http/cache';
import { contentHash } from '../http/contentVersion';
import type { SituationStore } from '../situation/situationStore';
import { attachment, reportFormatOr404, reportFormats } from './formats';
import { answerParameterErrors, checkKnownParameters, ParameterError } from './parameterError';
import { reportCsv, reportTables, type ReportTable } from './reportCsv';
import { parseAsOf } from './selectFeatures';

export const paramNames = Object.keys(analysisParamsSchema.shape) as (keyof AnalysisParamsInput)[];

/** Analysis parameters given one per query parameter (`?frontlineBufferKm=5`), checked by the domain schema. */
export function parseParams(url: URL): AnalysisParamsInput {
  const out: Record<string, number> = {};
  for (const name of paramNames) {
    const raw = url.searchParams.get(name);
    if (raw === null) continue;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new ParameterError(name, 'must be a number');
    out[name] = n;
  }
  const r = analysisParamsSchema.safeParse(out);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ParameterError(String(issue.path[0] ?? 'params'), issue.message);
  }
  return out;
}

/**
 * `GET /export/report.{json|csv}?asOf=&table=`: the access analysis (DESIGN.md §3) of what the viewer may
 * see (the public's is computed from public records only), as JSON, or one of its tables as CSV.
 */
export async function exportReport(
  store: SituationStore,
  viewer: Viewer,
  request: Request,
  url: URL,
  format: string,
): Promise<Response> {
  const fmt = reportFormatOr404('the report', format);
  if (fmt instanceof Response) return fmt;
  return answerParameterErrors(async () => {
    checkKnownParameters(url, ['asOf', ...(fmt === 'csv' ? ['table'] : []), ...paramNames]);
    const asOfGiven = parseAsOf(url);
    const tableRaw = url.searchParams.get('table') ?? 'corridors';
    if (!(reportTables as readonly string[]).includes(tableRaw))
      throw new ParameterError('table', `must be one of ${reportTables.join(', ')}`);
    const table = tableRaw as ReportTable;
    const params = parseParams(url);
    const analyzer = await store.analyzerFor(viewer);
    const asOf = asOfGiven ?? analyzer.situation.scenario.defaultAsOf;
    return cachedResponse(request, {
      etag: strongEtag('report', contentHash(analyzer.situation), fmt, asOf, sortedQuery(url)),
      policy: viewer ? 'private' : 'public',
      vary: ['Cookie'],
      build: () => {
        let report;
        try {
          report = analyzer.analyze(asOf, params);
        } catch (e) {
          if (e instanceof AnalysisInputError) throw new ParameterError('asOf', e.message);
          throw e;
        }
        const id = analyzer.situation.scenario.id;
        return fmt === 'json'
          ? {
              body: JSON.stringify(report),
              headers: {
                'content-type': reportFormats.json,
                'content-disposition': attachment([id, 'report', asOf], 'json'),
              },
            }
          : {
              body: reportCsv(report, table),
              headers: {
                'content-type': reportFormats.csv,
                'content-disposition': attachment([id, 'report', table, asOf], 'csv'),
              },
            };
      },
    });
  });
}
