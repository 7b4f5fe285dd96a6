import { describe, expect, it } from 'vitest';
import { finishResponse } from '$lib/server/http/httpPolicy';
import { FRAMEABLE_PATH_PREFIX } from '$lib/server/http/securityHeaders';

const PAGE_POLICY = "default-src 'self'; script-src 'self' 'nonce-abc'";

/** What the hook sends for `path` (http or https), answered with `response`. */
async function finished(path: string, response = new Response('{}'), origin = 'http://127.0.0.1') {
  const url = new URL(path, origin);
  return finishResponse(new Request(url), url, null, response);
}
const policy = (r: Response) => r.headers.get('content-security-policy') ?? '';

describe('security headers', () => {
  it('every response says nosniff and a referrer policy that sends no path to other sites', async () => {
    for (const path of ['/', '/ogc/collections', '/feed.atom', '/api/trpc/situation.get', '/nowhere']) {
      const r = await finished(path);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it("a page keeps SvelteKit's policy (its nonce) and may be framed only by the app itself", async () => {
    const r = await finished(
      '/data',
      new Response('<p>', { headers: { 'content-security-policy': PAGE_POLICY } }),
    );
    expect(policy(r)).toBe(`${PAGE_POLICY}; frame-ancestors 'self'`);
  });

  it('a response without a policy gets one that runs no script at all', async () => {
    const r = await finished('/ogc/collections');
    expect(policy(r)).toMatch(/^default-src 'none'; /);
    expect(policy(r)).not.toMatch(/script-src|unsafe-eval/);
    expect(policy(r)).toContain("frame-ancestors 'self'");
  });

  it('only the embed path may be framed by any site, and an earlier frame-ancestors is replaced', async () => {
    for (const path of [FRAMEABLE_PATH_PREFIX, `${FRAMEABLE_PATH_PREFIX}/map`]) {
      const r = await finished(
        path,
        new Response('<p>', {
          headers: { 'content-security-policy': `${PAGE_POLICY}; frame-ancestors 'self'` },
        }),
      );
      expect(policy(r), path).toBe(`${PAGE_POLICY}; frame-ancestors *`);
    }
    // A path that merely starts with the same letters is not the embed route.
    expect(policy(await finished(`${FRAMEABLE_PATH_PREFIX}ded`))).toContain("frame-ancestors 'self'");
    // The builder of embed snippets is a tool of this site, not an embed: no other site may frame it.
    expect(policy(await finished(`${FRAMEABLE_PATH_PREFIX}/builder`))).toContain("frame-ancestors 'self'");
  });

  it('HSTS over https only', async () => {
    expect((await finished('/')).headers.get('strict-transport-security')).toBeNull();
    const secure = await finished('/', new Response('{}'), 'https://corridor.example');
    expect(secure.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it('a response whose headers cannot be changed still gets them, with its body and status', async () => {
    const r = await finished('/basemap/countries.geojson', Response.redirect('http://127.0.0.1/login', 303));
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('http://127.0.0.1/login');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
