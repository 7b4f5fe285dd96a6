import type { Situation } from '$lib/domain/schemas';
import { bboxOfGeometry } from '$lib/domain/geo/bboxOfGeometry';
import { bboxIntersects } from '../export/bbox';
import type { ExportFeature } from '../export/layerColumns';
import { answerParameterErrors, checkKnownParameters, notFoundResponse } from '../export/parameterError';
import { cachedResponse, sortedQuery, strongEtag } from '../http/cache';
import { publicSituation } from '../http/publicSituation';
import type { SituationStore } from '../situation/situationStore';
import { featuresOf } from '../export/selectFeatures';
import { collectionExtent, collectionIds, collectionTitle } from './collections';
import { a, page, table, text, type Link } from './html';
import { negotiateFormat, type OgcFormat } from './negotiate';
import { openApiDocument } from './openapi';
import { CRS84, parseItemsQuery } from './params';
import { featureTime, overlaps } from './temporal';

/** Where the OGC API – Features service lives in the app. */
const OGC_ROOT = '/ogc';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';
const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/** One OGC request: the public records only, whoever is signed in (this is a public surface). */
export interface OgcRequest {
  store: SituationStore;
  request: Request;
  url: URL;
}

interface Body {
  json: unknown;
  jsonType?: string;
  html: () => string;
}

/** The URL of `path` under the service, with `query` and `f` when given. */
function href(url: URL, path: string, query: Record<string, string | undefined> = {}): string {
  const u = new URL(OGC_ROOT + path, url.origin);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, v);
  return u.href;
}

/** self and alternate links of a resource in both of its formats. */
function selfLinks(
  url: URL,
  path: string,
  fmt: OgcFormat,
  jsonType = JSON_TYPE,
  query: Record<string, string> = {},
): Link[] {
  const json = {
    href: href(url, path, { ...query, f: 'json' }),
    type: jsonType,
    title: 'This document as JSON',
  };
  const html = {
    href: href(url, path, { ...query, f: 'html' }),
    type: 'text/html',
    title: 'This document as HTML',
  };
  return fmt === 'json'
    ? [
        { ...json, rel: 'self' },
        { ...html, rel: 'alternate' },
      ]
    : [
        { ...html, rel: 'self' },
        { ...json, rel: 'alternate' },
      ];
}

/**
 * Answers one OGC request: reads the public situation, computes a strong ETag from its content hash and
 * the request (so a matching `If-None-Match` gets its 304 before any body is built), then builds the JSON or
 * HTML body. `parse` reads (and checks) the query first. Wrong parameters give 400 naming the parameter;
 * `missing` gives the 404 of an unknown id.
 */
async function respond<Q>(
  o: OgcRequest,
  parse: (url: URL) => Q,
  build: (situation: Situation, fmt: OgcFormat, since: string, query: Q) => Body,
  missing: (situation: Situation) => Response | null = () => null,
): Promise<Response> {
  return answerParameterErrors(async () => {
    const query = parse(o.url);
    const fmt = negotiateFormat(o.request, o.url);
    const situation = await publicSituation(o.store);
    const notFound = missing(situation);
    if (notFound) return notFound;
    const version = await o.store.publicVersionOf(situation);
    return cachedResponse(o.request, {
      etag: strongEtag(
        'ogc',
        version.hash,
        version.since,
        o.url.origin,
        o.url.pathname,
        sortedQuery(o.url),
        fmt,
      ),
      policy: 'public',
      // Without `f`, the format follows the Accept header.
      vary: o.url.searchParams.has('f') ? [] : ['Accept'],
      build: () => {
        const built = build(situation, fmt, version.since, query);
        return fmt === 'json'
          ? { body: JSON.stringify(built.json), headers: { 'content-type': built.jsonType ?? JSON_TYPE } }
          : { body: built.html(), headers: { 'content-type': HTML_TYPE } };
      },
    });
  });
}

/** The query of a resource whose only parameter is `f`. */
const onlyF = (url: URL) => checkKnownParameters(url, ['f']);

const breadcrumb = (...extra: [string, string][]): [string, string][] => [
  [`${OGC_ROOT}?f=html`, 'OGC API'],
  ...extra,
];

