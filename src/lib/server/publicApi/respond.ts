import { parseStep, seriesDates } from '$lib/domain/analysis';
import { isoDate, type Situation } from '$lib/domain/schemas';
import { AnalysisInputError } from '$lib/domain/analysis';
import { attachment } from '../export/formats';
import { checkKnownParameters, ParameterError } from '../export/parameterError';
import { seriesCsv } from '../export/seriesCsv';
import { reportCsv } from '../export/reportCsv';
import { cachedResponse, strongEtag, type CachedBody } from '../http/cache';
import { contentHash } from '../http/contentVersion';
import { publicSituation } from '../http/publicSituation';
import type { SituationStore } from '../situation/situationStore';
import { reportOn, seriesBetween } from './computed';
import { crossingsCsv, totalsCsv, verdictsCsv } from './csv';
import { apiCorridors, apiCrossings, apiSites } from './verdicts';

/** The resources of the public access API, each at `/api/v1/<resource>`. */
export const apiResources = ['verdicts', 'corridors', 'sites', 'crossings', 'totals', 'series'] as const;
export type ApiResource = (typeof apiResources)[number];

/** A series served by the API has at most this many points (a daily series of a bit more than a year). */
export const API_MAX_SERIES_POINTS = 400;

const CSV = 'text/csv; charset=utf-8; header=present';
const JSON_TYPE = 'application/json';

/** Public data: any site may read it from a browser (CORS), and read the ETag to revalidate. */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag',
};

/** The answer to a CORS preflight (a script that sends If-None-Match itself needs one). */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'If-None-Match',
      'access-control-max-age': '86400',
    },
  });
}

/** 400 as RFC 9457 problem details naming the parameter. */
export function problemResponse(e: ParameterError): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: e.message,
      parameter: e.parameter,
    }),
    {
      status: 400,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...CORS_HEADERS },
    },
  );
}

type Query =
  | { resource: Exclude<ApiResource, 'series'>; format: 'json' | 'csv'; date: string }
  | { resource: 'series'; format: 'json' | 'csv'; from: string; to: string; stepDays: number };

/** A date parameter: absent gives `fallback`; otherwise a real date written YYYY-MM-DD. */
function dateParam(url: URL, name: string, fallback: string): string {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const r = isoDate.safeParse(raw);
  if (!r.success) throw new ParameterError(name, `"${raw}" ${r.error.issues[0].message}`);
  return raw;
}

/** Reads and checks the query of `resource` (every mistake is a ParameterError naming the parameter). */
function parseQuery(url: URL, resource: ApiResource, situation: Situation): Query {
  checkKnownParameters(url, resource === 'series' ? ['from', 'to', 'step', 'format'] : ['date', 'format']);
  const formatRaw = url.searchParams.get('format') ?? 'json';
  if (formatRaw !== 'json' && formatRaw !== 'csv')
    throw new ParameterError('format', `must be json or csv, not "${formatRaw}"`);
  const format = formatRaw;
  const { scenario } = situation;
  if (resource !== 'series') return { resource, format, date: dateParam(url, 'date', scenario.defaultAsOf) };
  const from = dateParam(url, 'from', scenario.timeRange.from);
  const to = dateParam(url, 'to', scenario.timeRange.to);
  if (to < from) throw new ParameterError('to', `${to} is before from (${from})`);
  let stepDays: number;
  try {
    stepDays = parseStep(url.searchParams.get('step') ?? '7d');
    seriesDates(from, to, stepDays, API_MAX_SERIES_POINTS);
  } catch (e) {
    if (e instanceof AnalysisInputError) throw new ParameterError('step', e.message);
    throw e;
  }
  return { resource, format, from, to, stepDays };
}

function body(q: Query, scenarioId: string, json: () => unknown, csv: () => string): CachedBody {
  const when = q.resource === 'series' ? `${q.from}-${q.to}` : q.date;
  return q.format === 'json'
    ? { body: JSON.stringify(json()), headers: { 'content-type': JSON_TYPE } }
    : {
        body: csv(),
        headers: {
          'content-type': CSV,
          'content-disposition': attachment([scenarioId, q.resource, when], 'csv'),
        },
      };
}

/**
 * `GET /api/v1/<resource>`: the access verdicts of a date (or a series of dates) computed from PUBLIC
 * records only, whoever asks (the caller's session is never read). The strong ETag is a hash of the public
 * data's version, the resource and its normalised parameters, made before anything is analysed, so a
 * matching `If-None-Match` gets its 304 at the cost of one cached read; an edit of a non-public record leaves
 * it as it was. Wrong parameters get 400 problem details naming the parameter.
 */
export async function publicApiResponse(
  store: SituationStore,
  request: Request,
  url: URL,
  resource: ApiResource,
): Promise<Response> {
  let response: Response;
  try {
    const situation = await publicSituation(store);
    const q = parseQuery(url, resource, situation);
    const when = q.resource === 'series' ? [q.from, q.to, String(q.stepDays)] : [q.date];
    const scenarioId = situation.scenario.id;
    response = await cachedResponse(request, {
      etag: strongEtag('api/v1', resource, contentHash(situation), q.format, ...when),
      policy: 'public',
      build: async () => {
        const analyzer = await store.analyzerFor(null);
        if (q.resource === 'series') {
          const series = seriesBetween(analyzer, q.from, q.to, q.stepDays, API_MAX_SERIES_POINTS);
          return body(
            q,
            scenarioId,
            () => ({ scenario: scenarioId, ...series }),
            () => seriesCsv(series),
          );
        }
        const { date } = q;
        const head = { date, scenario: scenarioId };
        if (q.resource === 'crossings') {
          const crossings = apiCrossings(analyzer.situation, date);
          return body(
            q,
            scenarioId,
            () => ({ ...head, crossings }),
            () => crossingsCsv(crossings),
          );
        }
        const report = reportOn(analyzer, date);
        switch (q.resource) {
          case 'corridors':
            return body(
              q,
              scenarioId,
              () => ({ ...head, corridors: apiCorridors(report) }),
              () => reportCsv(report, 'corridors'),
            );
          case 'sites':
            return body(
              q,
              scenarioId,
              () => ({ ...head, sites: apiSites(report) }),
              () => reportCsv(report, 'sites'),
            );
          case 'totals':
            return body(
              q,
              scenarioId,
              () => ({ ...head, totals: report.totals }),
              () => totalsCsv(date, report.totals),
            );
          case 'verdicts': {
            const corridors = apiCorridors(report);
            const sites = apiSites(report);
            const crossings = apiCrossings(analyzer.situation, date);
            return body(
              q,
              scenarioId,
              () => ({ ...head, corridors, sites, crossings, totals: report.totals }),
              () => verdictsCsv(corridors, sites, crossings),
            );
          }
        }
      },
    });
  } catch (e) {
    if (e instanceof ParameterError) return problemResponse(e);
    throw e;
  }
  for (const [k, v] of Object.entries(CORS_HEADERS)) response.headers.set(k, v);
  return response;
}
