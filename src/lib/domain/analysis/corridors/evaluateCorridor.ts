import type { Position } from 'geojson';
import { cumulativeKm } from '../../geo/cumulativeKm';
import { pointAtKm } from '../../geo/pointAtKm';
import type { CorridorFeature, CorridorReport, Reason, Stretch } from '../../schemas';
import type { AnalysisContext } from '../context';
import { ABSENT } from '../hazards/evaluateEdgeHazards';
import { compareReasons, monthNames, statusByRank, statusOfReasons, statusRank } from '../reasons';
import { round3, roundLine, roundPosition } from '../round';
import { flatbushIndex, type BoxIndex } from '../../geo/createBoxIndex';
import { IndexHits } from './indexHits';
import { insertionSort } from './insertionSort';
import {
  analysisStamp,
  corridorIntervalParts,
  frontlineTokens,
  grownBoxInto,
  keepsLastStretches,
  linesFoundInto,
  linesMovedSince,
  missesLines,
  moveFrontlinesOn,
  type ChangedLines,
  type KmInterval,
} from './corridorIntervals';
import { roadsUnder, type RoadsUnder } from './roadsUnder';
import { intervalsOf, sameStretches, type StretchList } from './stretchList';

/**
 * Status and stretches of a corridor (DESIGN.md §3): hazards are evaluated along its own geometry
 * (`corridorIntervals`); the road edge under each piece (between road junctions on the corridor) gives
 * seasonal closures.
 * Consecutive pieces with the same status and reasons are merged; the corridor's status is its worst stretch.
 */
export function evaluateCorridor(ctx: AnalysisContext, corridor: CorridorFeature): CorridorReport {
  // Every entry of the corridor is read from one look-up of its geometry (and without a callback, which
  // would be a closure made per corridor on every analysis).
  return evaluateWith(ctx, corridor, ctx.cache.entriesOf(corridor.geometry));
}

/**
 * The reports of a list of corridors, as `evaluateCorridor` of each, in order.
 *
 * After a front line moves, nearly every corridor of a large network found no stretch of the moved line and is
 * far from it: its last report stands. The list keeps, per corridor by its place, the last report, the front
 * lines it found stretches of and its box grown by the buffer, so that such a corridor
 * costs a box test rather than the look-ups of its entries (a move on the full-size network still evaluated
 * every one of 50,000 corridors). Its entries are moved on to the last analysis only when it is evaluated
 * again, as `keepsLastStretches` would have done on each analysis it was skipped.
 */
export function evaluateCorridors(
  ctx: AnalysisContext,
  corridors: readonly CorridorFeature[],
): CorridorReport[] {
  let memo = listMemos.get(ctx.cache);
  // Taken out while the list is evaluated: a failure leaves no list memo that disagrees with the corridors'.
  listMemos.delete(ctx.cache);
  const tokens = frontlineTokens(ctx);
  const words = (tokens.length + 31) >>> 5;
  if (memo && (memo.corridors !== corridors || memo.words !== words)) {
    catchUp(ctx, memo);
    memo = undefined;
  }
  const n = corridors.length;
  const km = ctx.layers.params.frontlineBufferKm;
  memo ??= {
    corridors,
    stamp: undefined,
    tokens: undefined,
    reports: new Array<CorridorReport>(n),
    known: new Uint8Array(n),
    lines: new Uint32Array(n * words),
    words,
    behind: new Uint8Array(n),
    grown: new Float64Array(4 * n),
    grownKm: NaN,
    grownIndex: undefined,
  };
  const { reports, behind, grown } = memo;
  if (memo.grownKm !== km) {
    for (let k = 0; k < n; k++) grownBoxInto(grown, 4 * k, corridors[k].geometry.coordinates, km);
    memo.grownKm = km;
    memo.grownIndex = undefined;
  }
  const moved =
    memo.stamp !== undefined && memo.tokens !== undefined
      ? linesMovedSince(ctx, memo.stamp, memo.tokens)
      : undefined;
  // The changed lines as bits, as `lines` has each corridor's.
  const mask = new Uint32Array(words);
  if (moved) for (const i of moved.lines) mask[i >>> 5] |= 1 << (i & 31);
  if (moved) {
    // Only the corridors that cannot keep their last report are visited (`toEvaluate`), in order; every other
    // one is then behind.
    const out = reports.slice();
    const count = toEvaluate(memo, moved, mask);
    for (let c = 0; c < count; c++) evaluateAt(ctx, memo, TO_EVALUATE[c], tokens, out);
    behind.fill(1);
    for (let c = 0; c < count; c++) behind[TO_EVALUATE[c]] = 0;
    return finish(ctx, memo, tokens, out);
  }
  const out = new Array<CorridorReport>(n);
  for (let k = 0; k < n; k++) evaluateAt(ctx, memo, k, tokens, out);
  return finish(ctx, memo, tokens, out);
}

