import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedResponse, matchingTag } from '$lib/server/http/cache';
import { coalesce, sharedRuns } from '$lib/server/http/coalesce';
import { compressResponse, negotiateEncoding } from '$lib/server/http/compress';
import { finishResponse, isLanguageFree, publicTrpcRead } from '$lib/server/http/httpPolicy';

const body = JSON.stringify({
  features: Array.from({ length: 200 }, (_, i) => ({ id: `f${i}`, name: 'Zamzam' })),
});
const get = (headers: Record<string, string> = {}, path = '/x') =>
  new Request(`http://127.0.0.1${path}`, { headers });
const json = (headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'content-type': 'application/geo+json', ...headers } });
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('compression', () => {
  it('picks the coding from Accept-Encoding by q-value', () => {
    expect(negotiateEncoding(null)).toBeNull();
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBeNull();
    expect(negotiateEncoding('*')).toBe('br');
  });

  it('gzips a JSON body for a client that accepts gzip; it decodes to the same bytes', async () => {
    const r = await compressResponse(get({ 'accept-encoding': 'gzip' }), json());
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('vary')).toBe('Accept-Encoding');
    const raw = await bytes(r);
    expect(Number(r.headers.get('content-length'))).toBe(raw.byteLength);
    expect(raw.byteLength).toBeLessThan(body.length / 5);
    expect(gunzipSync(raw).toString()).toBe(body);
  });

  it('brotli-compresses when preferred, and gives the compressed form its own strong ETag', async () => {
    const r = await compressResponse(get({ 'accept-encoding': 'br, gzip' }), json({ etag: '"abc"' }));
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(r.headers.get('etag')).toBe('"abc-br"');
    expect(brotliDecompressSync(await bytes(r)).toString()).toBe(body);
    // The same body again comes from the cache of compressed bodies, byte for byte.
    const again = await compressResponse(get({ 'accept-encoding': 'br' }), json({ etag: '"abc"' }));
    expect(brotliDecompressSync(await bytes(again)).toString()).toBe(body);
  });

  it("sends a public read's body compressed already as it is given, under the compressed form's tag", async () => {
    // Brotli at its highest quality: other bytes than the compression here (quality 5) would give.
    const given = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    const build = () => ({ body, headers: { 'content-type': 'application/json' }, encoded: { br: given } });
    const accepts = get({ 'accept-encoding': 'br' });
    const r = await compressResponse(
      accepts,
      await cachedResponse(accepts, { etag: '"pre"', policy: 'public', build }),
    );
    expect(r.headers.get('etag')).toBe('"pre-br"');
    expect((await bytes(r)).equals(given)).toBe(true);
    // A private answer has no tag to keep it under: compressed here.
    const priv = await compressResponse(
      accepts,
      await cachedResponse(accepts, { etag: '', policy: 'private', build }),
    );
    const sent = await bytes(priv);
    expect(sent.equals(given)).toBe(false);
    expect(brotliDecompressSync(sent).toString()).toBe(body);
  });

  it('leaves alone: clients that accept nothing, images, bodies already encoded, 304s', async () => {
    const plain = await compressResponse(get(), json());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(body);
    const png = await compressResponse(
      get({ 'accept-encoding': 'gzip' }),
      new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } }),
    );
    expect(png.headers.get('content-encoding')).toBeNull();
    const encoded = new Response('x', {
      headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
    });
    expect(await compressResponse(get({ 'accept-encoding': 'br' }), encoded)).toBe(encoded);
    const notModified = new Response(null, { status: 304, headers: { etag: '"abc"' } });
    const r = await compressResponse(get({ 'accept-encoding': 'gzip' }), notModified);
    expect(r.status).toBe(304);
    expect(r.body).toBeNull();
  });
});

describe('ETags and 304', () => {
  it('matches If-None-Match by weak comparison, lists, * and the compressed forms', () => {
    expect(matchingTag('"abc"', '"abc"')).toBe('"abc"');
    expect(matchingTag('W/"abc"', '"abc"')).toBe('W/"abc"');
    expect(matchingTag('"x", "abc-gzip"', '"abc"')).toBe('"abc-gzip"');
    expect(matchingTag('*', '"abc"')).toBe('"abc"');
    expect(matchingTag('"abcd"', '"abc"')).toBeNull();
    expect(matchingTag(null, '"abc"')).toBeNull();
  });

  it('gives a public read its ETag and policy, and a 304 without building the body again', async () => {
    let built = 0;
    const build = () => {
      built++;
      return { body, headers: { 'content-type': 'application/json' } };
    };
    const first = await cachedResponse(get(), { etag: '"v1"', policy: 'public', build });
    expect(first.headers.get('etag')).toBe('"v1"');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    const hit = await cachedResponse(get({ 'if-none-match': '"v1"' }), {
      etag: '"v1"',
      policy: 'public',
      build,
    });
    expect(hit.status).toBe(304);
    expect(hit.body).toBeNull();
    expect(built).toBe(1);
    const priv = await cachedResponse(get({ 'if-none-match': '"v1"' }), {
      etag: '"v1"',
      policy: 'private',
      build,
    });
    expect(priv.status).toBe(200);
    expect(priv.headers.get('cache-control')).toBe('private, no-store');
    expect(priv.headers.get('etag')).toBeNull();
  });
});

