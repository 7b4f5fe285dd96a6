// `/compare` and its downloads against a real database seeded with the default scenario: PGlite and, with
// TEST_DATABASE_URL (scripts/with-postgres.sh), PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '$lib/server/services';
import { engines, startTestServices } from './helpers/testServices';

const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

async function download(format: string, query: string, headers: Record<string, string> = {}) {
  const { GET } = (await import('../../src/routes/compare/export.[format]/+server')) as unknown as {
    GET: (e: unknown) => Promise<Response>;
  };
  const url = new URL(`http://localhost/compare/export.${format}${query}`);
  return GET({ request: new Request(url, { headers }), url, params: { format }, locals: { viewer: null } });
}

async function page(query: string) {
  const { load } = await import('../../src/routes/compare/+page.server');
  const url = new URL(`http://localhost/compare${query}`);
  return (await (load as (e: unknown) => Promise<unknown>)({ url, locals: { viewer: null } })) as {
    from: string;
    to: string;
    comparison: { crossings: { id: string; change: string }[]; totals: unknown } | null;
    sources: { id: string; source: string }[];
    problem: { parameter: string; message: string } | null;
  };
}

describe.each(engines)('comparing two dates on $name', ({ url }) => {
  let services: Services;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ services, stop } = await startTestServices(url, 'compare'));
    routeServices.current = services;
  }, 120_000);
  afterAll(() => stop?.());

  describe('/compare/export.json and .csv', () => {
    it('serves the comparison with a strong ETag, and 304 when it matches', async () => {
      const r = await download('json', '?from=2024-03-01&to=2024-08-20');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-disposition')).toBe(
        'attachment; filename="sudan-darfur-2023-2025-compare-2024-03-01-2024-08-20.json"',
      );
      const etag = r.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const c = await r.json();
      expect(c.crossings.find((x: { id: string }) => x.id === 'td_adre_crossing').change).toBe('opened');
      const again = await download('json', '?from=2024-03-01&to=2024-08-20', { 'if-none-match': etag! });
      expect(again.status).toBe(304);
      // Another pair of dates is another resource.
      const other = await download('json', '?from=2024-03-01&to=2024-08-21');
      expect(other.headers.get('etag')).not.toBe(etag);
    });

    it('serves the CSV table with its HXL row', async () => {
      const r = await download('csv', '?from=2024-03-01&to=2024-08-20');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
      const bytes = new Uint8Array(await r.arrayBuffer());
      // A byte order mark first, so spreadsheets read the names as UTF-8.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).split('\r\n');
      expect(lines[0]).toMatch(/^subject,id,name,change,before,after,difference/);
      expect(
        lines.some((l) => l.startsWith('crossing,td_adre_crossing,') && l.includes(',opened,closed,open,')),
      ).toBe(true);
    });

    it.each([
      ['?from=2024-08-20&to=2024-03-01', 'to', /before the first date 2024-08-20/],
      ['?from=2024-3-1&to=2024-08-20', 'from', /must be a date written YYYY-MM-DD/],
      [
        '?from=2020-01-01&to=2024-08-20',
        'from',
        /outside the scenario's time range \(2023-04-15 to 2025-12-31\)/,
      ],
      ['?from=2024-03-01&to=2024-08-20&asof=2024-01-01', 'asof', /is not a parameter of this resource/],
      ['?from=2024-03-01&to=2024-08-20&frontlineBufferKm=x', 'frontlineBufferKm', /must be a number/],
    ])('%s is answered 400 naming %s', async (query, parameter, message) => {
      const r = await download('json', query);
      expect(r.status).toBe(400);
      const body = await r.json();
      expect(body.parameter).toBe(parameter);
      expect(body.description).toMatch(message);
    });

    it('refuses a format it does not serve, a name every object inherits included', async () => {
      const xml = await download('xml', '?from=2024-03-01&to=2024-08-20');
      expect(xml.status).toBe(404);
      expect((await xml.json()).description).toBe('the comparison exports as json or csv, not "xml"');
      // `in` took it for a format and answered 200 with no content type.
      expect((await download('toString', '?from=2024-03-01&to=2024-08-20')).status).toBe(404);
    });
  });

  describe('/compare', () => {
    it('loads the comparison with its sources, and the dated entry behind Adré', async () => {
      const d = await page('?from=2024-03-01&to=2024-08-20');
      expect(d.problem).toBeNull();
      expect(d.comparison?.crossings.map((x) => [x.id, x.change])).toContainEqual([
        'td_adre_crossing',
        'opened',
      ]);
      expect(d.sources.find((s) => s.id === 'td_adre_crossing')?.source).toContain('Xinhua');
    });

    it('opens on the default date and about three months before it when the link gives no dates', async () => {
      const d = await page('');
      expect([d.from, d.to]).toEqual(['2025-08-05', '2025-11-04']);
      expect(d.comparison).not.toBeNull();
    });

    it('explains a bad date instead of comparing', async () => {
      const d = await page('?from=2024-08-20&to=2024-03-01');
      expect(d.comparison).toBeNull();
      expect(d.problem?.parameter).toBe('to');
      expect(d.problem?.message).toBe(
        '2024-03-01 is before the first date 2024-08-20: give the earlier date as from, the later as to',
      );
      expect([d.from, d.to]).toEqual(['2024-08-20', '2024-03-01']);
    });
  });
});
