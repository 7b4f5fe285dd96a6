/**
 * JSON with every object's keys sorted (code-unit order, whatever the locale) and `undefined` members left
 * out, as `JSON.stringify` leaves them: equal values give equal strings whatever order their keys were written
 * in. The database's `jsonb` does not keep that order, so stored and new values compare this way; cache keys
 * are made this way too.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