describe('the response policy of every request (hooks.server.ts)', () => {
  const trpc = '/api/trpc/situation.get';
  const editor = { id: 1, email: 'e@example.org', role: 'editor' as const };
  const finish = (req: Request, viewer: typeof editor | null, res: Response) =>
    finishResponse(req, new URL(req.url), viewer, res);

  // As the tRPC route and the hook chain them: `publicTrpcRead` tags the read before any work, then
  // `finishResponse` compresses it.
  let built = 0;
  const situation = { sites: [{ id: 'sd_zamzam' }] };
  const read = async (req: Request, s: object = situation) =>
    finish(
      req,
      null,
      await publicTrpcRead(req, new URL(req.url), s, async () => {
        built++;
        return json();
      }),
    );

  it('an anonymous situation or analysis read gets a strong ETag, the public policy, Vary: Cookie, and its 304 before any work', async () => {
    const r = await read(get({}, trpc));
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(r.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(r.headers.get('vary')).toContain('Cookie');
    expect(await r.text()).toBe(body);
    const before = built;
    const hit = await read(get({ 'if-none-match': etag }, trpc));
    expect(hit.status).toBe(304);
    expect(hit.body).toBeNull();
    expect(built).toBe(before); // nothing was built for the 304
    // Another request, or other public content, has another tag.
    const batch = await read(get({}, '/api/trpc/situation.get,analysis.run?batch=1'));
    expect(batch.headers.get('etag')).not.toBe(etag);
    const changed = await read(get({}, trpc), { sites: [{ id: 'sd_tawila' }] });
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await read(get({ 'if-none-match': etag }, trpc), { sites: [] })).status).toBe(200);
  });

  it('an error is not tagged', async () => {
    const req = get({}, '/api/trpc/analysis.run?input=%7B%7D');
    const bad = await publicTrpcRead(
      req,
      new URL(req.url),
      situation,
      async () => new Response('{"error":{}}', { status: 400 }),
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('etag')).toBeNull();
    expect(bad.headers.get('cache-control')).toBeNull();
  });

  it('gzips it for a client that accepts gzip, under a tag that still revalidates', async () => {
    const r = await read(get({ 'accept-encoding': 'gzip' }, trpc));
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(r)).toString()).toBe(body);
    const before = built;
    const again = await read(get({ 'if-none-match': r.headers.get('etag')! }, trpc));
    expect(again.status).toBe(304);
    expect(built).toBe(before);
  });

  it('anything answered to a signed-in viewer is private, no-store; a route’s own policy is kept', async () => {
    const staff = await finish(get({ 'if-none-match': '"whatever"' }, trpc), editor, json());
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(staff.headers.get('etag')).toBeNull();
    const page = await finish(
      get({}, '/data'),
      editor,
      new Response('<p>x</p>', { headers: { 'content-type': 'text/html' } }),
    );
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const ogc = await finish(
      get({}, '/ogc'),
      editor,
      json({ 'cache-control': 'public, max-age=60, must-revalidate' }),
    );
    expect(ogc.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    // Writes are not public reads.
    const write = await finish(
      new Request('http://127.0.0.1/api/trpc/features.create', { method: 'POST' }),
      null,
      json(),
    );
    expect(write.headers.get('etag')).toBeNull();
    const staffOnly = await finish(get({}, '/api/trpc/features.get'), null, json());
    expect(staffOnly.headers.get('etag')).toBeNull();
  });
});

describe('paths answered without a language (hooks.server.ts)', () => {
  it("are the tiled map's four data endpoints, and no page", () => {
    for (const p of [
      '/tiles/roads/6/41/29.mvt',
      '/map/meta.json',
      '/map/verdicts.json',
      '/map/features/sd_el_fasher',
    ])
      expect(isLanguageFree(p), p).toBe(true);
    // Pages (an error page too) are written in the request's language.
    for (const p of [
      '/',
      '/map',
      '/map/',
      '/map/other',
      '/map/features/a/b',
      '/tiles/roads/6/41.mvt',
      '/tiles/roads/6/41/29.png',
      '/embed',
      '/api/trpc/situation.get',
      '/ogc/collections',
    ])
      expect(isLanguageFree(p), p).toBe(false);
  });
});

describe('coalesced reads', () => {
  it('shares runs between overlapping calls, but never answers a call from a run that started before it', async () => {
    let version = 0;
    let runs = 0;
    const read = coalesce(async () => {
      runs++;
      const seen = version;
      await new Promise((r) => setTimeout(r, 5));
      return seen;
    });
    const first = read();
    version = 1; // a write lands after the first call, while its run is in flight
    const later = [read(), read(), read()];
    expect(await first).toBe(0);
    // The later calls all see the write: they joined one new run, started after they were made.
    expect(await Promise.all(later)).toEqual([1, 1, 1]);
    expect(runs).toBe(2);
    // A failed run fails its callers only; the next call reads again.
    const failing = coalesce(async () => {
      runs++;
      if (runs === 3) throw new Error('database away');
      return 'ok';
    });
    await expect(failing()).rejects.toThrow('database away');
    expect(await failing()).toBe('ok');
  });

  it('shares one run per key between concurrent calls; a failed run is not kept', async () => {
    const shared = sharedRuns<string, string>();
    let runs = 0;
    const work = (answer: string) => async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      if (answer === 'fail') throw new Error('analysis refused');
      return answer;
    };
    const same = await Promise.all([shared('a', work('x')), shared('a', work('y')), shared('b', work('z'))]);
    expect(same).toEqual(['x', 'x', 'z']);
    expect(runs).toBe(2);
    // Once settled, the key runs again (the cache in front of it is what keeps results).
    expect(await shared('a', work('w'))).toBe('w');
    await expect(shared('c', work('fail'))).rejects.toThrow('analysis refused');
    expect(await shared('c', work('ok'))).toBe('ok');
    expect(runs).toBe(5);
  });
});
