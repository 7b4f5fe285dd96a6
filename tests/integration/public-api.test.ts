// The public access API (issue 11): verdicts by date as JSON and CSV, validated against its own OpenAPI
// document, with ETags, 304s, CORS and problem details naming the wrong parameter. Public-only behaviour is
// in public-surfaces.test.ts and public-leaks.test.ts.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { readEnv } from '$lib/server/env';
import { startServices, type Services } from '$lib/server/services';

let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));
beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
});
afterAll(() => services.database.close());

const ORIGIN = 'http://api.test';
type Handler = (e: unknown) => Promise<Response>;

/** Calls the route of `path` as SvelteKit would (`/api/v1/<resource>` → its +server.ts). */
async function call(path: string, init: RequestInit & { method?: string } = {}, viewer: unknown = null) {
  const url = new URL(path, ORIGIN);
  const resource = url.pathname.replace('/api/v1/', '');
  const mod = (await import(/* @vite-ignore */ `../../src/routes/api/v1/${resource}/+server.ts`)) as Record<
    string,
    Handler
  >;
  return mod[init.method ?? 'GET']({ request: new Request(url, init), url, params: {}, locals: { viewer } });
}

interface OpenApiDoc {
  paths: Record<
    string,
    { get: { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> } }
  >;
  components: { schemas: Record<string, object> };
}
let doc: OpenApiDoc;
const ajv = new Ajv2020({ allErrors: true, strict: true });

/** Validates `body` against the schema the OpenAPI document gives for a 200 JSON answer of `resource`. */
function expectValid(resource: string, body: unknown) {
  const ref = doc.paths[`/${resource}`].get.responses['200'].content!['application/json'].schema.$ref;
  const schema = doc.components.schemas[ref.split('/').pop()!];
  const validate = ajv.compile(schema);
  const ok = validate(body);
  expect(validate.errors ?? [], `${resource} answer against ${ref}`).toEqual([]);
  expect(ok).toBe(true);
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document describing every resource', async () => {
    const r = await call('/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/vnd.oai.openapi+json');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    doc = (await r.json()) as OpenApiDoc;
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/corridors', '/crossings', '/series', '/sites', '/totals', '/verdicts'].sort(),
    );
    expect((doc as unknown as { servers: { url: string }[] }).servers[0].url).toBe(`${ORIGIN}/api/v1`);
    // The schemas are strict enough to catch a wrong answer: a missing figure, an unknown status.
    const totals = ajv.compile(doc.components.schemas.Totals);
    expect(totals({ date: '2024-08-20', scenario: 's', totals: { peopleCutOff: 1 } })).toBe(false);
    const crossings = ajv.compile(doc.components.schemas.Crossings);
    const crossing = {
      id: 'x',
      name: 'X',
      kind: 'international',
      countries: [],
      actorIds: [],
      since: '2024-01-01',
      source: 's',
      note: null,
    };
    expect(
      crossings({ date: '2024-08-20', scenario: 's', crossings: [{ ...crossing, status: 'open' }] }),
    ).toBe(true);
    expect(
      crossings({ date: '2024-08-20', scenario: 's', crossings: [{ ...crossing, status: 'ajar' }] }),
    ).toBe(false);
  });
});