/** `GET /ogc`: the landing page. */
export function landingPage(o: OgcRequest): Promise<Response> {
  return respond(o, onlyF, (s, fmt) => {
    const links: Link[] = [
      ...selfLinks(o.url, '', fmt),
      {
        href: href(o.url, '/api', { f: 'json' }),
        rel: 'service-desc',
        type: OPENAPI_TYPE,
        title: 'The API definition (OpenAPI 3.0)',
      },
      {
        href: href(o.url, '/api', { f: 'html' }),
        rel: 'service-doc',
        type: 'text/html',
        title: 'The API documentation',
      },
      {
        href: href(o.url, '/conformance'),
        rel: 'conformance',
        type: JSON_TYPE,
        title: 'Conformance classes',
      },
      {
        href: href(o.url, '/conformance'),
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/conformance',
        type: JSON_TYPE,
        title: 'Conformance classes',
      },
      { href: href(o.url, '/collections'), rel: 'data', type: JSON_TYPE, title: 'Collections' },
      // The access verdicts (the analysis by date) are served beside this service, with their own definition.
      {
        href: new URL('/api/v1/openapi.json', o.url.origin).href,
        rel: 'related',
        type: 'application/vnd.oai.openapi+json;version=3.1',
        title: 'Access verdicts API by date (OpenAPI 3.1)',
      },
      {
        href: href(o.url, '/collections'),
        rel: 'http://www.opengis.net/def/rel/ogc/1.0/data',
        type: JSON_TYPE,
        title: 'Collections',
      },
    ];
    const title = s.scenario.name;
    const description = `${s.scenario.description} Public records only.`;
    return {
      json: { title, description, links },
      html: () =>
        page({
          title,
          breadcrumb: breadcrumb(),
          body:
            `<p dir="auto">${text(description)}</p>` +
            `<ul><li>${a(href(o.url, '/collections', { f: 'html' }), 'Collections')}</li>` +
            `<li>${a(href(o.url, '/conformance', { f: 'html' }), 'Conformance')}</li>` +
            `<li>${a(href(o.url, '/api', { f: 'html' }), 'API documentation')} (${a(href(o.url, '/api'), 'OpenAPI 3.0')})</li>` +
            `<li>Access verdicts by date (corridor statuses, site access, crossings, totals, trends): ${a(new URL('/api/v1/openapi.json', o.url.origin).href, 'the access API, OpenAPI 3.1')}</li></ul>` +
            `<p>In QGIS: Layer › Add Layer › Add WFS / OGC API – Features Layer, with the URL <code>${text(href(o.url, ''))}</code>. ` +
            `With GDAL: <code>ogrinfo OAPIF:${text(href(o.url, ''))}</code>.</p>`,
          links,
        }),
    };
  });
}

/** `GET /ogc/conformance`. */
export function conformance(o: OgcRequest): Promise<Response> {
  return respond(o, onlyF, (_s, fmt) => ({
    json: { links: selfLinks(o.url, '/conformance', fmt), conformsTo: CONFORMANCE },
    html: () =>
      page({
        title: 'Conformance',
        breadcrumb: breadcrumb(),
        body: `<ul>${CONFORMANCE.map((c) => `<li><code>${text(c)}</code></li>`).join('')}</ul>`,
      }),
  }));
}

/** `GET /ogc/api`: the OpenAPI 3.0 document, or a readable list of its paths. */
export function apiDefinition(o: OgcRequest): Promise<Response> {
  return respond(o, onlyF, (s) => {
    const doc = openApiDocument(href(o.url, ''), s.scenario.name, collectionIds());
    return {
      json: doc,
      jsonType: OPENAPI_TYPE,
      html: () =>
        page({
          title: doc.info.title,
          breadcrumb: breadcrumb(),
          body:
            `<p>${text(doc.info.description)} The definition as ${a(href(o.url, '/api', { f: 'json' }), 'OpenAPI 3.0 JSON')}.</p>` +
            table(
              ['path', 'what it returns', 'parameters'],
              Object.entries(doc.paths).map(([path, item]) => [
                `<code>${text(OGC_ROOT + path)}</code>`,
                text(item.get.summary),
                text(item.get.parameters.map((p) => p.$ref.split('/').pop()).join(', ')),
              ]),
            ),
        }),
    };
  });
}