/** Evaluates corridor `k` of the list into `out[k]` and the list's memo. */
function evaluateAt(
  ctx: AnalysisContext,
  memo: ListMemo,
  k: number,
  tokens: readonly object[],
  out: CorridorReport[],
): void {
  const corridor = memo.corridors[k];
  const entries = ctx.cache.entriesOf(corridor.geometry);
  if (memo.behind[k] === 1) {
    moveOn(entries, memo);
    memo.behind[k] = 0;
  }
  const report = evaluateWith(ctx, corridor, entries);
  out[k] = memo.reports[k] = report;
  memo.known[k] = linesFoundInto(entries, tokens, memo.lines, k * memo.words) ? 1 : 0;
}

/** Records the analysis that evaluated the list, and puts its memo back; returns `out`. */
function finish(
  ctx: AnalysisContext,
  memo: ListMemo,
  tokens: readonly object[],
  out: CorridorReport[],
): CorridorReport[] {
  memo.stamp = analysisStamp(ctx);
  memo.tokens = tokens;
  listMemos.set(ctx.cache, memo);
  return out;
}

/**
 * The places of the corridors that must be evaluated after the lines of `moved` (bits `mask`) changed, in
 * ascending order into `TO_EVALUATE`; returns their number. A corridor keeps its last report when its lines
 * are known, it found no stretch of a moved line, and its grown box misses the moved lines (`missesLines`).
 * Testing that corridor by corridor cost every one of 50,000 corridors a few reads and box tests on each
 * move, more than the few hundred evaluated corridors' own loop: the three ways to fail it are found
 * instead by a pass over the known flags, a pass over the words of the moved lines' bits, and a search of
 * the grown boxes' index for the moved lines' box.
 */
function toEvaluate(memo: ListMemo, moved: ChangedLines, mask: Uint32Array): number {
  const { known, lines, words, grown } = memo;
  const n = known.length;
  if (MARKED.length < n) MARKED = new Uint8Array(n);
  const marked = MARKED;
  for (let k = 0; k < n; k++) if (known[k] !== 1) marked[k] = 1;
  for (let w = 0; w < words; w++) {
    const m = mask[w];
    if (m === 0) continue;
    for (let k = 0; k < n; k++) if ((lines[k * words + w] & m) !== 0) marked[k] = 1;
  }
  memo.grownIndex ??= flatbushIndex(n, (fb) => {
    for (let at = 0; at < 4 * n; at += 4) fb.add(grown[at], grown[at + 1], grown[at + 2], grown[at + 3]);
  });
  const { box } = moved;
  const hits = GROWN_HITS.search(memo.grownIndex, box[0], box[1], box[2], box[3]);
  for (let h = 0; h < hits; h++) {
    const k = GROWN_HITS.items[h];
    if (!missesLines(grown, 4 * k, moved)) marked[k] = 1;
  }
  if (TO_EVALUATE.length < n) TO_EVALUATE = new Int32Array(n);
  let count = 0;
  for (let k = 0; k < n; k++)
    if (marked[k] === 1) {
      marked[k] = 0;
      TO_EVALUATE[count++] = k;
    }
  return count;
}

