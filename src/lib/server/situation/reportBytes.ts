import { unmadeCourse, type UnmadeCourse } from '$lib/domain/analysis/access/lazyBestPath';
import type { AnalysisReport } from '$lib/domain/schemas';

// The analysis cache is bounded in bytes of report JSON. Measuring that with `JSON.stringify` cost as much CPU
// as the analysis itself at Sudan scale (0.75–0.9 s for a 55 MB report, on the server's one thread, on every
// date a reader opens), mostly in writing numbers out. This estimates the same length without writing
// anything: exact for strings (ASCII, nothing to escape), keys, punctuation and integers; a number with a
// fraction counts as FRACTION_CHARS characters (reports round positions to 7 decimals and lengths to 3); a
// line's positions all count as the median of three of them (LINE_POSITIONS).

/** Characters counted for a number with a fraction: "32.5012345" is 10, "12.345" 6. */
const FRACTION_CHARS = 8;

/**
 * A list at least this long whose first, middle and last entries are positions is taken for a line, and each
 * of its positions counted as the median of those three, without reading the others (one whole-degree or
 * otherwise odd position among the three does not decide the line's count). Most of a Sudan-scale report is the
 * 2 million positions of its best paths and segments, each an array of its own scattered on the heap: reading
 * them was most of this count's time (the bench's seven dates at full scale: median 102 ms a report read,
 * 57 ms so). The estimate is the same to 0.1 % on those reports: a position's count changes only with the
 * signs of its numbers and where one is whole, which along a line happens only where it crosses the prime
 * meridian or the equator or lands on a whole degree. Shorter lists are read.
 */
const LINE_POSITIONS = 16;

/**
 * The counts of the lines and lists of ids of reports already counted, by the array. A date change's report
 * holds most of the last one's: its segments' lines are the road edges' own arrays (20,350 of 21,262 at Sudan
 * scale on the bench's far date) and the best paths whose path did not change are kept whole (1,630 of
 * 3,447), so counting them again read the same arrays again. Reports are not changed once made, so a count
 * kept stays right; a `WeakMap` lets the arrays go with their reports. Shorter arrays, and arrays of anything
 * else (a report's own lists, made anew each analysis), are counted every time.
 */
const countedLists = new WeakMap<readonly unknown[], number>();
const KEPT_LIST_MIN_LENGTH = 8;

/**
 * The counts of the segment, corridor and site entries of reports already counted. The analyzer keeps an
 * edge's entry from one report to the next while its status and reasons are the same (most of them, from a
 * day to the next: 21,385 of 21,476 at Sudan scale), a corridor's report while its stretches are, and a
 * site's report while what it is made of is (4,450 of 5,000 sites on a one-day step at Sudan scale), so a
 * report's entries are mostly entries counted before. Like `countedLists`, right because reports are not
 * changed once made.
 */
const countedEntries = new WeakMap<object, number>();

/** The report's lists whose entries an analyzer carries from one report to the next. */
const KEPT_ENTRY_LISTS = ['segments', 'corridors', 'sites'] as const;

/** About `Buffer.byteLength(JSON.stringify(report))`, without making the string. */
export function reportJsonBytes(report: AnalysisReport): number {
  // The report with those lists empty ("[]" each), then each list's commas and entries.
  const rest: Record<string, unknown> = { ...report };
  let n = 0;
  for (const key of KEPT_ENTRY_LISTS) {
    const list: unknown = rest[key];
    if (!Array.isArray(list)) continue;
    rest[key] = [];
    n += Math.max(0, list.length - 1);
    for (let i = 0; i < list.length; i++) n += entryBytes(list[i]);
  }
  return n + valueBytes(rest, countedLists);
}

/** `valueBytes` of one entry of a report's list, kept in `countedEntries`. */
function entryBytes(entry: unknown): number {
  if (entry === undefined || typeof entry === 'function') return 4; // null, as in any list
  if (typeof entry !== 'object' || entry === null) return valueBytes(entry, countedLists);
  let n = countedEntries.get(entry);
  if (n === undefined) countedEntries.set(entry, (n = valueBytes(entry, countedLists)));
  return n;
}