function collectionDoc(o: OgcRequest, s: Situation, id: string, fmt: OgcFormat, withSelf: boolean) {
  const { title, description } = collectionTitle(id);
  const path = `/collections/${encodeURIComponent(id)}`;
  return {
    id,
    title,
    description,
    itemType: 'feature',
    crs: [CRS84],
    extent: collectionExtent(s, id),
    links: [
      ...(withSelf
        ? selfLinks(o.url, path, fmt)
        : [{ href: href(o.url, path), rel: 'self', type: JSON_TYPE, title }]),
      {
        href: href(o.url, `${path}/items`, { f: 'json' }),
        rel: 'items',
        type: GEOJSON,
        title: `${title} as GeoJSON`,
      },
      {
        href: href(o.url, `${path}/items`, { f: 'html' }),
        rel: 'items',
        type: 'text/html',
        title: `${title} as HTML`,
      },
    ],
  };
}

/** `GET /ogc/collections`: one collection per layer. */
export function collections(o: OgcRequest): Promise<Response> {
  return respond(o, onlyF, (s, fmt) => {
    const list = collectionIds().map((id) => collectionDoc(o, s, id, fmt, false));
    return {
      json: { links: selfLinks(o.url, '/collections', fmt), collections: list },
      html: () =>
        page({
          title: 'Collections',
          breadcrumb: breadcrumb(),
          body: table(
            ['collection', 'description', 'features'],
            list.map((c) => [
              a(href(o.url, `/collections/${encodeURIComponent(c.id)}`, { f: 'html' }), c.title),
              text(c.description),
              a(
                href(o.url, `/collections/${encodeURIComponent(c.id)}/items`, { f: 'html' }),
                String(featuresOf(s, c.id).length),
              ),
            ]),
          ),
        }),
    };
  });
}

/** null for a collection that exists, else its 404. */
const knownCollection = (id: string) =>
  collectionIds().includes(id)
    ? null
    : notFoundResponse(`there is no collection "${id}"; collections: ${collectionIds().join(', ')}`);

/** `GET /ogc/collections/{id}`. */
export function collection(o: OgcRequest, id: string): Promise<Response> {
  return respond(
    o,
    onlyF,
    (s, fmt) => {
      const doc = collectionDoc(o, s, id, fmt, true);
      const [w, so, e, n] = doc.extent.spatial.bbox[0];
      const interval = doc.extent.temporal?.interval[0];
      return {
        json: doc,
        html: () =>
          page({
            title: doc.title,
            breadcrumb: breadcrumb([href(o.url, '/collections', { f: 'html' }), 'Collections']),
            body:
              `<p>${text(doc.description)}</p><dl><dt>Extent</dt><dd>longitude ${w} to ${e}, latitude ${so} to ${n}</dd>` +
              (interval
                ? `<dt>Time</dt><dd>${text(interval[0] ?? '..')} to ${text(interval[1] ?? '..')}</dd>`
                : '') +
              `</dl><p>${a(href(o.url, `/collections/${encodeURIComponent(id)}/items`, { f: 'html' }), 'Browse the features')}</p>`,
            links: doc.links,
          }),
      };
    },
    () => knownCollection(id),
  );
}

/** A feature as the API returns it: its id at the top level, and its links. */
function featureDoc(f: ExportFeature, links?: Link[]) {
  return {
    type: 'Feature',
    id: f.properties.id,
    geometry: f.geometry,
    properties: f.properties,
    ...(links && { links }),
  };
}

