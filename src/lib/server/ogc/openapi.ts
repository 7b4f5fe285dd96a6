import { DEFAULT_LIMIT, MAX_LIMIT } from './params';

const ref = (name: string) => ({ $ref: `#/components/${name}` });
const json = (schema: object, type = 'application/json') => ({ [type]: { schema } });
const html = { 'text/html': { schema: { type: 'string' } } };
const errors = {
  '400': {
    description: 'A parameter is invalid; the body names it.',
    content: json(ref('schemas/exception')),
  },
  '404': { description: 'No such collection or feature.', content: json(ref('schemas/exception')) },
};
const ok = (description: string, schema: object, type = 'application/json') => ({
  '200': { description, content: { ...json(schema, type), ...html } },
  '304': { description: 'Not modified: the ETag given in If-None-Match still holds.' },
  ...errors,
});

/** A path's GET operation: its parameters by name (see `components.parameters`) and its 200 response. */
const get = (
  summary: string,
  operationId: string,
  parameters: string[],
  response: [description: string, schema: object, type?: string],
) => ({
  get: {
    summary,
    operationId,
    parameters: parameters.map((p) => ref(`parameters/${p}`)),
    responses: ok(...response),
  },
});

/** An optional query parameter; `form` ones are comma-separated lists or values (`style: form`, unexploded). */
const query = (name: string, schema: object, o: { description?: string; form?: boolean } = {}) => ({
  name,
  in: 'query',
  required: false,
  ...(o.form && { style: 'form', explode: false }),
  ...(o.description !== undefined && { description: o.description }),
  schema,
});

const str = { type: 'string' };
const link = {
  type: 'object',
  required: ['href', 'rel'],
  properties: { href: str, rel: str, type: str, title: str },
};
const links = { type: 'array', items: link };

/**
 * The OpenAPI 3.0 definition of the service (conformance class "OpenAPI 3.0"): every path, its parameters
 * (with `limit`'s default and maximum, which clients such as GDAL read to size their pages) and responses.
 */
export function openApiDocument(base: string, title: string, collectionIds: string[]) {
  return {
    openapi: '3.0.3',
    info: {
      title: `${title}: OGC API – Features`,
      version: '1.0.0',
      description:
        'Public records of the situation (never restricted or confidential ones), as GeoJSON or HTML.',
    },
    servers: [{ url: base }],
    paths: {
      '/': get(
        'Landing page',
        'getLandingPage',
        ['f'],
        ['Links to the API definition, conformance and collections.', ref('schemas/landingPage')],
      ),
      '/conformance': get(
        'Conformance classes implemented',
        'getConformance',
        ['f'],
        ['The conformance classes.', ref('schemas/conformance')],
      ),
      '/api': get(
        'This API definition',
        'getApi',
        ['f'],
        ['The OpenAPI document.', { type: 'object' }, 'application/vnd.oai.openapi+json;version=3.0'],
      ),
      '/collections': get(
        'The collections (one per layer)',
        'getCollections',
        ['f'],
        ['The collections.', ref('schemas/collections')],
      ),
      '/collections/{collectionId}': get(
        'One collection',
        'describeCollection',
        ['collectionId', 'f'],
        ['The collection, with its extent.', ref('schemas/collection')],
      ),
      '/collections/{collectionId}/items': get(
        'Features of a collection',
        'getFeatures',
        ['collectionId', 'bbox', 'datetime', 'limit', 'offset', 'f'],
        [
          'A page of features, with next/prev links and counts.',
          ref('schemas/featureCollection'),
          'application/geo+json',
        ],
      ),
      '/collections/{collectionId}/items/{featureId}': get(
        'One feature',
        'getFeature',
        ['collectionId', 'featureId', 'f'],
        ['The feature.', ref('schemas/feature'), 'application/geo+json'],
      ),
    },
    components: {
      parameters: {
        f: query('f', { type: 'string', enum: ['json', 'html'] }, { description: 'Response format.' }),
        collectionId: {
          name: 'collectionId',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: collectionIds },
        },
        featureId: { name: 'featureId', in: 'path', required: true, schema: str },
        bbox: query(
          'bbox',
          { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
          {
            form: true,
            description:
              'west,south,east,north in WGS 84 longitude/latitude (CRS84); west > east crosses the antimeridian.',
          },
        ),
        datetime: query('datetime', str, {
          form: true,
          description:
            'An RFC 3339 date-time or date, or an interval start/end with ".." for an open end. Features whose validity (or incident date) meets it are returned.',
        }),
        limit: query(
          'limit',
          { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
          { form: true },
        ),
        offset: query(
          'offset',
          { type: 'integer', minimum: 0, default: 0 },
          { description: 'Features to skip (the paging of the next and prev links).' },
        ),
      },
      schemas: {
        link,
        exception: {
          type: 'object',
          required: ['code'],
          properties: { code: str, description: str, parameter: str },
        },
        landingPage: {
          type: 'object',
          required: ['links'],
          properties: { title: str, description: str, links },
        },
        conformance: {
          type: 'object',
          required: ['conformsTo'],
          properties: { conformsTo: { type: 'array', items: str } },
        },
        collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: str,
            title: str,
            description: str,
            itemType: str,
            crs: { type: 'array', items: str },
            extent: { type: 'object' },
            links,
          },
        },
        collections: {
          type: 'object',
          required: ['links', 'collections'],
          properties: { links, collections: { type: 'array', items: ref('schemas/collection') } },
        },
        feature: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: str,
            geometry: { type: 'object', nullable: true },
            properties: { type: 'object', nullable: true },
            links,
          },
        },
        featureCollection: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: ref('schemas/feature') },
            links,
            timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  };
}