describe('the resources', () => {
  const analyzer = () => services.store.analyzerFor(null).then((a) => a);

  it.each(['verdicts', 'corridors', 'sites', 'crossings', 'totals'])(
    '/api/v1/%s answers JSON its OpenAPI schema accepts, for the date asked',
    async (resource) => {
      const r = await call(`/api/v1/${resource}?date=2024-08-20`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
      expect(r.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await r.json()) as { date: string };
      expect(body.date).toBe('2024-08-20');
      expectValid(resource, body);
    },
  );

  it('gives the verdicts of the analysis: Adré open since 2024-08-15, its corridor and the totals', async () => {
    const body = (await (await call('/api/v1/verdicts?date=2024-08-20')).json()) as {
      corridors: { id: string; status: string; reasons: { code: string; featureId: string }[] }[];
      sites: { id: string; access: string; flags: string[] }[];
      crossings: { id: string; status: string; since: string }[];
      totals: Record<string, number>;
    };
    const report = createAnalyzer((await analyzer()).situation).analyze('2024-08-20');
    expect(body.totals).toEqual(report.totals);
    expect(body.crossings.find((c) => c.id === 'td_adre_crossing')).toMatchObject({
      status: 'open',
      since: '2024-08-15',
    });
    for (const c of report.corridors)
      expect(body.corridors.find((x) => x.id === c.id)?.status, c.id).toBe(c.status);
    const zamzam = report.sites.find((s) => s.id === 'sd_zamzam')!;
    expect(body.sites.find((s) => s.id === 'sd_zamzam')).toMatchObject({
      access: zamzam.access,
      flags: zamzam.flags,
    });
    // Before the reopening, Adré is closed on the same API.
    const march = (await (await call('/api/v1/crossings?date=2024-03-01')).json()) as typeof body;
    expect(march.crossings.find((c) => c.id === 'td_adre_crossing')).toMatchObject({
      status: 'closed',
      since: '2024-02-01',
    });
  });

  it('defaults the date to the scenario default', async () => {
    const body = (await (await call('/api/v1/totals')).json()) as { date: string };
    expect(body.date).toBe((await analyzer()).situation.scenario.defaultAsOf);
  });

  it('/api/v1/series gives the points with the events behind each jump', async () => {
    const r = await call('/api/v1/series?from=2024-08-01&to=2024-08-29&step=7d');
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      points: { date: string; peopleCutOff: number; annotations: { text: string }[] }[];
    };
    expectValid('series', body);
    expect(body.points.map((p) => p.date)).toEqual([
      '2024-08-01',
      '2024-08-08',
      '2024-08-15',
      '2024-08-22',
      '2024-08-29',
    ]);
    expect(body.points[2].peopleCutOff).toBeLessThan(body.points[1].peopleCutOff);
    expect(body.points[2].annotations.map((a) => a.text)).toEqual(['Adré – El Geneina crossing reopened']);
  });

  it('serves CSV with an HXL row for every resource', async () => {
    const expected: Record<string, RegExp> = {
      verdicts: /^type,id,name,verdict,detail,reasons\r\n#meta\+type,.*\r\ncorridor,/,
      corridors: /^id,name,status,lengthKm,blockedKm,atRiskKm,/,
      sites: /^id,name,kind,country,hub,status,statusSince,access,flags,/,
      crossings: /^id,name,kind,countries,actorIds,status,since,source,note\r\n#loc\+code,/,
      totals: /^date,peopleCutOff,peopleBesieged,.*\r\n#date,.*\r\n2024-08-20,\d+,/,
      series: /^date,peopleCutOff,.*,events\r\n#date,/,
    };
    for (const [resource, pattern] of Object.entries(expected)) {
      const query = resource === 'series' ? 'from=2024-08-01&to=2024-08-20' : 'date=2024-08-20';
      const r = await call(`/api/v1/${resource}?${query}&format=csv`);
      expect(r.status, resource).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
      expect((await r.text()).replace(/^\uFEFF/, '')).toMatch(pattern);
    }
  });
});

describe('caching', () => {
  it('answers a matching If-None-Match with 304 and no body, and tags each date and format apart', async () => {
    const first = await call('/api/v1/verdicts?date=2024-08-20');
    const etag = first.headers.get('etag')!;
    const again = await call('/api/v1/verdicts?date=2024-08-20', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    // The same request written otherwise (the default format spelled out) has the same tag.
    expect((await call('/api/v1/verdicts?format=json&date=2024-08-20')).headers.get('etag')).toBe(etag);
    const others = await Promise.all([
      call('/api/v1/verdicts?date=2024-08-21'),
      call('/api/v1/verdicts?date=2024-08-20&format=csv'),
      call('/api/v1/corridors?date=2024-08-20'),
    ]);
    const tags = new Set([etag, ...others.map((r) => r.headers.get('etag'))]);
    expect(tags.size).toBe(4);
    const stale = await call('/api/v1/verdicts?date=2024-08-21', { headers: { 'if-none-match': etag } });
    expect(stale.status).toBe(200);
  });

  it('answers a CORS preflight for scripts that send If-None-Match', async () => {
    const r = await call('/api/v1/sites', { method: 'OPTIONS' });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });
});

describe('wrong parameters', () => {
  it.each([
    ['/api/v1/verdicts?date=2024-02-30', 'date', 'is not a real calendar date'],
    ['/api/v1/sites?date=20-08-2024', 'date', 'must be a date written YYYY-MM-DD'],
    ['/api/v1/corridors?format=xml', 'format', 'must be json or csv, not "xml"'],
    ['/api/v1/totals?asOf=2024-08-20', 'asOf', 'is not a parameter of this resource'],
    ['/api/v1/series?from=2024-09-01&to=2024-08-01', 'to', '2024-08-01 is before from (2024-09-01)'],
    ['/api/v1/series?step=weekly', 'step', 'must be a number of days or weeks'],
    ['/api/v1/series?from=2023-01-01&to=2025-12-31&step=1d', 'step', 'at most 400'],
    ['/api/v1/series?date=2024-08-20', 'date', 'is not a parameter of this resource'],
  ])('%s is refused with 400 problem details naming %s', async (path, parameter, words) => {
    const r = await call(path);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 400, title: 'Bad Request', parameter });
    expect(body.detail).toContain(words);
    expect(body.detail).toContain(`parameter "${parameter}"`);
  });
});

describe('discovery', () => {
  it("the OGC API's landing page links the access API's definition", async () => {
    const { GET } = (await import('../../src/routes/ogc/+server')) as unknown as { GET: Handler };
    const url = new URL('/ogc?f=json', ORIGIN);
    const landing = (await (
      await GET({ request: new Request(url), url, params: {}, locals: { viewer: null } })
    ).json()) as {
      links: { rel: string; href: string }[];
    };
    const link = landing.links.find((l) => l.href.endsWith('/api/v1/openapi.json'));
    expect(link).toMatchObject({ rel: 'related', href: `${ORIGIN}/api/v1/openapi.json` });
    expect((await call(new URL(link!.href).pathname)).status).toBe(200);
  });
});