/** Work lists of `toEvaluate` (left all 0 after each call), its index search and its answer. */
let MARKED = new Uint8Array(0);
const GROWN_HITS = new IndexHits();
let TO_EVALUATE = new Int32Array(0);

/** What `evaluateCorridors` keeps of the last list it evaluated, per corridor by place in the list. */
interface ListMemo {
  corridors: readonly CorridorFeature[];
  /** The stamp and front-line tokens of the analysis that evaluated the list. */
  stamp: object | undefined;
  tokens: readonly object[] | undefined;
  reports: CorridorReport[];
  /** 1 where the corridor's lines (in `lines`) are known for `tokens`. */
  known: Uint8Array;
  /** `words` words per corridor: bit i set where it found stretches of front line i (`linesFoundInto`). */
  lines: Uint32Array;
  words: number;
  /** 1 where the corridor was skipped since its entries last saw an analysis (they lag behind `stamp`). */
  behind: Uint8Array;
  /** Each corridor's box grown by `grownKm`, 4 numbers each. */
  grown: Float64Array;
  grownKm: number;
  /** An index of the boxes of `grown`, made on the first move that needs it. */
  grownIndex: BoxIndex | undefined;
}
const listMemos = new WeakMap<object, ListMemo>();

/**
 * Moves the entries of a corridor skipped since they were last evaluated on to the list's last analysis: its
 * report and front-line stretches are still those (it found none of every line moved since, and was far
 * from each).
 */
function moveOn(entries: Map<string, unknown>, memo: ListMemo): void {
  const last = entries.get('corridor-last') as CorridorMemo | undefined;
  if (!last || memo.stamp === undefined || memo.tokens === undefined) return;
  last.stamp = memo.stamp;
  moveFrontlinesOn(entries, memo.tokens);
}

/** Moves every skipped corridor of a list on (before another list is evaluated with the same cache). */
function catchUp(ctx: AnalysisContext, memo: ListMemo): void {
  for (let k = 0; k < memo.corridors.length; k++)
    if (memo.behind[k] === 1) moveOn(ctx.cache.entriesOf(memo.corridors[k].geometry), memo);
}

function evaluateWith(
  ctx: AnalysisContext,
  corridor: CorridorFeature,
  entries: Map<string, unknown>,
): CorridorReport {
  const coords = corridor.geometry.coordinates;
  // What the last analysis of this corridor found, and what is static about it (distances, road pieces).
  let last = entries.get('corridor-last') as CorridorMemo | undefined;
  if (!last) entries.set('corridor-last', (last = lastOf(ctx, coords)));
  const { cum } = last;
  // After a front line moves, nearly every corridor is far from it and otherwise as it was: its last report
  // stands, without its parts gathered and compared (as the comparison below would find).
  if (last.report && last.seasonalKey === ctx.hazards.dateKey) {
    const stamp = keepsLastStretches(ctx, coords, entries, last.stamp);
    if (stamp) {
      last.stamp = stamp;
      return last.report;
    }
  }
  PARTS.length = 0;
  const parts = corridorIntervalParts(ctx, corridor, coords, cum, entries, PARTS);

  // Seasonal closures from the road edge under each piece (valid on the date), as the reason of each piece
  // (null where open) rather than a stretch object each: the sweep reads the bounds from the road pieces. The
  // last analysis' list is kept while it matches, so an unchanged one costs no new list. They depend only on
  // the roads in force and the month: while those are the same, so is the list.
  const seasonal =
    last.seasonalKey === ctx.hazards.dateKey ? last.seasonal : closuresUnder(ctx, last.roads, last.seasonal);

  // The report depends only on these stretches (and the corridor): when they are those of the last analysis,
  // so is the report. Each part comes from a cache, so the same array means the same stretches; parts that
  // are new arrays are compared by content.
  if (last.report && last.seasonal === seasonal) {
    let same = last.parts.length === parts.length;
    let identical = same;
    for (let i = 0; same && i < parts.length; i++) {
      if (last.parts[i] === parts[i]) continue;
      identical = false;
      same = sameStretches(last.parts[i], parts[i]);
    }
    // A front line or siege more or less: compare the stretches themselves.
    if (!same && last.parts.length !== parts.length)
      same = sameIntervals(last.parts.flatMap(intervalsOf), parts.flatMap(intervalsOf));
    if (same) {
      // The same arrays: the kept list stays (most corridors on a re-analysis, which then make no list).
      if (!identical) last.parts = parts.slice();
      last.seasonalKey = ctx.hazards.dateKey;
      last.stamp = analysisStamp(ctx);
      return last.report;
    }
  }
  const kept = parts.slice();
  // The parts are kept only once the report is made: a failure never leaves an old report under new stretches.
  const report = stretchesReport(corridor, coords, cum, kept, last.roads.km, seasonal, last);
  last.parts = kept;
  last.seasonal = seasonal;
  last.seasonalKey = ctx.hazards.dateKey;
  last.report = report;
  last.stamp = analysisStamp(ctx);
  return report;
}