/** About the length of `JSON.stringify(value)` (see the top of this file). */
export function jsonBytes(value: unknown): number {
  return valueBytes(value, undefined);
}

/** `jsonBytes`, taking and keeping the counts of long lines and id lists in `kept` when given. */
function valueBytes(value: unknown, kept: WeakMap<readonly unknown[], number> | undefined): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return numberChars(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (value === null) return 4;
      if (Array.isArray(value)) return kept ? keptArrayBytes(value, kept) : arrayBytes(value, kept);
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return valueBytes((value as { toJSON: () => unknown }).toJSON(), kept);
      let n = 2;
      let first = true;
      for (const key in value) {
        // A best path's segment ids and course are made when first read (lazyBestPath.ts): not to count them.
        if (key === 'segmentIds' || key === 'geometry') {
          const course = unmadeCourse(value);
          if (course) {
            const bytes = key === 'geometry' ? lineBytes(course) : idsBytes(course);
            n += (first ? 0 : 1) + key.length + 3 + bytes;
            first = false;
            continue;
          }
        }
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined || typeof v === 'function') continue;
        n += (first ? 0 : 1) + key.length + 3 + valueBytes(v, kept);
        first = false;
      }
      return n;
    }
    default:
      return 0;
  }
}

/** `arrayBytes`, kept in `kept` for a long line or list of ids (see `countedLists`). */
function keptArrayBytes(value: readonly unknown[], kept: WeakMap<readonly unknown[], number>): number {
  if (value.length < KEPT_LIST_MIN_LENGTH) return arrayBytes(value, kept);
  const first = value[0];
  if (typeof first !== 'string' && !isPosition(first)) return arrayBytes(value, kept);
  let n = kept.get(value);
  if (n === undefined) kept.set(value, (n = arrayBytes(value, kept)));
  return n;
}

function arrayBytes(
  value: readonly unknown[],
  kept: WeakMap<readonly unknown[], number> | undefined,
): number {
  const n = 2 + Math.max(0, value.length - 1);
  if (value.length >= LINE_POSITIONS) {
    const first = value[0];
    const middle = value[value.length >> 1];
    const last = value[value.length - 1];
    if (isPosition(first) && isPosition(middle) && isPosition(last))
      return (
        n + value.length * (3 + median(positionChars(first), positionChars(middle), positionChars(last)))
      );
  }
  let m = n;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (isPosition(v)) m += 3 + positionChars(v);
    else m += v === undefined || typeof v === 'function' ? 4 : valueBytes(v, kept);
  }
  return m;
}

/** About the JSON of an unmade course's line: its positions counted as the mean of its two ends. */
function lineBytes(course: UnmadeCourse): number {
  const k = course.positions;
  const chars = Math.round((positionChars(course.start) + positionChars(course.end)) / 2);
  return EMPTY_LINE_BYTES + Math.max(0, k - 1) + k * (3 + chars);
}
const EMPTY_LINE_BYTES = '{"type":"LineString","coordinates":[]}'.length;

/** The JSON of an unmade course's segment ids: brackets, commas, and each id with its quotes. */
function idsBytes(course: UnmadeCourse): number {
  return 2 + Math.max(0, course.segments - 1) + course.segmentIdChars + 2 * course.segments;
}

function isPosition(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

const median = (a: number, b: number, c: number) => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

/** The characters of a position's two numbers. */
function positionChars(p: readonly number[]): number {
  return numberChars(p[0]) + numberChars(p[1]);
}

function numberChars(x: number): number {
  if (!Number.isFinite(x)) return 4; // null
  if (!Number.isInteger(x)) return FRACTION_CHARS + (x < 0 ? 1 : 0);
  let n = x < 0 ? 2 : 1;
  for (let a = Math.abs(x); a >= 10; a /= 10) n++;
  return n;
}
