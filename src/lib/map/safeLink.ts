// Whether a record's link may be shown as a link: an http: or https: URL only (a `javascript:` or `data:`
// URL would run a script in the reader's page). The schemas check links the same way when they are written
// (`httpLink` in domain/schemas/common.ts); this check has no zod, so the map and the embed do not ship it.

export function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const { protocol, hostname } = new URL(v);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}