/**
 * The parts of the corridor being evaluated, filled by `corridorIntervalParts` and copied only when they are
 * kept: a new list per corridor on every analysis, each kept until the next one, outlived the young
 * generation and became old garbage (every road a corridor on a large network).
 */
const PARTS: StretchList[] = [];

/** What is kept per corridor between analyses. */
interface CorridorMemo {
  /** Cumulative km at each vertex, and the seasonal road under each piece (static). */
  cum: number[];
  roads: RoadsUnder;
  /**
   * The corridor's positions rounded for the report, made on first use: mostly the corridor's own positions
   * (`roundLine`), which reports share and nothing mutates.
   */
  rounded: readonly Position[] | undefined;
  parts: StretchList[];
  /** The seasonal closure of each road piece (`closuresUnder`). */
  seasonal: readonly (Reason | null)[];
  /** `dateKey` of the hazards `seasonal` was made for. */
  seasonalKey: object | undefined;
  report: CorridorReport | undefined;
  /** `analysisStamp` of the analysis that last made or kept `report` (undefined before the first). */
  stamp: object | undefined;
}

/**
 * The seasonal closure reason of each road piece under a corridor on the analysis' date: piece r is closed
 * with reason `list[r]`, open where that is null or past the list's end (so a corridor with none shares one
 * empty list). `last` is given back when the list is the same (the reasons are shared objects).
 */
function closuresUnder(
  ctx: AnalysisContext,
  roads: RoadsUnder,
  last: readonly (Reason | null)[],
): readonly (Reason | null)[] {
  if (roads.edge.length === 0) return NO_CLOSURES;
  const closures = closuresIn(ctx, ctx.layers.month);
  let n = 0;
  for (let r = 0; r < roads.edge.length; r++) {
    const edge = roads.edge[r];
    let reason = closures[edge];
    if (reason === undefined) reason = closures[edge] = closureOf(ctx, edge, ctx.layers.month);
    if (reason !== null && ctx.hazards.status[edge] === ABSENT) reason = null;
    CLOSED[r] = reason;
    if (reason !== null) n = r + 1;
  }
  let same = last.length === n;
  for (let r = 0; same && r < n; r++) same = CLOSED[r] === last[r];
  return same ? last : n === 0 ? NO_CLOSURES : CLOSED.slice(0, n);
}

/** Shared by every corridor with no seasonal closure. */
const NO_CLOSURES: readonly (Reason | null)[] = Object.freeze([]);

/** The closures of the corridor being evaluated, copied only when they changed. */
const CLOSED: (Reason | null)[] = [];

/**
 * Per network and month, the seasonal closure reason of each edge (null where its road is open that month),
 * filled as edges are asked for. Asked for every seasonal piece of every corridor on each analysis: one read
 * of a list made at the network's size (a list grown by far indices was kept as a slow dictionary), rather
 * than the edge's road and its months each time.
 */
