import type { AnalysisReport } from '$lib/domain/schemas';

// The analysis cache is bounded in bytes of report JSON. Measuring that with `JSON.stringify` cost as much CPU
// as the analysis itself at Sudan scale (0.75–0.9 s for a 55 MB report, on the server's one thread, on every
// date a reader opens), mostly in writing numbers out. This estimates the same length without writing
// anything: exact for strings (ASCII), keys, punctuation and integers; a number with a fraction counts as
// FRACTION_CHARS characters (reports round positions to 7 decimals and lengths to 3).

/** Characters counted for a number with a fraction: "32.5012345" is 10, "12.345" 6. */
const FRACTION_CHARS = 8;

/**
 * The entries of a report's lists (segments, corridors, sites…) are often the very objects of the report of
 * another date (the engine keeps an entry whose inputs did not change): each is measured once.
 */
const measured = new WeakMap<object, number>();

/** About `Buffer.byteLength(JSON.stringify(report))`, without making the string. */
export function reportJsonBytes(report: AnalysisReport): number {
  let n = 2;
  let first = true;
  for (const key in report) {
    const value = (report as unknown as Record<string, unknown>)[key];
    if (value === undefined || typeof value === 'function') continue;
    n += (first ? 0 : 1) + key.length + 3;
    first = false;
    if (!Array.isArray(value)) {
      n += jsonBytes(value);
      continue;
    }
    n += 2 + Math.max(0, value.length - 1);
    for (const entry of value) {
      if (entry === null || typeof entry !== 'object') {
        n += jsonBytes(entry);
        continue;
      }
      let size = measured.get(entry);
      if (size === undefined) measured.set(entry, (size = jsonBytes(entry)));
      n += size;
    }
  }
  return n;
}

/** About the length of `JSON.stringify(value)` (see the top of this file). */
export function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return numberChars(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (value === null) return 4;
      if (Array.isArray(value)) return arrayBytes(value);
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return jsonBytes((value as { toJSON: () => unknown }).toJSON());
      let n = 2;
      let first = true;
      for (const key in value) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined || typeof v === 'function') continue;
        n += (first ? 0 : 1) + key.length + 3 + jsonBytes(v);
        first = false;
      }
      return n;
    }
    default:
      return 0;
  }
}

/** Lines at least this long are measured once (best paths and segments share them between dates). */
const SHARED_LINE = 16;

function arrayBytes(value: readonly unknown[]): number {
  const long = value.length >= SHARED_LINE;
  if (long) {
    const known = measured.get(value);
    if (known !== undefined) return known;
  }
  let n = 2 + Math.max(0, value.length - 1);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    // A position: the most common array of a report by far.
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number')
      n += 3 + numberChars(v[0]) + numberChars(v[1]);
    else n += v === undefined || typeof v === 'function' ? 4 : jsonBytes(v);
  }
  if (long) measured.set(value, n);
  return n;
}

function numberChars(x: number): number {
  if (!Number.isFinite(x)) return 4; // null
  if (!Number.isInteger(x)) return FRACTION_CHARS + (x < 0 ? 1 : 0);
  let n = x < 0 ? 2 : 1;
  for (let a = Math.abs(x); a >= 10; a /= 10) n++;
  return n;
}
