/**
 * The only path prefix whose pages other sites may frame (DESIGN.md §4: `/embed` is the public embeddable
 * map). Everything else may be framed by the app itself only, so no other site can overlay it (clickjacking).
 */
export const FRAMEABLE_PATH_PREFIX = '/embed';

/**
 * The policy of responses that are not SvelteKit pages (the API, exports, feeds, the OGC API's HTML pages,
 * error bodies). None of them runs a script or loads anything but its own inline style; SvelteKit's pages get
 * their own policy with a nonce for their inline scripts (`kit.csp` in `svelte.config.js`).
 */
const NON_PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** One year, as HSTS preload lists ask; sent only over https (RFC 6797 §7.2: ignored, and useless, over http). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** The page that makes embed snippets: a tool of this site, framed by no other (unlike the embeds it makes). */
const BUILDER_PATH = `${FRAMEABLE_PATH_PREFIX}/builder`;

/** Whether pages at `pathname` may be framed by any site: `/embed` and below only, but the builder. */
export function isFrameable(pathname: string): boolean {
  if (pathname === BUILDER_PATH || pathname.startsWith(`${BUILDER_PATH}/`)) return false;
  return pathname === FRAMEABLE_PATH_PREFIX || pathname.startsWith(`${FRAMEABLE_PATH_PREFIX}/`);
}

/** `policy` with its `frame-ancestors` directive set to `value` (any earlier one replaced). */
function withFrameAncestors(policy: string, value: string): string {
  const kept = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^frame-ancestors(\s|$)/i.test(d));
  return [...kept, `frame-ancestors ${value}`].join('; ');
}

// The non-page policy's two forms, built once: every API answer and every revalidation carries one.
const NON_PAGE_POLICIES = {
  frameable: withFrameAncestors(NON_PAGE_POLICY, '*'),
  self: withFrameAncestors(NON_PAGE_POLICY, "'self'"),
};

/**
 * Sets the security headers of a response, whatever answered it: a Content-Security-Policy (the page's own
 * when SvelteKit set one, else the non-page policy) whose `frame-ancestors` is `'self'` except under
 * `/embed`, `X-Content-Type-Options: nosniff`, `Referrer-Policy` and, over https, HSTS. Returns a response
 * whose headers may be changed (some responses' headers are immutable).
 */
export function withSecurityHeaders(url: URL, response: Response): Response {
  let out = response;
  try {
    out.headers.set('x-content-type-options', 'nosniff');
  } catch {
    out = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
  }
  const h = out.headers;
  h.set('x-content-type-options', 'nosniff');
  // Links out of the app (a source's web page) carry the origin only, never a feature's or a plan's URL.
  h.set('referrer-policy', 'strict-origin-when-cross-origin');
  const policy = h.get('content-security-policy');
  const frameable = isFrameable(url.pathname);
  h.set(
    'content-security-policy',
    policy === null
      ? NON_PAGE_POLICIES[frameable ? 'frameable' : 'self']
      : withFrameAncestors(policy, frameable ? '*' : "'self'"),
  );
  if (url.protocol === 'https:') h.set('strict-transport-security', HSTS);
  return out;
}