const closuresByNet = new WeakMap<object, Map<number, (Reason | null | undefined)[]>>();
function closuresIn(ctx: AnalysisContext, month: number): (Reason | null | undefined)[] {
  let byMonth = closuresByNet.get(ctx.net);
  if (!byMonth) closuresByNet.set(ctx.net, (byMonth = new Map()));
  let closures = byMonth.get(month);
  if (!closures)
    byMonth.set(
      month,
      (closures = new Array<Reason | null | undefined>(ctx.net.edges.length).fill(undefined)),
    );
  return closures;
}

/**
 * The seasonal closure reason of an edge's road in a month, or null when it is open; one reason object per
 * road and month, shared by its edges (the report compares reasons by object first).
 */
const reasonsByNet = new WeakMap<object, Map<string, Reason>>();
function closureOf(ctx: AnalysisContext, edge: number, month: number): Reason | null {
  const e = ctx.net.edges[edge];
  if (!e.road.impassableMonths.includes(month)) return null;
  let byRoad = reasonsByNet.get(ctx.net);
  if (!byRoad) reasonsByNet.set(ctx.net, (byRoad = new Map()));
  const key = `${e.roadId}\u0000${month}`;
  let reason = byRoad.get(key);
  if (!reason)
    byRoad.set(
      key,
      (reason = {
        code: 'seasonal_closure',
        featureId: e.roadId,
        detail: `${e.road.class} road "${e.road.name}" is impassable in ${monthNames[month - 1]}`,
      }),
    );
  return reason;
}

function lastOf(ctx: AnalysisContext, coords: readonly Position[]): CorridorMemo {
  const cum = cumulativeKm(coords);
  return {
    cum,
    roads: roadsUnder(ctx, coords, cum),
    rounded: undefined,
    parts: [],
    seasonal: NO_CLOSURES,
    seasonalKey: undefined,
    report: undefined,
    stamp: undefined,
  };
}

function sameIntervals(a: readonly KmInterval[], b: readonly KmInterval[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.fromKm !== y.fromKm ||
      x.toKm !== y.toKm ||
      x.reason.code !== y.reason.code ||
      x.reason.featureId !== y.reason.featureId ||
      x.reason.detail !== y.reason.detail
    )
      return false;
  }
  return true;
}

/** A piece of a line between two bounds of its hazards' stretches, with the reasons that cover it. */
export interface Piece {
  from: number;
  to: number;
  reasons: Reason[];
}

/**
 * Cuts a line of length `total` at every bound of its stretches (those of `parts`, then `spread`) and gives
 * each piece the reasons of the stretches covering it (sorted), merging neighbours with the same status and
 * reasons. Pieces cover [0, total].
 */
export function sweepPieces(
  total: number,
  spread: readonly KmInterval[],
  parts: readonly StretchList[] = NO_PARTS,
): Piece[] {
  const count = sweepInto(total, parts, spread, NO_KM, NO_CLOSURES);
  const pieces: Piece[] = [];
  // A list of its own per piece: the caller may keep or change it.
  for (let p = 0; p < count; p++)
    pieces.push({ from: PIECES.from[p], to: PIECES.to[p], reasons: PIECES.reasons[p].slice() });
  return pieces;
}

const NO_PARTS: readonly StretchList[] = Object.freeze([]);
const NO_KM: readonly number[] = Object.freeze([]);
const NO_SPREAD: readonly KmInterval[] = Object.freeze([]);

/** The reasons of every piece that nothing covers (a third of a large network's stretches). */
const NO_REASONS: Reason[] = Object.freeze([]) as unknown as Reason[];

/**
 * The pieces of the last sweep, side by side: piece p runs from `from[p]` to `to[p]` with `reasons[p]`. Kept
 * from corridor to corridor (one sweep at a time) rather than an object per piece that only the stretch made
 * from it outlived.
 */
const PIECES = { from: [] as number[], to: [] as number[], reasons: [] as Reason[][] };