/** `GET /ogc/collections/{id}/items`: a page of features with `bbox`, `datetime`, `limit` and `offset`. */
export function items(o: OgcRequest, id: string): Promise<Response> {
  return respond(
    o,
    parseItemsQuery,
    (s, fmt, since, query) => {
      const { bbox, datetime, limit, offset } = query;
      const matched = featuresOf(s, id).filter(
        (f) =>
          (!bbox || bboxIntersects(bboxOfGeometry(f.geometry), bbox)) &&
          (!datetime || overlaps(featureTime(f.properties), datetime)),
      );
      const pageOf = matched.slice(offset, offset + limit);
      const path = `/collections/${encodeURIComponent(id)}/items`;
      const kept: Record<string, string> = {};
      for (const k of ['bbox', 'bbox-crs', 'datetime']) {
        const v = o.url.searchParams.get(k);
        if (v !== null) kept[k] = v;
      }
      const at = (off: number) => ({
        ...kept,
        limit: String(limit),
        ...(off > 0 && { offset: String(off) }),
      });
      const type = fmt === 'json' ? GEOJSON : 'text/html';
      const f = fmt === 'json' ? 'json' : 'html';
      const links: Link[] = [
        ...selfLinks(o.url, path, fmt, GEOJSON, at(offset)),
        ...(offset + limit < matched.length
          ? [{ href: href(o.url, path, { ...at(offset + limit), f }), rel: 'next', type, title: 'Next page' }]
          : []),
        ...(offset > 0
          ? [
              {
                href: href(o.url, path, { ...at(Math.max(0, offset - limit)), f }),
                rel: 'prev',
                type,
                title: 'Previous page',
              },
            ]
          : []),
        {
          href: href(o.url, `/collections/${encodeURIComponent(id)}`),
          rel: 'collection',
          type: JSON_TYPE,
          title: collectionTitle(id).title,
        },
      ];
      return {
        json: {
          type: 'FeatureCollection',
          features: pageOf.map((feature) => featureDoc(feature)),
          links,
          // When the data was last seen to change: the page is the same until then (its ETag is strong).
          timeStamp: since,
          numberMatched: matched.length,
          numberReturned: pageOf.length,
        },
        jsonType: GEOJSON,
        html: () =>
          page({
            title: `${collectionTitle(id).title}: features ${pageOf.length ? offset + 1 : 0}–${offset + pageOf.length} of ${matched.length}`,
            breadcrumb: breadcrumb(
              [href(o.url, '/collections', { f: 'html' }), 'Collections'],
              [
                href(o.url, `/collections/${encodeURIComponent(id)}`, { f: 'html' }),
                collectionTitle(id).title,
              ],
            ),
            body: table(
              ['id', 'name', 'geometry', 'valid'],
              pageOf.map((feature) => {
                const p = feature.properties;
                const valid =
                  typeof p.date === 'string' ? p.date : `${p.validFrom ?? '..'} – ${p.validTo ?? '..'}`;
                return [
                  a(href(o.url, `${path}/${encodeURIComponent(p.id)}`, { f: 'html' }), p.id),
                  text(p.name) +
                    (typeof p.nameAr === 'string'
                      ? ` <span lang="ar" dir="rtl">${text(p.nameAr)}</span>`
                      : ''),
                  text(feature.geometry.type),
                  text(valid),
                ];
              }),
            ),
            links,
          }),
      };
    },
    () => knownCollection(id),
  );
}

/** `GET /ogc/collections/{id}/items/{featureId}`: one feature, 404 JSON when there is none. */
export function feature(o: OgcRequest, id: string, featureId: string): Promise<Response> {
  const find = (s: Situation) => featuresOf(s, id).find((f) => f.properties.id === featureId);
  return respond(
    o,
    onlyF,
    (s, fmt) => {
      const found = find(s)!;
      const path = `/collections/${encodeURIComponent(id)}/items/${encodeURIComponent(featureId)}`;
      const links: Link[] = [
        ...selfLinks(o.url, path, fmt, GEOJSON),
        {
          href: href(o.url, `/collections/${encodeURIComponent(id)}`),
          rel: 'collection',
          type: JSON_TYPE,
          title: collectionTitle(id).title,
        },
      ];
      return {
        json: featureDoc(found, links),
        jsonType: GEOJSON,
        html: () =>
          page({
            title: found.properties.name,
            breadcrumb: breadcrumb(
              [href(o.url, '/collections', { f: 'html' }), 'Collections'],
              [
                href(o.url, `/collections/${encodeURIComponent(id)}/items`, { f: 'html' }),
                collectionTitle(id).title,
              ],
            ),
            body:
              table(
                ['property', 'value'],
                Object.entries(found.properties).map(([k, v]) => [text(k), text(v)]),
              ) +
              `<p>Geometry: ${text(found.geometry.type)}, bounding box ${text(bboxOfGeometry(found.geometry).join(', '))}</p>`,
            links,
          }),
      };
    },
    (s) =>
      knownCollection(id) ??
      (find(s) ? null : notFoundResponse(`there is no feature "${featureId}" in collection "${id}"`)),
  );
}
