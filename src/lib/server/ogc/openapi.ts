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

/**
 * The OpenAPI 3.0 definition of the service (conformance class "OpenAPI 3.0"): every path, its parameters
 * (with `limit`'s default and maximum, which clients such as GDAL read to size their pages) and responses.
 */
export function openApiDocument(base: string, title: string, collectionIds: string[]) {
  const link = {
    type: 'object',
    required: ['href', 'rel'],
    properties: {
      href: { type: 'string' },
      rel: { type: 'string' },
      type: { type: 'string' },
      title: { type: 'string' },
    },
  };
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
      '/': {
        get: {
          summary: 'Landing page',
          operationId: 'getLandingPage',
          parameters: [ref('parameters/f')],
          responses: ok(
            'Links to the API definition, conformance and collections.',
            ref('schemas/landingPage'),
          ),
        },
      },
      '/conformance': {
        get: {
          summary: 'Conformance classes implemented',
          operationId: 'getConformance',
          parameters: [ref('parameters/f')],
          responses: ok('The conformance classes.', ref('schemas/conformance')),
        },
      },
      '/api': {
        get: {
          summary: 'This API definition',
          operationId: 'getApi',
          parameters: [ref('parameters/f')],
          responses: ok(
            'The OpenAPI document.',
            { type: 'object' },
            'application/vnd.oai.openapi+json;version=3.0',
          ),
        },
      },
      '/collections': {
        get: {
          summary: 'The collections (one per layer)',
          operationId: 'getCollections',
          parameters: [ref('parameters/f')],
          responses: ok('The collections.', ref('schemas/collections')),
        },
      },
      '/collections/{collectionId}': {
        get: {
          summary: 'One collection',
          operationId: 'describeCollection',
          parameters: [ref('parameters/collectionId'), ref('parameters/f')],
          responses: ok('The collection, with its extent.', ref('schemas/collection')),
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features of a collection',
          operationId: 'getFeatures',
          parameters: ['collectionId', 'bbox', 'datetime', 'limit', 'offset', 'f'].map((p) =>
            ref(`parameters/${p}`),
          ),
          responses: ok(
            'A page of features, with next/prev links and counts.',
            ref('schemas/featureCollection'),
            'application/geo+json',
          ),
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          operationId: 'getFeature',
          parameters: [ref('parameters/collectionId'), ref('parameters/featureId'), ref('parameters/f')],
          responses: ok('The feature.', ref('schemas/feature'), 'application/geo+json'),
        },
      },
    },
    components: {
      parameters: {
        f: {
          name: 'f',
          in: 'query',
          required: false,
          description: 'Response format.',
          schema: { type: 'string', enum: ['json', 'html'] },
        },
        collectionId: {
          name: 'collectionId',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: collectionIds },
        },
        featureId: { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          style: 'form',
          explode: false,
          description:
            'west,south,east,north in WGS 84 longitude/latitude (CRS84); west > east crosses the antimeridian.',
          schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
        },
        datetime: {
          name: 'datetime',
          in: 'query',
          required: false,
          style: 'form',
          explode: false,
          description:
            'An RFC 3339 date-time or date, or an interval start/end with ".." for an open end. Features whose validity (or incident date) meets it are returned.',
          schema: { type: 'string' },
        },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          style: 'form',
          explode: false,
          schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
        },
        offset: {
          name: 'offset',
          in: 'query',
          required: false,
          description: 'Features to skip (the paging of the next and prev links).',
          schema: { type: 'integer', minimum: 0, default: 0 },
        },
      },
      schemas: {
        link,
        exception: {
          type: 'object',
          required: ['code'],
          properties: {
            code: { type: 'string' },
            description: { type: 'string' },
            parameter: { type: 'string' },
          },
        },
        landingPage: {
          type: 'object',
          required: ['links'],
          properties: {
            title: { type: 'string' },
            description: { type: 'string' },
            links: { type: 'array', items: link },
          },
        },
        conformance: {
          type: 'object',
          required: ['conformsTo'],
          properties: { conformsTo: { type: 'array', items: { type: 'string' } } },
        },
        collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            itemType: { type: 'string' },
            crs: { type: 'array', items: { type: 'string' } },
            extent: { type: 'object' },
            links: { type: 'array', items: link },
          },
        },
        collections: {
          type: 'object',
          required: ['links', 'collections'],
          properties: {
            links: { type: 'array', items: link },
            collections: { type: 'array', items: ref('schemas/collection') },
          },
        },
        feature: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: { type: 'string' },
            geometry: { type: 'object', nullable: true },
            properties: { type: 'object', nullable: true },
            links: { type: 'array', items: link },
          },
        },
        featureCollection: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: ref('schemas/feature') },
            links: { type: 'array', items: link },
            timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  };
}