/**
 * Work lists of the sweep, reused corridor after corridor: the stretches side by side (stretch i runs from
 * `FROM[i]` to `TO[i]` with `WHY[i]`), their bounds (sorted in place), their numbers by start, those covering
 * the current piece, the distinct reason objects of this piece and of the last one, and the sorted reasons.
 */
let FROM = new Float64Array(256);
let TO = new Float64Array(256);
const WHY: Reason[] = [];
let BOUNDS = new Float64Array(514);
let BY_START = new Int32Array(256);
let ACTIVE = new Int32Array(256);
const OBJECTS: Reason[] = [];
const LAST_OBJECTS: Reason[] = [];
const SORTED: Reason[] = [];

/**
 * The sweep of `sweepPieces` over the stretches of `parts`, then of `extra`, then the road pieces closed by
 * `closures` (piece r from `roadKm[2r]` to `roadKm[2r + 1]`, where `closures[r]` is not null), as if in one
 * list, into `PIECES`; returns the number of pieces.
 *
 * Called for every corridor whose stretches changed: a large network's corridors have some 30 stretches each,
 * mostly one hazard along consecutive segments. Each stretch object is read once into typed lists, and the
 * seasonal closures need no object at all; the bounds are sorted in a typed array, the covering stretches are
 * kept in one list compacted in place, and a new list is made only for a piece that starts. A piece covered
 * by the same reason objects as the one before it (the stretches of one hazard along consecutive segments
 * share their reason) extends it without sorting its reasons again.
 */
function sweepInto(
  total: number,
  parts: readonly StretchList[],
  extra: readonly KmInterval[],
  roadKm: readonly number[],
  closures: readonly (Reason | null)[],
): number {
  let size = extra.length + closures.length;
  for (let k = 0; k < parts.length; k++) size += parts[k].reasons.length;
  // Nothing along the line: one open piece (most corridors of a large network).
  if (size === 0) return openLine(total);
  if (FROM.length < size) growTo(size);
  let n = 0;
  for (let k = 0; k < parts.length; k++) {
    const { km, reasons } = parts[k];
    for (let i = 0; i < reasons.length; i++) {
      FROM[n] = km[2 * i];
      TO[n] = km[2 * i + 1];
      WHY[n++] = reasons[i];
    }
  }
  for (let i = 0; i < extra.length; i++) n = putStretch(n, extra[i]);
  for (let r = 0; r < closures.length; r++) {
    const reason = closures[r];
    if (reason === null) continue;
    FROM[n] = roadKm[2 * r];
    TO[n] = roadKm[2 * r + 1];
    WHY[n++] = reason;
  }
  const nb = sortedBounds(total, n);
  const all = BOUNDS;
  sortByStart(n);
  let count = 0;
  let next = 0;
  let na = 0;
  let nl = 0;
  for (let i = 0; i + 1 < nb; i++) {
    const from = all[i];
    const to = all[i + 1];
    if (to - from < 1e-9) continue;
    const mid = (from + to) / 2;
    // Sweep: an interval covers a piece when it starts before and ends after its middle.
    while (next < n && FROM[BY_START[next]] <= mid) ACTIVE[na++] = BY_START[next++];
    // Those that ended before the middle leave, in order.
    let kept = 0;
    for (let j = 0; j < na; j++) if (TO[ACTIVE[j]] >= mid) ACTIVE[kept++] = ACTIVE[j];
    na = kept;
    // The distinct reason objects, in the order they first cover the piece.
    let d = 0;
    for (let j = 0; j < na; j++) {
      const r = WHY[ACTIVE[j]];
      let s = 0;
      while (s < d && OBJECTS[s] !== r) s++;
      if (s === d) OBJECTS[d++] = r;
    }
    if (count > 0 && d === nl && sameObjects(OBJECTS, LAST_OBJECTS, d)) {
      PIECES.to[count - 1] = to;
      continue;
    }
    for (let j = 0; j < d; j++) LAST_OBJECTS[j] = SORTED[j] = OBJECTS[j];
    nl = d;
    // Sorted and without duplicates (as sortReasons gives them): the first of equal reasons stays, as in a
    // stable sort of every covering reason.
    let distinct = d;
    if (d > 1) {
      insertionSort(SORTED, d, compareReasons);
      distinct = 1;
      for (let j = 1; j < d; j++)
        if (compareReasons(SORTED[distinct - 1], SORTED[j]) !== 0) SORTED[distinct++] = SORTED[j];
    }
    // Neighbours with the same reasons (compared field by field, so with the same status) make one piece.
    if (count > 0 && sameReasons(PIECES.reasons[count - 1], SORTED, distinct)) PIECES.to[count - 1] = to;
    else {
      PIECES.from[count] = from;
      PIECES.to[count] = to;
      PIECES.reasons[count] = distinct === 0 ? NO_REASONS : SORTED.slice(0, distinct);
      count++;
    }
  }
  return count;
}

