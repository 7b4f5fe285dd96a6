import { z } from 'zod';
import { cachedResponse, strongEtag } from '../http/cache';
import { publicSituation } from '../http/publicSituation';
import type { SituationStore } from '../situation/situationStore';
import { API_MAX_SERIES_POINTS, CORS_HEADERS, type ApiResource } from './respond';
import {
  corridorsDocument,
  crossingsDocument,
  problemDocument,
  seriesDocument,
  sitesDocument,
  totalsDocument,
  verdictsDocument,
} from './schemas';

/** A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without its `$schema` line. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
  return rest;
}

const ref = (kind: 'schemas' | 'parameters' | 'responses' | 'headers', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

const RESOURCES: Record<
  ApiResource,
  { summary: string; description: string; schema: string; params: string[] }
> = {
  verdicts: {
    summary: 'Every verdict of a date',
    description:
      'Corridor statuses with their reasons, site access classes and flags, crossing statuses and the totals, on one date. ' +
      'CSV: one row per corridor, site and crossing (type, id, name, verdict, detail, reasons).',
    schema: 'Verdicts',
    params: ['date', 'format'],
  },
  corridors: {
    summary: 'Corridor statuses with their reasons',
    description:
      'Each aid corridor: open, at_risk or blocked, km blocked and at risk, the reasons (code and the feature that caused it) and its stretches. ' +
      'CSV: the columns of the report download (reasons as code:featureId separated by ";").',
    schema: 'Corridors',
    params: ['date', 'format'],
  },
  sites: {
    summary: 'Site access classes and flags',
    description:
      'Each site: access class (internal, crossline_only, cross_border_only, cut_off, inactive), flags (protection, cut_off, famine, besieged…), ' +
      'population and IPC phase in force, best path and reasons.',
    schema: 'Sites',
    params: ['date', 'format'],
  },
  crossings: {
    summary: 'Crossing statuses',
    description:
      'Each border or crossline crossing in force on the date with its status entry (open, restricted, closed), its date and source.',
    schema: 'Crossings',
    params: ['date', 'format'],
  },
  totals: {
    summary: 'Key figures of a date',
    description:
      'People and sites cut off, besieged and with a famine finding, inactive sites, corridors blocked and at risk, crossings closed and restricted.',
    schema: 'Totals',
    params: ['date', 'format'],
  },
  series: {
    summary: 'Key figures over time, with the events behind each jump',
    description:
      `The totals every step from \`from\` to \`to\` (always included), at most ${API_MAX_SERIES_POINTS} points; each point lists the dated events ` +
      'of the data since the previous one that bear on a figure that moved (a crossing reopened, a siege began, a camp emptied, a famine finding).',
    schema: 'Series',
    params: ['from', 'to', 'step', 'format'],
  },
};

const dateParam = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  example: '2024-08-20',
});

/**
 * The OpenAPI 3.1 document of the public access API (`/api/v1/openapi.json`). Response schemas come from
 * the zod schemas the API is built on (`schemas.ts`).
 */
export function publicApiOpenApi(base: string, scenarioName: string) {
  const paths: Record<string, unknown> = {};
  for (const [resource, r] of Object.entries(RESOURCES))
    paths[`/${resource}`] = {
      get: {
        operationId: `get${resource[0].toUpperCase()}${resource.slice(1)}`,
        summary: r.summary,
        description: r.description,
        parameters: r.params.map((p) => ref('parameters', p)),
        responses: {
          '200': {
            description: `${r.summary} (JSON, or CSV with an HXL row under the header when format=csv).`,
            headers: { ETag: ref('headers', 'ETag'), 'Cache-Control': ref('headers', 'CacheControl') },
            content: {
              'application/json': { schema: ref('schemas', r.schema) },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          '304': ref('responses', 'NotModified'),
          '400': ref('responses', 'BadParameter'),
        },
      },
    };
  return {
    openapi: '3.1.0',
    info: {
      title: `${scenarioName}: access verdicts`,
      version: '1.0.0',
      description:
        'The access analysis of the situation by date, read-only: corridor statuses with their reasons, site access classes and flags, ' +
        'crossing statuses and the key figures. Computed from PUBLIC records only, whoever asks. Every answer carries a strong ETag: ' +
        'send it back in If-None-Match to get 304 Not Modified while the public data is unchanged. Open to scripts on any site (CORS). ' +
        'Reason codes are explained in docs/analysis.md of the project.',
    },
    servers: [{ url: base }],
    paths,
    components: {
      parameters: {
        date: dateParam('date', "The as-of date (YYYY-MM-DD); default: the scenario's default date."),
        from: dateParam(
          'from',
          "The first date of the series; default: the start of the scenario's time range.",
        ),
        to: dateParam(
          'to',
          "The last date of the series, always included; default: the end of the scenario's time range.",
        ),
        step: {
          name: 'step',
          in: 'query',
          required: false,
          description: 'Days (7d) or weeks (1w) between dates, or a number of days; default 7d.',
          schema: { type: 'string', pattern: '^\\d{1,4}[dw]?$', default: '7d' },
        },
        format: {
          name: 'format',
          in: 'query',
          required: false,
          description: 'json (default) or csv.',
          schema: { type: 'string', enum: ['json', 'csv'], default: 'json' },
        },
      },
      headers: {
        ETag: {
          description: 'Strong entity tag of the answer: a hash of the public data version and the request.',
          schema: { type: 'string' },
        },
        CacheControl: { description: 'public, max-age=60, must-revalidate', schema: { type: 'string' } },
      },
      responses: {
        NotModified: { description: 'The ETag sent in If-None-Match still holds: nothing changed.' },
        BadParameter: {
          description: 'A parameter is wrong or unknown; `parameter` names it.',
          content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } },
        },
      },
      schemas: {
        Verdicts: jsonSchema(verdictsDocument),
        Corridors: jsonSchema(corridorsDocument),
        Sites: jsonSchema(sitesDocument),
        Crossings: jsonSchema(crossingsDocument),
        Totals: jsonSchema(totalsDocument),
        Series: jsonSchema(seriesDocument),
        Problem: jsonSchema(problemDocument),
      },
    },
  };
}

/** `GET /api/v1/openapi.json`: the document, with the servers' URL of the request's origin. */
export async function openApiResponse(store: SituationStore, request: Request, url: URL): Promise<Response> {
  const { scenario } = await publicSituation(store);
  const base = new URL('/api/v1', url.origin).href;
  const response = await cachedResponse(request, {
    etag: strongEtag('api/v1/openapi.json', base, scenario.name),
    policy: 'public',
    build: () => ({
      body: JSON.stringify(publicApiOpenApi(base, scenario.name)),
      headers: { 'content-type': 'application/vnd.oai.openapi+json;version=3.1' },
    }),
  });
  for (const [k, v] of Object.entries(CORS_HEADERS)) response.headers.set(k, v);
  return response;
}
