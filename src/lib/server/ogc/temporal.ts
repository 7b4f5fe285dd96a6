import { ParameterError } from '../export/parameterError';

/** A time range in epoch milliseconds, start inclusive, end exclusive; open ends are ±Infinity. */
export type TimeRange = [start: number, end: number];

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// RFC 3339 date-time (OGC API – Features §7.15.4 uses it for `datetime`), with `T`/`t` and `Z`/offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function dateMs(s: string): number {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s ? ms : NaN;
}

/** One end of `datetime`: a date (the whole day, UTC) or an RFC 3339 date-time (that instant). */
function instant(s: string): TimeRange {
  if (DATE.test(s)) {
    const ms = dateMs(s);
    if (Number.isFinite(ms)) return [ms, ms + DAY];
  } else if (DATE_TIME.test(s)) {
    const ms = Date.parse(s.toUpperCase());
    if (Number.isFinite(ms) && Number.isFinite(dateMs(s.slice(0, 10)))) return [ms, ms + 1];
  }
  throw new ParameterError(
    'datetime',
    `"${s}" is not an RFC 3339 date-time (2024-08-01T00:00:00Z) or date (2024-08-01)`,
  );
}

/**
 * `datetime` of OGC API – Features Part 1: an instant, a closed interval `a/b`, or a half-open one
 * `../b`, `a/..` (an empty end counts as open, as the 1.0.1 corrigendum allows). A date stands for its
 * whole day, so `2024-08-01/2024-08-31` includes the 31st.
 *
 * @example
 * parseDatetime('../2024-08-01') // [-Infinity, Date.parse('2024-08-02T00:00:00Z')]
 */
export function parseDatetime(value: string | null): TimeRange | undefined {
  if (value === null) return undefined;
  const parts = value.trim().split('/');
  if (parts.length === 1) return instant(parts[0]);
  if (parts.length !== 2)
    throw new ParameterError(
      'datetime',
      'must be an instant or an interval "start/end" (".." for an open end)',
    );
  const open = (s: string) => s === '..' || s === '';
  const [a, b] = parts;
  if (open(a) && open(b)) throw new ParameterError('datetime', 'an interval needs at least one end');
  const start = open(a) ? -Infinity : instant(a)[0];
  const end = open(b) ? Infinity : instant(b)[1];
  if (start >= end) throw new ParameterError('datetime', 'the interval ends before it starts');
  return [start, end];
}

/**
 * When a feature holds: `validFrom` (inclusive) to `validTo` (exclusive), or the day of an incident's `date`;
 * no temporal property means always.
 */
export function featureTime(p: Record<string, unknown>): TimeRange {
  if (typeof p.date === 'string') {
    const d = dateMs(p.date);
    return [d, d + DAY];
  }
  return [
    typeof p.validFrom === 'string' ? dateMs(p.validFrom) : -Infinity,
    typeof p.validTo === 'string' ? dateMs(p.validTo) : Infinity,
  ];
}

export const overlaps = (a: TimeRange, b: TimeRange) => a[0] < b[1] && b[0] < a[1];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** The temporal extent of features as OGC intervals `[start, end]`, `null` for an open end. */
export function temporalExtent(props: Record<string, unknown>[]): [string | null, string | null] | null {
  if (props.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const p of props) {
    const [s, e] = featureTime(p);
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  // An incident's extent ends at the start of its (last) day: that is when it happened.
  const pointInTime = props.every((p) => typeof p.date === 'string');
  return [
    Number.isFinite(start) ? iso(start) : null,
    Number.isFinite(end) ? iso(pointInTime ? end - DAY : end) : null,
  ];
}