/** The one open piece of a line nothing lies along; returns the number of pieces. */
function openLine(total: number): number {
  if (total < 1e-9) return 0;
  PIECES.from[0] = 0;
  PIECES.to[0] = total;
  PIECES.reasons[0] = NO_REASONS;
  return 1;
}

/** Writes stretch `n` of the sweep's lists; returns the next number. */
function putStretch(n: number, s: KmInterval): number {
  FROM[n] = s.fromKm;
  TO[n] = s.toKm;
  WHY[n] = s.reason;
  return n + 1;
}

/** Makes the sweep's typed lists room for `size` stretches. */
function growTo(size: number): void {
  const room = 2 * size;
  FROM = new Float64Array(room);
  TO = new Float64Array(room);
  BOUNDS = new Float64Array(2 * room + 2);
  BY_START = new Int32Array(room);
  ACTIVE = new Int32Array(room);
}

/**
 * Fills `BOUNDS` with the distinct bounds of the first `n` stretches lying within [0, total], and 0 and
 * `total`, ascending; returns their number (none for a line of no length a number can say). Only the bounds
 * within the line are sorted, rather than all of them before dropping the others (NaN included), and by
 * insertion: each part gives its bounds nearly in order, so few move. Parts that interleave much fall back to
 * the typed sort.
 */
function sortedBounds(total: number, n: number): number {
  if (!(total >= 0)) return 0;
  const all = BOUNDS;
  all[0] = 0;
  let m = 1;
  for (let i = 0; i < n; i++) {
    // `+ 0` makes -0 the 0 a set of numbers would keep.
    const from = FROM[i] + 0;
    if (from >= 0 && from <= total) all[m++] = from;
    const to = TO[i] + 0;
    if (to >= 0 && to <= total) all[m++] = to;
  }
  all[m++] = total;
  // Every bound is at least the first (0), which stops each insertion.
  let moves = 0;
  for (let j = 2; j < m; j++) {
    const x = all[j];
    let k = j - 1;
    while (all[k] > x) {
      all[k + 1] = all[k];
      k--;
    }
    all[k + 1] = x;
    moves += j - 1 - k;
    if (moves > 8 * m) {
      all.subarray(0, m).sort();
      break;
    }
  }
  // Distinct, written over the sorted ones.
  let nb = 1;
  for (let i = 1; i < m; i++) if (all[nb - 1] !== all[i]) all[nb++] = all[i];
  return nb;
}

function byStartThenNumber(a: number, b: number): number {
  return FROM[a] - FROM[b] || a - b;
}

/**
 * Puts the numbers of the first `n` stretches in `BY_START` in order of start, stably (as Array.prototype.sort
 * with a comparison of starts). The parts come each in order, so few move: by insertion, unless the list is
 * long.
 */
