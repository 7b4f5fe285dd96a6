// Caching headers as the production server (`scripts/server.js` in front of the built app) sends them on a
// real port: the static files that are not content-hashed get a day's Cache-Control, the hashed ones stay
// immutable, the app's version file is not cached; a map data revalidation is a 304 with the 200's headers;
// vector tiles are compressed as the JSON answers are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from '../helpers/builtServer';

let server: BuiltServer;
beforeAll(async () => {
  server = await startBuiltServer();
}, 600_000);
afterAll(() => server?.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { headers });

describe('static files', () => {
  it('not content-hashed (fonts, icon) are cached a day, then revalidated', async () => {
    for (const path of ['/fonts/NotoSans-Regular.woff2', '/favicon.svg']) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe('public, max-age=86400, must-revalidate');
      // Revalidated after the day with the file's tag.
      const again = await get(path, { 'if-none-match': r.headers.get('etag')! });
      expect(again.status, path).toBe(304);
    }
  });

  it('hashed by the build stay immutable, and the version file the app polls is not cached', async () => {
    const html = await (await get('/')).text();
    const asset = /\/_app\/immutable\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    expect((await get(asset!)).headers.get('cache-control')).toBe('public,max-age=31536000,immutable');
    const version = await get('/_app/version.json');
    expect(version.status).toBe(200);
    expect(version.headers.get('cache-control')).toBeNull();
  });

  it('leave dynamic answers alone', async () => {
    expect((await get('/map/meta.json')).headers.get('cache-control')).toBe(
      'public, max-age=60, must-revalidate',
    );
    expect((await get('/fonts/none.woff2')).headers.get('cache-control') ?? '').not.toContain('86400');
  });
});

describe('a map data revalidation on the real server', () => {
  it('is a 304 whose headers are those of the 200 but the body and its description', async () => {
    for (const path of ['/map/meta.json', '/map/verdicts.json?date=2024-08-15', '/tiles/roads/6/37/29.mvt']) {
      const full = await get(path, { 'accept-encoding': 'identity' });
      expect(full.status, path).toBe(200);
      await full.arrayBuffer();
      const again = await get(path, { 'if-none-match': full.headers.get('etag')! });
      expect(again.status, path).toBe(304);
      const headers = (r: Response) =>
        [...r.headers]
          .filter(
            ([h]) =>
              !['date', 'content-type', 'content-length', 'transfer-encoding', 'x-tiles-made-by'].includes(h),
          )
          .sort();
      expect(headers(again), path).toEqual(headers(full));
    }
  });

  it('sends a vector tile compressed when asked, the same tile once decoded, and revalidates that form', async () => {
    const path = '/tiles/roads/6/37/29.mvt';
    const plain = await get(path, { 'accept-encoding': 'identity' });
    const br = await get(path, { 'accept-encoding': 'br' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    // fetch decodes the body: the same protobuf bytes as the plain answer.
    expect(Buffer.from(await br.arrayBuffer())).toEqual(Buffer.from(await plain.arrayBuffer()));
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! });
    expect(again.status).toBe(304);
  });
});
