// Values of fewer bytes are walked again rather than remembered: a WeakMap entry for each of a report's many
// small objects (reasons, options, positions' lines of short segments) cost more than walking them again.
const MEMO_BYTES = 2048;

/**
 * A function giving `Buffer.byteLength(JSON.stringify(value))` without writing the JSON, for the analysis
 * cache's bound in bytes. Serialising a Sudan-scale report (53 MiB) only to measure it cost about 0.7 s of
 * CPU per new date, about as much as analysing a far date. Here positions and plain strings are measured without
 * making their text, and objects and arrays already measured are not walked again: the reports of one
 * analyzer share much from date to date (segments, best paths, reasons lists), so another date measures
 * mostly what is new in it.
 *
 * Objects are remembered by identity, so a value measured must not be changed afterwards (the cache's reports
 * are never changed). Values with `toJSON` are measured by serialising them.
 */
export function createJsonByteLength(): (value: unknown) => number {
  const known = new WeakMap<object, number>();

  const bytes = (v: unknown): number => {
    switch (typeof v) {
      case 'string':
        return stringBytes(v);
      case 'number':
        return numberBytes(v);
      case 'boolean':
        return v ? 4 : 5;
      case 'object':
        break;
      default:
        // Top-level undefined, functions and symbols have no JSON; bigint throws as JSON.stringify does.
        return Buffer.byteLength(JSON.stringify(v) ?? '');
    }
    if (v === null) return 4;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number')
      return 3 + numberBytes(v[0]) + numberBytes(v[1]);
    let n = known.get(v);
    if (n !== undefined) return n;
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') n = Buffer.byteLength(JSON.stringify(v));
    else if (Array.isArray(v)) {
      n = v.length > 0 ? v.length + 1 : 2; // brackets and commas
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        // Positions, most of a report's values, without the general case's checks.
        if (Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' && typeof x[1] === 'number')
          n += 3 + numberBytes(x[0]) + numberBytes(x[1]);
        else n += skipped(x) ? 4 : bytes(x); // `null` in an array
      }
    } else {
      n = 2;
      let fields = 0;
      for (const key of Object.keys(v)) {
        const x: unknown = (v as Record<string, unknown>)[key];
        if (skipped(x)) continue;
        n += stringBytes(key) + 1 + bytes(x);
        fields++;
      }
      if (fields > 1) n += fields - 1;
    }
    if (n >= MEMO_BYTES) known.set(v, n);
    return n;
  };
  return bytes;
}

/** Values JSON leaves out of objects (and writes as `null` in arrays). */
const skipped = (x: unknown) => x === undefined || typeof x === 'function' || typeof x === 'symbol';

/** The bytes of a string's JSON: printable ASCII without `"` or `\` is itself and two quotes. */
function stringBytes(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return Buffer.byteLength(JSON.stringify(s));
  }
  return s.length + 2;
}

/**
 * The length of a number's JSON. Report positions are rounded to 7 decimals (`roundPosition`), and such a
 * number, `k / 1e7` for an integer k, is written as that decimal (it has at most 10 significant digits, and
 * no shorter decimal lies within the double's spacing): its length is counted from k. Anything else, and
 * what JavaScript writes in exponent form (below 1e-6), is measured by writing it.
 */
function numberBytes(x: number): number {
  const a = Math.abs(x);
  const k = Math.round(a * 1e7);
  if (a >= 1e-6 && a < 1e8 && k / 1e7 === a) {
    const whole = Math.floor(k / 1e7);
    let fraction = (k - whole * 1e7) | 0; // below 1e7: small integer arithmetic
    let n = (x < 0 ? 1 : 0) + digits(whole);
    if (fraction > 0) {
      let decimals = 7;
      while (fraction % 10 === 0) {
        fraction = (fraction / 10) | 0;
        decimals--;
      }
      n += 1 + decimals;
    }
    return n;
  }
  if (x === 0) return 1; // -0 is written 0
  return Number.isFinite(x) ? String(x).length : 4;
}

/** Decimal digits of an integer below 1e8. */
function digits(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  if (n < 10000) return 4;
  if (n < 100000) return 5;
  if (n < 1000000) return 6;
  return n < 10000000 ? 7 : 8;
}
