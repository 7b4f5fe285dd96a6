/**
 * Where to go after signing in: the `next` parameter when it is a path of this site, else `/`.
 *
 * Browsers read a backslash as a slash and drop tabs and line breaks inside URLs, so `/\evil.example` or
 * `/<tab>/evil.example` would lead to another host: such values are refused outright. What remains must
 * resolve to this origin (`//evil.example` and `https://evil.example` do not).
 */
export function safeNext(next: string | null, origin: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!next || !next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
}