function sortByStart(n: number): void {
  for (let i = 0; i < n; i++) BY_START[i] = i;
  if (n > 256) {
    // The number breaks ties, as a stable sort keeps them.
    BY_START.subarray(0, n).sort(byStartThenNumber);
    return;
  }
  for (let j = 1; j < n; j++) {
    const x = BY_START[j];
    const km = FROM[x];
    let m = j - 1;
    while (m >= 0 && FROM[BY_START[m]] > km) {
      BY_START[m + 1] = BY_START[m];
      m--;
    }
    BY_START[m + 1] = x;
  }
}

/** Whether the first `n` of `a` are the `n` distinct items of `b`, in any order. */
function sameObjects(a: readonly Reason[], b: readonly Reason[], n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = a[i];
    let j = 0;
    while (j < n && b[j] !== x) j++;
    if (j === n) return false;
  }
  return true;
}

/** Whether `a` is the first `n` of `b`, field by field. */
function sameReasons(a: readonly Reason[], b: readonly Reason[], n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++)
    if (a[i].code !== b[i].code || a[i].featureId !== b[i].featureId || a[i].detail !== b[i].detail)
      return false;
  return true;
}

function stretchesReport(
  corridor: CorridorFeature,
  coords: readonly Position[],
  cum: readonly number[],
  parts: readonly StretchList[],
  roadKm: readonly number[],
  closures: readonly (Reason | null)[],
  memo: CorridorMemo,
): CorridorReport {
  const total = cum[cum.length - 1];
  // The vertices inside a stretch are the corridor's own, rounded once per corridor; only its two ends are
  // interpolated (as lineSliceKm does).
  const rounded = (memo.rounded ??= roundLine(coords));
  const count = sweepInto(total, parts, NO_SPREAD, roadKm, closures);
  const stretches: Stretch[] = [];
  // The corridor's status is that of its worst stretch, and the kilometres of each status add up in order.
  let rank = 0;
  let blockedKm = 0;
  let atRiskKm = 0;
  for (let p = 0; p < count; p++) {
    const from = PIECES.from[p];
    const to = PIECES.to[p];
    const reasons = PIECES.reasons[p];
    const status = statusOfReasons(reasons);
    const fromKm = round3(from);
    const toKm = round3(to);
    const lengthKm = round3(toKm - fromKm);
    stretches.push({
      status,
      fromKm,
      toKm,
      lengthKm,
      reasons,
      geometry: { type: 'LineString', coordinates: sliceRounded(coords, rounded, cum, from, to) },
    });
    rank = Math.max(rank, statusRank[status]);
    if (status === 'blocked') blockedKm += lengthKm;
    else if (status === 'at_risk') atRiskKm += lengthKm;
  }
  if (count === 0)
    stretches.push({
      status: 'open',
      fromKm: 0,
      toKm: 0,
      lengthKm: 0,
      reasons: [],
      geometry: { type: 'LineString', coordinates: [...rounded] },
    });

  const p = corridor.properties;
  return {
    id: p.id,
    name: p.name,
    status: statusByRank[rank],
    lengthKm: round3(total),
    blockedKm: round3(blockedKm),
    atRiskKm: round3(atRiskKm),
    fromSiteId: p.fromSiteId ?? null,
    toSiteId: p.toSiteId ?? null,
    stretches,
  };
}

/** `lineSliceKm(coords, cum, fromKm, toKm).map(roundPosition)`, taking the inner vertices from `rounded`. */
function sliceRounded(
  coords: readonly Position[],
  rounded: readonly Position[],
  cum: readonly number[],
  fromKm: number,
  toKm: number,
): Position[] {
  // First vertex strictly after fromKm (binary search), then every vertex before toKm.
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= fromKm) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < coords.length && cum[end] < toKm) end++;
  // Made at its size (a list grown by push was copied as it grew).
  const out: Position[] = new Array<Position>(end - lo + 2);
  out[0] = roundPosition(pointAtKm(coords, cum, fromKm));
  for (let i = lo; i < end; i++) out[i - lo + 1] = rounded[i];
  out[end - lo + 1] = roundPosition(pointAtKm(coords, cum, toKm));
  return out;
}
