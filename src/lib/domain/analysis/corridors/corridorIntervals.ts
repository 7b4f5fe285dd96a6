import type { Position } from 'geojson';
import { bboxOf } from '../../geo/bboxOf';
import { bboxOfGeometry } from '../../geo/bboxOfGeometry';
import { KM_PER_DEGREE } from '../../geo/constants';
import { expandBboxKm, expandBoxKmInto } from '../../geo/expandBboxKm';
import { haversineKm } from '../../geo/haversineKm';
import { polygonsOf } from '../../geo/polygonsOf';
import { projectOnSegment } from '../../geo/projectOnSegment';
import { segmentBufferIntervalInto } from '../../geo/segmentBufferInterval';
import {
  kmPerDegreeLonAt,
  segmentCircleIntervalInto,
  segmentCircleIntervalScaledInto,
} from '../../geo/segmentCircleInterval';
import { segmentIntersection } from '../../geo/segmentIntersection';
import type { AreaFeature, ConstraintFeature, IncidentFeature, Reason } from '../../schemas';
import type { ActiveCrossing } from '../activeLayers';
import type { AnalysisContext } from '../context';
import { frontlineLabel } from '../hazards/evaluateEdgeHazards';
import { segmentBox } from '../frontlines/frontlineSegments';
import { formatKm } from '../reasons';
import { polygonIndexOf } from '../polygonIndexOf';
import { IndexHits } from './indexHits';
import {
  hitsAroundKm,
  hitsOfSegment,
  hitsWithinKm,
  MAX_TESTED,
  narrowestDLon,
  nearRun,
  NO_HITS,
  widestDLon,
} from './segmentHits';
import { FoundStretches } from './foundStretches';
import { intervalsOf, NO_STRETCHES, stretchListOf, type StretchList } from './stretchList';
import { NO_TYPED_STRETCHES, TypedStretchWriter, type TypedStretches } from './typedStretches';

/** A hazard over a stretch of a line, in km from its start. */
export interface KmInterval {
  fromKm: number;
  toKm: number;
  reason: Reason;
}

/** Shortest stretch a hazard met at a single point is given (1 m), so that touching still shows. */
export const MIN_POINT_HAZARD_KM = 0.001;

/**
 * The hazards along a line (a corridor), with the same rules as for road edges but measured along the line:
 * buffers, areas, incidents and constraints give the stretches where they apply. Crossing a front line (other
 * than at an open crossline crossing) blocks the stretch within `crosslineToleranceKm` of the crossing point
 * (where a crossline crossing would have to be); a closed or restricted crossing affects the stretch within
 * the crossing attachment distance of it.
 */
/**
 * Everything along a corridor: the stretches of the stored areas, incidents and constraints in force on the
 * date (computed once per corridor for every such feature, then filtered), and the front lines and crossings
 * of this analysis.
 */
export function corridorIntervals(
  ctx: AnalysisContext,
  corridor: { geometry: object },
  coords: readonly Position[],
  cumKm: readonly number[],
): KmInterval[] {
  return corridorIntervalParts(ctx, corridor, coords, cumKm).flatMap(intervalsOf);
}

/** The list a part holds when it has no stretch, shared so that unchanged empty parts compare as the same. */
export const NO_INTERVALS: StretchList = NO_STRETCHES;

/**
 * `corridorIntervals` as the lists it is made of, in its order: the stored features in force, each siege, each
 * front line, the crossings. Each list comes from a cache, so a part that did not change since the last
 * analysis is the same array: a caller can tell an unchanged corridor by comparing the parts, without reading
 * them. Empty lists are left out: with every road a corridor and forty front lines, a list of mostly empty
 * parts per corridor was made on each analysis and kept until the next.
 */
export function corridorIntervalParts(
  ctx: AnalysisContext,
  corridor: { geometry: object },
  coords: readonly Position[],
  cumKm: readonly number[],
  entries: Map<string, unknown> = ctx.cache.entriesOf(corridor.geometry),
  parts: StretchList[] = [],
): StretchList[] {
  const shared = sharedOf(ctx);
  // The entries are read and set here rather than through `HazardCache.get`, whose callback would be a
  // closure made per corridor and entry on every analysis (no entry is ever undefined).
  let all = entries.get(shared.staticKey) as TypedStretches | undefined;
  if (!all) entries.set(shared.staticKey, (all = staticIntervals(ctx, coords, cumKm)));
  // Filtered again only when the features in force changed (the analyzer keeps the same sets of ids while
  // their contents stay the same).
  let memo = entries.get('corridor-active') as ActiveMemo | undefined;
  if (!memo)
    entries.set(
      'corridor-active',
      (memo = {
        all: undefined,
        areas: undefined,
        incidents: undefined,
        constraints: undefined,
        active: NO_INTERVALS,
      }),
    );
  if (
    memo.all !== all ||
    memo.areas !== ctx.activeAreaIds ||
    memo.incidents !== ctx.activeIncidents ||
    memo.constraints !== ctx.activeConstraintIds
  ) {
    memo.active = inForceStretches(ctx, shared, all);
    memo.all = all;
    memo.areas = ctx.activeAreaIds;
    memo.incidents = ctx.activeIncidents;
    memo.constraints = ctx.activeConstraintIds;
  }
  if (memo.active.reasons.length > 0) parts.push(memo.active);
  for (const siege of ctx.sieges) {
    const perCorridor = ctx.cache.get(
      siege.geometry,
      shared.siegeKey,
      () => new WeakMap<object, StretchList>(),
    );
    let list = perCorridor.get(corridor.geometry);
    if (!list) perCorridor.set(corridor.geometry, (list = siegeIntervals(ctx, siege, coords, cumKm)));
    if (list.reasons.length > 0) parts.push(list);
  }
  dynamicIntervals(ctx, shared, corridor, coords, cumKm, parts, entries);
  return parts;
}

/**
 * The stretches of `all` whose features are in force, in the stored order. Whether a feature is in force is
 * looked up once per analysis (a line inside an area has a stretch of it on every segment).
 */
function inForceStretches(ctx: AnalysisContext, shared: Shared, all: TypedStretches): StretchList {
  const reasons = (shared.reasons ??= staticReasons(ctx));
  const inForce = inForceOf(shared);
  let count = 0;
  for (let i = 0; i < all.count; i++) {
    const ref = all.ref[i];
    let known = inForce[ref];
    if (known !== IN_FORCE && known !== NOT_IN_FORCE)
      known = inForce[ref] = inForceNow(ctx, reasonOfRef(reasons, ref), ref);
    if (known === IN_FORCE) count++;
  }
  if (count === 0) return NO_INTERVALS;
  // Made at their size once the count is known: kept until the features in force change.
  const km = new Float64Array(2 * count);
  const why = new Array<Reason>(count);
  for (let i = 0, k = 0; i < all.count; i++) {
    const ref = all.ref[i];
    if (inForce[ref] !== IN_FORCE) continue;
    km[2 * k] = all.km[2 * i];
    km[2 * k + 1] = all.km[2 * i + 1];
    why[k++] = reasonOfRef(reasons, ref);
  }
  return { km, reasons: why };
}

/** Whether the feature of a stretch's reference is in force in an analysis (`inForceOf`; 0 when not known). */
const IN_FORCE = 1;
const NOT_IN_FORCE = 2;

/** The analysis' table of `IN_FORCE`, `NOT_IN_FORCE` or 0 (not known yet) by stored-feature reference. */
function inForceOf(shared: Shared): Uint8Array {
  return (shared.inForce ??= new Uint8Array(
    3 * Math.max(shared.features.areas, shared.features.incidents, shared.features.constraints),
  ));
}

/** Whether the feature of reference `ref` (whose reason is `reason`) is in force in this analysis. */
function inForceNow(ctx: AnalysisContext, reason: Reason, ref: number): number {
  const kind = ref % 3;
  const ids =
    kind === AREA ? ctx.activeAreaIds : kind === INCIDENT ? ctx.activeIncidents : ctx.activeConstraintIds;
  return ids.has(reason.featureId) ? IN_FORCE : NOT_IN_FORCE;
}

/** A corridor's stored-feature stretches in force, and what they were filtered by. */
interface ActiveMemo {
  all: TypedStretches | undefined;
  areas: ReadonlySet<string> | undefined;
  incidents: ReadonlySet<string> | undefined;
  constraints: ReadonlySet<string> | undefined;
  active: StretchList;
}

/**
 * Where a corridor crosses the ring of a siege: blocked within `constraintRadiusKm` of each crossing point
 * (a convoy cannot pass the ring; a corridor entirely inside or outside it is not blocked by it).
 */
function siegeIntervals(
  ctx: AnalysisContext,
  siege: AnalysisContext['sieges'][number],
  coords: readonly Position[],
  cumKm: readonly number[],
): StretchList {
  const g = siege.geometry;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return NO_INTERVALS;
  const p = siege.properties;
  const r = ctx.layers.params.constraintRadiusKm;
  const total = cumKm[cumKm.length - 1];
  const actor = ctx.scenario.actors.find((a) => a.id === p.actorId)?.name ?? p.actorId ?? 'an unnamed actor';
  const reason: Reason = {
    code: 'siege',
    featureId: p.id,
    detail: `crosses the ring of siege "${p.name}" by ${actor}${p.validFrom ? ` since ${p.validFrom}` : ''}`,
  };
  const rings = polygonsOf(g).flat();
  const ringBox = bboxOf(rings.flat());
  const out: KmInterval[] = [];
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    const box = bboxOf([a, b]);
    if (box[2] < ringBox[0] || box[0] > ringBox[2] || box[3] < ringBox[1] || box[1] > ringBox[3]) continue;
    for (const ring of rings)
      for (let k = 0; k + 1 < ring.length; k++) {
        const hit = segmentIntersection(a, b, ring[k], ring[k + 1]);
        if (!hit) continue;
        const at = cumKm[i] + hit.t * (cumKm[i + 1] - cumKm[i]);
        const half = Math.max(r, MIN_POINT_HAZARD_KM);
        out.push({ fromKm: Math.max(0, at - half), toKm: Math.min(total, at + half), reason });
      }
  }
  // Most corridors pass no ring: they share one empty list rather than keep one each.
  return stretchListOf(out);
}

/**
 * The front lines' and crossings' stretches along a corridor. Those of a front line depend only on the corridor,
 * that line's course, name and actors, the buffer and crossline tolerance, and the open crossline crossings; they
 * are cached per (corridor, front line geometry), so a re-analysis after one line moves recomputes that line only.
 * The crossings' stretches are cached per corridor and set of closed or restricted crossings. (Order does not
 * matter: stretches are cut at every bound and their reasons sorted.)
 */
function dynamicIntervals(
  ctx: AnalysisContext,
  shared: Shared,
  corridor: { geometry: object },
  coords: readonly Position[],
  cumKm: readonly number[],
  parts: StretchList[],
  entries: Map<string, unknown>,
): void {
  const { tokens, asides, crossingKey, badCrossings } = shared;
  let memo = entries.get('corridor-frontlines') as FrontlineMemo | undefined;
  // A new corridor's memo starts with shared empty lists (both are replaced, never written to).
  if (!memo) entries.set('corridor-frontlines', (memo = { tokens: NO_TOKENS, found: NO_FOUND }));
  // Most analyses see the front lines of the last one: those found then are taken by position without a
  // look-up (all of them when the list of tokens is the same array); only a changed line is looked up.
  let found = memo.found;
  const changed = memo.tokens === tokens ? undefined : changedLinesOf(shared, memo.tokens);
  if (changed) found = foundAfterMoves(ctx, shared, corridor, coords, cumKm, memo, changed);
  else if (memo.tokens !== tokens) {
    // What the last analysis found for a line it had but this one has not (at that position) is put aside
    // under that line's token, so a line moved back (or a date that has it again) finds it.
    for (let i = 0; i < memo.tokens.length; i++)
      if (memo.tokens[i] !== tokens[i]) putAside(ctx, memo.tokens[i]).set(corridor.geometry, memo.found[i]);
    // On the first analysis nearly every corridor of a large network is far from every front line: it finds
    // no stretch of any (whatever was put aside for it, found the same way, holds none either), known from
    // one box test and one search rather than a look-up per line and a list.
    if (farFromEveryLine(ctx, shared, coords)) found = noneFound(tokens.length);
    else {
      // Undefined where the line's stretches are not known yet (then found below).
      const next: (StretchList | undefined)[] = [];
      let anyMissing = false;
      for (let i = 0; i < tokens.length; i++) {
        const v = memo.tokens[i] === tokens[i] ? memo.found[i] : asides[i].get(corridor.geometry);
        next.push(v);
        if (v === undefined) anyMissing = true;
      }
      if (anyMissing) frontlineIntervals(ctx, shared, coords, cumKm, next);
      found = next.every((v) => v === NO_INTERVALS) ? noneFound(next.length) : (next as StretchList[]);
    }
    memo.tokens = tokens;
    memo.found = found;
  }
  let crossings = entries.get(crossingKey) as StretchList | undefined;
  if (!crossings) entries.set(crossingKey, (crossings = crossingIntervals(ctx, coords, cumKm, badCrossings)));
  for (let i = 0; i < found.length; i++) if (found[i].reasons.length > 0) parts.push(found[i]);
  if (crossings.reasons.length > 0) parts.push(crossings);
}

const NO_TOKENS: readonly object[] = Object.freeze([]);
const NO_FOUND: readonly StretchList[] = Object.freeze([]);

/** The positions of the front lines that changed since a list of tokens, and where those lines lie. */
export interface ChangedLines {
  lines: number[];
  box: [number, number, number, number];
  /**
   * The boxes of those lines' segments (4 numbers each, as the index of front-line segments has them), when
   * they are few enough to test each corridor against them all; undefined otherwise.
   */
  segmentBoxes: Float64Array | undefined;
  /** The indexes of those segments, in the same order (with `segmentBoxes`). */
  segmentIds: Int32Array | undefined;
}

/** Above this many segments in the changed lines, corridors are not tested against each of their boxes. */
const MAX_TESTED_SEGMENTS = 1024;

/**
 * The front lines at which a corridor's last tokens differ from this analysis' (the same list for every
 * corridor that saw the last analysis, so found once); undefined when the number of lines changed (then every
 * position is looked up again).
 */
function changedLinesOf(shared: Shared, before: readonly object[]): ChangedLines | undefined {
  if (shared.changedSince === before) return shared.changedLines;
  const { tokens, lineBoxes } = shared;
  let changed: ChangedLines | undefined;
  if (before.length === tokens.length) {
    changed = {
      lines: [],
      box: [Infinity, Infinity, -Infinity, -Infinity],
      segmentBoxes: undefined,
      segmentIds: undefined,
    };
    for (let i = 0; i < tokens.length; i++) {
      if (before[i] === tokens[i]) continue;
      changed.lines.push(i);
      const b = lineBoxes[i];
      changed.box[0] = Math.min(changed.box[0], b[0]);
      changed.box[1] = Math.min(changed.box[1], b[1]);
      changed.box[2] = Math.max(changed.box[2], b[2]);
      changed.box[3] = Math.max(changed.box[3], b[3]);
    }
    changed.segmentBoxes = segmentBoxesOf(shared.segments, changed.lines);
    if (changed.segmentBoxes) changed.segmentIds = segmentIdsOf(shared.segments, changed.lines);
  }
  shared.changedSince = before;
  shared.changedLines = changed;
  return changed;
}

/** The boxes of the segments of lines `lines` in `fs`, or undefined when they are more than MAX_TESTED_SEGMENTS. */
function segmentBoxesOf(fs: AnalysisContext['frontlineSegments'], lines: readonly number[]) {
  const changed = new Uint8Array(fs.lines.length);
  for (const i of lines) changed[i] = 1;
  let count = 0;
  for (let s = 0; s < fs.line.length; s++) count += changed[fs.line[s]];
  if (count > MAX_TESTED_SEGMENTS) return undefined;
  const boxes = new Float64Array(4 * count);
  for (let s = 0, k = 0; s < fs.line.length; s++)
    if (changed[fs.line[s]] === 1) {
      boxes.set(segmentBox(fs.a[s], fs.b[s]), k);
      k += 4;
    }
  return boxes;
}

/** The indexes of the segments of lines `lines` in `fs`, in the order `segmentBoxesOf` lists their boxes. */
function segmentIdsOf(fs: AnalysisContext['frontlineSegments'], lines: readonly number[]): Int32Array {
  const changed = new Uint8Array(fs.lines.length);
  for (const i of lines) changed[i] = 1;
  const ids: number[] = [];
  for (let s = 0; s < fs.line.length; s++) if (changed[fs.line[s]] === 1) ids.push(s);
  return Int32Array.from(ids);
}

/**
 * Whether box `g` misses every box of `boxes` (touching counts as meeting, as in the index searches): then no
 * segment of the corridor, whose boxes grown by the buffer lie inside `g`, comes near those segments.
 */
function missesAll(g: readonly number[], boxes: Float64Array): boolean {
  for (let k = 0; k < boxes.length; k += 4)
    if (boxes[k] <= g[2] && boxes[k + 2] >= g[0] && boxes[k + 1] <= g[3] && boxes[k + 3] >= g[1])
      return false;
  return true;
}

/**
 * A corridor's front-line stretches when only the lines of `changed` differ from its last analysis (a front
 * line moved): the others are kept by position, and the list itself is kept when the changed lines give what
 * they gave before. A corridor whose box, grown by the buffer, misses every changed line's box finds no
 * stretch of them (as `frontlineIntervals` would), without a list made or a table written: on a large network
 * a move used to cost every corridor a list of every line and an entry in the moved line's table.
 */
function foundAfterMoves(
  ctx: AnalysisContext,
  shared: Shared,
  corridor: { geometry: object },
  coords: readonly Position[],
  cumKm: readonly number[],
  memo: FrontlineMemo,
  changed: ChangedLines,
): readonly StretchList[] {
  const { tokens, asides } = shared;
  const g = grownBoxOf(coords, ctx.layers.params.frontlineBufferKm);
  const { box, lines, segmentBoxes } = changed;
  // The box of the moved lines first, then (a long line's box covers much of the map) their segments'.
  const far =
    g[0] > box[2] ||
    g[2] < box[0] ||
    g[1] > box[3] ||
    g[3] < box[1] ||
    (segmentBoxes !== undefined && missesAll(g, segmentBoxes));
  let next: (StretchList | undefined)[] | undefined;
  let anyMissing = false;
  for (let l = 0; l < lines.length; l++) {
    const i = lines[l];
    const before = memo.found[i];
    // Kept under the line it was found for, so a line moved back finds it (an empty one needs no entry: a
    // miss computes it again, and a corridor far from the line does so with one box test).
    if (before !== NO_INTERVALS) putAside(ctx, memo.tokens[i]).set(corridor.geometry, before);
    const now = far ? NO_INTERVALS : asides[i].get(corridor.geometry);
    if (now === before) continue;
    next ??= memo.found.slice();
    next[i] = now;
    if (now === undefined) anyMissing = true;
  }
  memo.tokens = tokens;
  if (!next) return memo.found;
  // Every line whose stretches are missing here is one of the changed lines: their few segments are tested
  // directly rather than searched for in the index of every front line's segments.
  if (anyMissing) {
    const km = ctx.layers.params.frontlineBufferKm;
    if (memo.segmentBoxesKm !== km) {
      memo.segmentBoxes = grownSegmentBoxes(coords, km);
      memo.segmentBoxesKm = km;
    }
    frontlineIntervals(ctx, shared, coords, cumKm, next, changed, memo.segmentBoxes);
  }
  const found = next.every((v) => v === NO_INTERVALS) ? noneFound(next.length) : (next as StretchList[]);
  memo.found = found;
  return found;
}

/**
 * A corridor's front-line stretches of the last analysis, by position in its list of tokens. (A map per
 * corridor and line was most of what the corridors kept on a large network, where every road is a corridor
 * and most are near no front line.)
 */
interface FrontlineMemo {
  tokens: readonly object[];
  found: readonly StretchList[];
  /** The corridor's box grown by `grownKm` (`grownBoxOf`), once `keepsLastStretches` has needed it. */
  grown?: readonly [number, number, number, number];
  grownKm?: number;
  /**
   * Each segment's box grown by `segmentBoxesKm` (`grownSegmentBoxes`), once a moved line has come near the
   * corridor: a corridor near a line that keeps moving finds its stretches of it again on every move, and
   * growing each segment's box took a cosine per segment each time.
   */
  segmentBoxes?: Float64Array;
  segmentBoxesKm?: number;
}

/** Each segment of a line's box grown by `km` (`segmentBoxKm`), 4 numbers per segment. */
function grownSegmentBoxes(coords: readonly Position[], km: number): Float64Array {
  const boxes = new Float64Array(4 * Math.max(0, coords.length - 1));
  for (let i = 0; i + 1 < coords.length; i++) {
    segmentBoxKm(SEG_BOX, coords[i], coords[i + 1], km);
    boxes.set(SEG_BOX, 4 * i);
  }
  return boxes;
}

/**
 * The stretches corridors found for a front line (a token) that a later analysis no longer has at that
 * position, by corridor geometry: one table per token, not one per corridor.
 */
function putAside(ctx: AnalysisContext, token: object): WeakMap<object, StretchList> {
  return ctx.cache.get(token, 'corridor-frontline-aside', () => new WeakMap<object, StretchList>());
}

/** `found` with no stretch for any of `n` front lines, shared by the corridors near none of them. */
const noneFoundByCount: (readonly StretchList[])[] = [];
function noneFound(n: number): readonly StretchList[] {
  return (noneFoundByCount[n] ??= Object.freeze(Array.from({ length: n }, () => NO_INTERVALS)));
}

/**
 * One object per (front line geometry, cache key), the same in every analysis that has that line with that
 * key; and per analyzer's cache, the last list of them, kept while an analysis has the same one.
 */
const lineTokens = new WeakMap<object, Map<string, object>>();
const lastTokens = new WeakMap<object, readonly object[]>();
function tokensOf(ctx: AnalysisContext, keys: readonly string[]): readonly object[] {
  const tokens = ctx.frontlineSegments.lines.map((f, i) => {
    let byKey = lineTokens.get(f.geometryKey);
    if (!byKey) lineTokens.set(f.geometryKey, (byKey = new Map()));
    let token = byKey.get(keys[i]);
    if (!token) byKey.set(keys[i], (token = {}));
    return token;
  });
  const last = lastTokens.get(ctx.cache);
  if (last && last.length === tokens.length && last.every((t, i) => t === tokens[i])) return last;
  lastTokens.set(ctx.cache, tokens);
  return tokens;
}

/** What every corridor of one analysis shares: made once per analysis, not once per corridor. */
interface Shared {
  crosslineOpen: ActiveCrossing[];
  badCrossings: ActiveCrossing[];
  /**
   * One token per front line's stretches (`tokensOf` its id, label, the parameters and open crossline
   * crossings): the same object while those are the same.
   */
  tokens: readonly object[];
  /** The analysis' front-line segments (those `tokens` stand for). */
  segments: AnalysisContext['frontlineSegments'];
  /** `putAside` of each token. */
  asides: WeakMap<object, StretchList>[];
  /** Box of each front line's segments (made once per analysis, not once per corridor). */
  lineBoxes: number[][];
  /** Box of every front line's segments. */
  allLinesBox: number[];
  /** Each front line's buffer and crossing reasons, made once per analysis (shared by every stretch). */
  bufferReasons: Reason[];
  crossingReasons: Reason[];
  crossingKey: string;
  /** The key of the stored features' stretches (they depend on the radii). */
  staticKey: string;
  siegeKey: string;
  actors: Map<string, AnalysisContext['scenario']['actors'][number]>;
  /** The last list of tokens `changedLinesOf` compared with `tokens`, and what it found. */
  changedSince: readonly object[] | undefined;
  changedLines: ChangedLines | undefined;
  /** An object of this analysis alone, kept by each corridor it evaluates (`analysisStamp`). */
  stamp: object;
  /**
   * The stamp of the analyzer's last analysis when everything a corridor's stretches depend on, other than the
   * front lines, is what it was then (see `keepsLastStretches`); undefined otherwise.
   */
  sameBesidesFrontlines: object | undefined;
  /** What `sameBesidesFrontlines` compares. */
  inputs: StretchInputs;
  /** How many stored features of each kind the analysis has (references run below 3 times the most). */
  features: { areas: number; incidents: number; constraints: number };
  /** Whether each stored feature is in force (`inForceOf`), made when first needed. */
  inForce: Uint8Array | undefined;
  /** The box of every front-line segment (`segmentBoxesOfAll`), made when first needed. */
  segmentBoxes: Float64Array | undefined;
  /**
   * `staticReasons` and `featureBoxesOf` of the analysis, found when first needed rather than once per
   * corridor (each made a key or closures to find them).
   */
  reasons: StaticReasons | undefined;
  featureBoxes: ReturnType<typeof featureBoxesOf> | undefined;
}
const sharedByContext = new WeakMap<AnalysisContext, Shared>();

/** Everything other than the front lines that a corridor's stretches depend on, compared by identity. */
interface StretchInputs {
  staticKey: string;
  siegeKey: string;
  crossingKey: string;
  areas: ReadonlySet<string>;
  incidents: ReadonlySet<string>;
  constraints: ReadonlySet<string>;
  sieges: readonly object[];
  dateKey: object;
  lines: number;
}

function sameInputs(a: StretchInputs, b: StretchInputs): boolean {
  return (
    a.staticKey === b.staticKey &&
    a.siegeKey === b.siegeKey &&
    a.crossingKey === b.crossingKey &&
    a.areas === b.areas &&
    a.incidents === b.incidents &&
    a.constraints === b.constraints &&
    a.dateKey === b.dateKey &&
    a.lines === b.lines &&
    a.sieges.length === b.sieges.length &&
    a.sieges.every((g, i) => g === b.sieges[i])
  );
}

/** Per analyzer's cache, the `Shared` of its last analysis (only its stamp and inputs are read). */
const lastSharedByCache = new WeakMap<object, Shared>();

/**
 * Whether a corridor's stretches are those the last analysis found, known without making them: that analysis
 * evaluated the corridor (`lastStamp`, the stamp the corridor kept), nothing but front lines changed since,
 * the corridor found no stretch of the lines that changed, and its box grown by the buffer meets no segment of
 * them now. After a front line moves this is nearly every corridor of a large network, which then costs a few
 * look-ups and box tests rather than every part's. Then the corridor's memo is moved on to this analysis (as `corridorIntervalParts` would) and this
 * analysis' stamp is returned, for the corridor to keep; undefined otherwise.
 */
export function keepsLastStretches(
  ctx: AnalysisContext,
  coords: readonly Position[],
  entries: Map<string, unknown>,
  lastStamp: object | undefined,
): object | undefined {
  const shared = sharedOf(ctx);
  if (shared.sameBesidesFrontlines === undefined || lastStamp !== shared.sameBesidesFrontlines)
    return undefined;
  const memo = entries.get('corridor-frontlines') as FrontlineMemo | undefined;
  if (!memo) return undefined;
  if (memo.tokens !== shared.tokens) {
    const changed = changedLinesOf(shared, memo.tokens);
    if (!changed || changed.segmentBoxes === undefined) return undefined;
    for (const i of changed.lines) if (memo.found[i] !== NO_INTERVALS) return undefined;
    // The grown box is kept in the memo already read (a look-up in `grownBoxes` per corridor and move cost
    // more than the test).
    const km = ctx.layers.params.frontlineBufferKm;
    let g = memo.grown;
    if (!g || memo.grownKm !== km) {
      g = memo.grown = grownBoxOf(coords, km);
      memo.grownKm = km;
    }
    const { box } = changed;
    const far =
      g[0] > box[2] || g[2] < box[0] || g[1] > box[3] || g[3] < box[1] || missesAll(g, changed.segmentBoxes);
    if (!far) return undefined;
    memo.tokens = shared.tokens;
  }
  return shared.stamp;
}

/**
 * The front lines that changed since an analysis of this analyzer (its stamp and tokens), when that analysis
 * was the last one and nothing but front lines changed since, and their segments are few enough to be tested
 * one by one; undefined otherwise. A corridor that found no stretch of these lines then and whose box, grown
 * by the buffer, misses them now (`missesLines`) has the stretches it had then.
 */
export function linesMovedSince(
  ctx: AnalysisContext,
  stamp: object,
  tokens: readonly object[],
): ChangedLines | undefined {
  const shared = sharedOf(ctx);
  if (shared.sameBesidesFrontlines === undefined || shared.sameBesidesFrontlines !== stamp) return undefined;
  const changed = changedLinesOf(shared, tokens);
  return changed?.segmentBoxes === undefined ? undefined : changed;
}

/** Whether box `g` (4 numbers from `at` in `boxes`) misses the changed lines (as `keepsLastStretches` tests). */
export function missesLines(boxes: Float64Array, at: number, changed: ChangedLines): boolean {
  const { box } = changed;
  const segments = changed.segmentBoxes as Float64Array;
  const w = boxes[at];
  const s = boxes[at + 1];
  const e = boxes[at + 2];
  const n = boxes[at + 3];
  if (w > box[2] || e < box[0] || s > box[3] || n < box[1]) return true;
  for (let k = 0; k < segments.length; k += 4)
    if (segments[k] <= e && segments[k + 2] >= w && segments[k + 1] <= n && segments[k + 3] >= s)
      return false;
  return true;
}

/** This analysis' front-line tokens (the same array while no line changed). */
export function frontlineTokens(ctx: AnalysisContext): readonly object[] {
  return sharedOf(ctx).tokens;
}

/**
 * Writes which front lines a corridor found stretches of (bit `i % 32` of word `at + i / 32` for line `i`),
 * when its entries hold its stretches for `tokens`; returns false, writing nothing, otherwise.
 */
export function linesFoundInto(
  entries: Map<string, unknown>,
  tokens: readonly object[],
  bits: Uint32Array,
  at: number,
): boolean {
  const memo = entries.get('corridor-frontlines') as FrontlineMemo | undefined;
  if (memo === undefined || memo.tokens !== tokens || memo.found.length !== tokens.length) return false;
  const { found } = memo;
  const words = (found.length + 31) >>> 5;
  for (let w = 0; w < words; w++) bits[at + w] = 0;
  // Most corridors share the list of no stretch at all.
  if (found === noneFound(found.length)) return true;
  for (let i = 0; i < found.length; i++) if (found[i] !== NO_INTERVALS) bits[at + (i >>> 5)] |= 1 << (i & 31);
  return true;
}

/**
 * Moves a corridor's front-line stretches on to `tokens`, for a corridor that found no stretch of the lines
 * changed since its own tokens and whose grown box missed them (as `keepsLastStretches` does): its entries
 * then hold what `dynamicIntervals` would have kept had it run on every analysis since.
 */
export function moveFrontlinesOn(entries: Map<string, unknown>, tokens: readonly object[]): void {
  const memo = entries.get('corridor-frontlines') as FrontlineMemo | undefined;
  if (memo) memo.tokens = tokens;
}

/** A corridor's box grown by the front-line buffer (see `grownBoxOf`), written into `out` at `at`. */
export function grownBoxInto(out: Float64Array, at: number, coords: readonly Position[], km: number): void {
  const g = grownBoxOf(coords, km);
  out[at] = g[0];
  out[at + 1] = g[1];
  out[at + 2] = g[2];
  out[at + 3] = g[3];
}

/**
 * This analysis' stamp: a corridor keeps it with the report it made or kept, so that the next analysis can
 * tell it saw this one (`keepsLastStretches`).
 */
export function analysisStamp(ctx: AnalysisContext): object {
  return sharedOf(ctx).stamp;
}

function sharedOf(ctx: AnalysisContext): Shared {
  let shared = sharedByContext.get(ctx);
  if (shared) return shared;
  const { params } = ctx.layers;
  const crosslineOpen = ctx.layers.crossings.filter(
    (c) => c.feature.properties.kind === 'crossline' && c.status !== 'closed',
  );
  const badCrossings = ctx.layers.crossings.filter((c) => c.status !== 'open');
  const common = `${params.frontlineBufferKm}|${params.crosslineToleranceKm}|${crosslineOpen
    .map((c) => c.feature.properties.id)
    .join(',')}`;
  const labels = ctx.frontlineSegments.lines.map((f) => frontlineLabel(ctx.scenario, f));
  const d = params.frontlineBufferKm;
  const fs = ctx.frontlineSegments;
  const lineBoxes = fs.lines.map(() => [Infinity, Infinity, -Infinity, -Infinity]);
  for (let s = 0; s < fs.line.length; s++) {
    const box = lineBoxes[fs.line[s]];
    for (const p of [fs.a[s], fs.b[s]]) {
      box[0] = Math.min(box[0], p[0]);
      box[1] = Math.min(box[1], p[1]);
      box[2] = Math.max(box[2], p[0]);
      box[3] = Math.max(box[3], p[1]);
    }
  }
  const keys = ctx.frontlineSegments.lines.map((f, i) => `${f.id}|${labels[i]}|${common}`);
  const tokens = tokensOf(ctx, keys);
  const allLinesBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of lineBoxes) {
    allLinesBox[0] = Math.min(allLinesBox[0], b[0]);
    allLinesBox[1] = Math.min(allLinesBox[1], b[1]);
    allLinesBox[2] = Math.max(allLinesBox[2], b[2]);
    allLinesBox[3] = Math.max(allLinesBox[3], b[3]);
  }
  shared = {
    lineBoxes,
    allLinesBox,
    bufferReasons: ctx.frontlineSegments.lines.map((f, i) => ({
      code: 'frontline_buffer',
      featureId: f.id,
      detail: `within ${formatKm(d)} of front line ${labels[i]}`,
    })),
    crossingReasons: ctx.frontlineSegments.lines.map((f, i) => ({
      code: 'frontline_crossing',
      featureId: f.id,
      detail: `crosses front line ${labels[i]} with no open crossline crossing within ${formatKm(params.crosslineToleranceKm)}`,
    })),
    crosslineOpen,
    badCrossings,
    tokens,
    segments: ctx.frontlineSegments,
    asides: tokens.map((t) => putAside(ctx, t)),
    crossingKey: `corridor-crossings:${ctx.options.crossingAttachKm}|${badCrossings
      .map((c) => `${c.feature.properties.id}/${c.status}/${c.since}`)
      .join(',')}`,
    staticKey: `corridor-static:${params.incidentRadiusKm}|${params.constraintRadiusKm}`,
    siegeKey: `corridor-siege:${params.constraintRadiusKm}`,
    actors: new Map(ctx.scenario.actors.map((a) => [a.id, a])),
    changedSince: undefined,
    changedLines: undefined,
    stamp: {},
    sameBesidesFrontlines: undefined,
    features: {
      areas: ctx.allHazardAreas.length,
      incidents: ctx.incidents.length,
      constraints: ctx.allHazardConstraints.length,
    },
    inForce: undefined,
    segmentBoxes: undefined,
    reasons: undefined,
    featureBoxes: undefined,
    inputs: {
      staticKey: `corridor-static:${params.incidentRadiusKm}|${params.constraintRadiusKm}`,
      siegeKey: `corridor-siege:${params.constraintRadiusKm}`,
      crossingKey: '',
      areas: ctx.activeAreaIds,
      incidents: ctx.activeIncidents,
      constraints: ctx.activeConstraintIds,
      sieges: ctx.sieges.map((c) => c.geometry),
      dateKey: ctx.hazards.dateKey,
      lines: tokens.length,
    },
  };
  shared.inputs.crossingKey = shared.crossingKey;
  const last = lastSharedByCache.get(ctx.cache);
  if (last && sameInputs(last.inputs, shared.inputs)) shared.sameBesidesFrontlines = last.stamp;
  lastSharedByCache.set(ctx.cache, shared);
  sharedByContext.set(ctx, shared);
  return shared;
}

/**
 * Buffer and crossing stretches of the front lines `fs.lines[i]` for which `found[i]` is undefined, written
 * there. Lists are made only for lines the corridor comes near (on a large network, most corridors come near
 * none). `segmentBoxes`, when given, holds each segment's box grown by the buffer (`grownSegmentBoxes`).
 */
function frontlineIntervals(
  ctx: AnalysisContext,
  shared: Shared,
  coords: readonly Position[],
  cumKm: readonly number[],
  found: (StretchList | undefined)[],
  changed?: ChangedLines,
  segmentBoxes?: Float64Array,
): void {
  const { params } = ctx.layers;
  const wanted = found.map((v) => v === undefined);
  const total = cumKm[cumKm.length - 1];
  const fs = ctx.frontlineSegments;
  const d = params.frontlineBufferKm;
  // Box of the wanted lines: corridor segments away from it are skipped.
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const { lineBoxes } = shared;
  for (let li = 0; li < wanted.length; li++) {
    if (!wanted[li]) continue;
    const b = lineBoxes[li];
    box[0] = Math.min(box[0], b[0]);
    box[1] = Math.min(box[1], b[1]);
    box[2] = Math.max(box[2], b[2]);
    box[3] = Math.max(box[3], b[3]);
  }
  // One search around the whole line first: most lines of a large network are nowhere near a front line,
  // and then none of their segments needs a search of its own.
  const lineBox = grownBoxOf(coords, d);
  const outside = lineBox[0] > box[2] || lineBox[2] < box[0] || lineBox[1] > box[3] || lineBox[3] < box[1];
  // Each segment below tests only the front-line segments near the whole line, found by one search (a search
  // per segment made a queue and a list for every segment of every corridor near a front line); after a
  // move, only the changed ones near it (a long moved line has hundreds, of which a corridor comes near a
  // few).
  const near = outside
    ? undefined
    : changed === undefined
      ? segmentsNearLine(shared, lineBox)
      : changed.segmentIds
        ? nearSegmentsOf(changed, lineBox)
        : undefined;
  if (
    outside ||
    !someWanted(
      searchSegments(fs, near ?? changed, lineBox[0], lineBox[1], lineBox[2], lineBox[3]),
      fs,
      wanted,
    )
  ) {
    for (let li = 0; li < wanted.length; li++) if (wanted[li]) found[li] = NO_INTERVALS;
    return;
  }
  const { bufferReasons, crossingReasons, crosslineOpen } = shared;
  const tolerance = params.crosslineToleranceKm;
  const half = Math.max(tolerance, MIN_POINT_HAZARD_KM);
  // Each segment's box grown by the buffer (as expandBboxKm(bboxOf([a, b]), d)): read from `segmentBoxes`,
  // or written in place. No closures over the segment's start and length (see staticIntervals).
  const fbox = segmentBoxes ?? SEG_BOX;
  // Collected in the shared `FOUND`, emptied first (a call that failed may have left some there).
  const out = FOUND;
  out.clear();
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    const k0 = cumKm[i];
    const span = cumKm[i + 1] - k0;
    let at = 0;
    if (segmentBoxes) at = 4 * i;
    else segmentBoxKm(fbox, a, b, d);
    const west = fbox[at];
    const south = fbox[at + 1];
    const east = fbox[at + 2];
    const north = fbox[at + 3];
    if (west > box[2] || east < box[0] || south > box[3] || north < box[1]) continue;
    const hits = FRONTLINE_HITS;
    const count = searchSegments(fs, near ?? changed, west, south, east, north);
    for (let h = 0; h < count; h++) {
      const s = hits.items[h];
      const li = fs.line[s];
      if (!wanted[li]) continue;
      if (segmentBufferIntervalInto(a, b, fs.a[s], fs.b[s], d, BUFFER_T))
        pushKm(out, k0, span, total, BUFFER_T[0], BUFFER_T[1], li, bufferReasons[li]);
      const hit = segmentIntersection(a, b, fs.a[s], fs.b[s]);
      if (!hit) continue;
      const p: Position = [a[0] + hit.t * (b[0] - a[0]), a[1] + hit.t * (b[1] - a[1])];
      let passage = false;
      for (const c of crosslineOpen)
        if (haversineKm(c.feature.geometry.coordinates, p) <= tolerance) {
          passage = true;
          break;
        }
      if (!passage) aroundKm(out, k0 + hit.t * span, half, total, li, crossingReasons[li]);
    }
  }
  out.listsInto(found, wanted);
  out.clear();
}

/**
 * The segments of `changed` whose box meets `lineBox` (a line's box grown by the buffer, which holds each of
 * its segments' grown boxes), in their order, as a `ChangedLines` for `searchSegments`: a segment of the line
 * meets no other. The box is widened by far more than a rounding, so that no segment a search would find is
 * left out. Written into shared lists, for one line at a time.
 */
function nearSegmentsOf(changed: ChangedLines, lineBox: readonly number[]): ChangedLines {
  const boxes = changed.segmentBoxes as Float64Array;
  const ids = changed.segmentIds as Int32Array;
  if (NEAR_IDS.length < ids.length) {
    NEAR_IDS = new Int32Array(ids.length);
    NEAR_BOXES = new Float64Array(4 * ids.length);
  }
  const w = lineBox[0] - NEAR_MARGIN;
  const s = lineBox[1] - NEAR_MARGIN;
  const e = lineBox[2] + NEAR_MARGIN;
  const n = lineBox[3] + NEAR_MARGIN;
  let count = 0;
  for (let k = 0; k < ids.length; k++) {
    const at = 4 * k;
    if (boxes[at] > e || boxes[at + 2] < w || boxes[at + 1] > n || boxes[at + 3] < s) continue;
    NEAR_IDS[count] = ids[k];
    NEAR_BOXES[4 * count] = boxes[at];
    NEAR_BOXES[4 * count + 1] = boxes[at + 1];
    NEAR_BOXES[4 * count + 2] = boxes[at + 2];
    NEAR_BOXES[4 * count + 3] = boxes[at + 3];
    count++;
  }
  NEAR.segmentIds = NEAR_IDS.subarray(0, count);
  NEAR.segmentBoxes = NEAR_BOXES.subarray(0, 4 * count);
  return NEAR;
}

/**
 * The front-line segments whose box meets `lineBox` (as `nearSegmentsOf`, widened the same way), found by a
 * search of the index of every front line's segments, as a `ChangedLines` for `searchSegments`.
 */
function segmentsNearLine(shared: Shared, lineBox: readonly number[]): ChangedLines {
  const boxes = segmentBoxesOfAll(shared);
  const count = FRONTLINE_HITS.search(
    shared.segments.index,
    lineBox[0] - NEAR_MARGIN,
    lineBox[1] - NEAR_MARGIN,
    lineBox[2] + NEAR_MARGIN,
    lineBox[3] + NEAR_MARGIN,
  );
  if (NEAR_IDS.length < count) {
    NEAR_IDS = new Int32Array(2 * count);
    NEAR_BOXES = new Float64Array(8 * count);
  }
  for (let h = 0; h < count; h++) {
    const s = FRONTLINE_HITS.items[h];
    NEAR_IDS[h] = s;
    NEAR_BOXES[4 * h] = boxes[4 * s];
    NEAR_BOXES[4 * h + 1] = boxes[4 * s + 1];
    NEAR_BOXES[4 * h + 2] = boxes[4 * s + 2];
    NEAR_BOXES[4 * h + 3] = boxes[4 * s + 3];
  }
  NEAR.segmentIds = NEAR_IDS.subarray(0, count);
  NEAR.segmentBoxes = NEAR_BOXES.subarray(0, 4 * count);
  return NEAR;
}

/** The box of every front-line segment of the analysis, as its index holds them (4 numbers each). */
function segmentBoxesOfAll(shared: Shared): Float64Array {
  if (shared.segmentBoxes) return shared.segmentBoxes;
  const fs = shared.segments;
  const boxes = new Float64Array(4 * fs.line.length);
  for (let s = 0; s < fs.line.length; s++) boxes.set(segmentBox(fs.a[s], fs.b[s]), 4 * s);
  return (shared.segmentBoxes = boxes);
}

let NEAR_IDS = new Int32Array(64);
let NEAR_BOXES = new Float64Array(256);
const NEAR: ChangedLines = { lines: [], box: [0, 0, 0, 0], segmentBoxes: undefined, segmentIds: undefined };
/** Degrees (about a centimetre): far above the rounding of a box grown at two latitudes. */
const NEAR_MARGIN = 1e-7;

/**
 * Whether a corridor's box grown by the buffer meets no front-line segment's box (touching counts, as in the
 * index searches): then no segment of it comes near any line, and `frontlineIntervals` would find nothing.
 */
function farFromEveryLine(ctx: AnalysisContext, shared: Shared, coords: readonly Position[]): boolean {
  const g = grownBoxOf(coords, ctx.layers.params.frontlineBufferKm);
  const box = shared.allLinesBox;
  if (g[0] > box[2] || g[2] < box[0] || g[1] > box[3] || g[3] < box[1]) return true;
  return FRONTLINE_HITS.search(shared.segments.index, g[0], g[1], g[2], g[3]) === 0;
}

/** Whether one of the front-line segments `hits.items[0 .. count)` is of a wanted line. */
function someWanted(count: number, fs: AnalysisContext['frontlineSegments'], wanted: readonly boolean[]) {
  for (let h = 0; h < count; h++) if (wanted[fs.line[FRONTLINE_HITS.items[h]]]) return true;
  return false;
}

/** The front-line segments found by a search (one at a time), as `fs.index.search` lists them. */
const FRONTLINE_HITS = new IndexHits();

/**
 * The front-line segments whose box meets a query box (touching counts), into FRONTLINE_HITS; returns their
 * count. With `changed` (its segments listed), only those segments are tested, in their order: a search of
 * the index makes a queue, a list and a callback each time, for every segment of every corridor near a moved
 * line. Otherwise the index is searched. (The order of the hits changes only the order of a line's stretches,
 * which the sweep sorts.)
 */
function searchSegments(
  fs: AnalysisContext['frontlineSegments'],
  changed: ChangedLines | undefined,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): number {
  const boxes = changed?.segmentBoxes;
  const ids = changed?.segmentIds;
  if (!boxes || !ids) return FRONTLINE_HITS.search(fs.index, minX, minY, maxX, maxY);
  const hits = FRONTLINE_HITS;
  let count = 0;
  for (let k = 0; k < ids.length; k++)
    if (
      boxes[4 * k] <= maxX &&
      boxes[4 * k + 2] >= minX &&
      boxes[4 * k + 1] <= maxY &&
      boxes[4 * k + 3] >= minY
    ) {
      if (count === hits.items.length) {
        const grown = new Int32Array(2 * count);
        grown.set(hits.items);
        hits.items = grown;
      }
      hits.items[count++] = ids[k];
    }
  hits.count = count;
  return count;
}

/** The stretches `frontlineIntervals` finds along one corridor, before they are put in each line's list. */
const FOUND = new FoundStretches();

/**
 * The stretch of parameters [t0, t1] of a segment starting `k0` km along a line of length `total`, `span` km
 * long, added to `out` for front line `line` with `reason`; a touch is given a minimal width (as `pushRange`).
 */
function pushKm(
  out: FoundStretches,
  k0: number,
  span: number,
  total: number,
  t0: number,
  t1: number,
  line: number,
  reason: Reason,
): void {
  if (span * (t1 - t0) < MIN_POINT_HAZARD_KM)
    aroundKm(out, k0 + ((t0 + t1) / 2) * span, MIN_POINT_HAZARD_KM / 2, total, line, reason);
  else out.add(k0 + t0 * span, k0 + t1 * span, line, reason);
}

/**
 * The stretch within `half` km of `at` km along a line of length `total`, added to `out` for front line
 * `line` with `reason`.
 */
function aroundKm(
  out: FoundStretches,
  at: number,
  half: number,
  total: number,
  line: number,
  reason: Reason,
): void {
  out.add(Math.max(0, at - half), Math.min(total, at + half), line, reason);
}

/**
 * A corridor's box grown by the front-line buffer, made once per corridor and buffer: every re-analysis
 * after a front line moves tests every corridor against it.
 */
const grownBoxes = new WeakMap<readonly Position[], { km: number; box: [number, number, number, number] }>();
function grownBoxOf(coords: readonly Position[], km: number): readonly [number, number, number, number] {
  let grown = grownBoxes.get(coords);
  if (!grown || grown.km !== km)
    grownBoxes.set(coords, (grown = { km, box: expandBboxKm(bboxOf(coords), km) }));
  return grown.box;
}

/** Stretches of the closed and restricted crossings a corridor passes. */
function crossingIntervals(
  ctx: AnalysisContext,
  coords: readonly Position[],
  cumKm: readonly number[],
  badCrossings: readonly ActiveCrossing[],
): StretchList {
  // With no closed or restricted crossing (most dates), no segment needs a look.
  if (badCrossings.length === 0) return NO_INTERVALS;
  const out: KmInterval[] = [];
  const total = cumKm[cumKm.length - 1];
  // A crossing further in latitude from a segment than the attach distance (with a margin far above rounding)
  // is further from it in any direction: `projectOnSegment` measures at least the latitude difference to
  // the nearest point, which lies within the segment's latitudes. Such pairs, nearly all of them, are skipped
  // without projecting (each projection made two objects, for every corridor segment and bad crossing).
  const attach = ctx.options.crossingAttachKm;
  const latGap = (attach * (1 + 1e-6) + 1e-9) / KM_PER_DEGREE;
  const crossingLat = badCrossings.map((c) => c.feature.geometry.coordinates[1]);
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    const k0 = cumKm[i];
    const span = cumKm[i + 1] - k0;
    const south = (a[1] < b[1] ? a[1] : b[1]) - latGap;
    const north = (a[1] < b[1] ? b[1] : a[1]) + latGap;
    for (let j = 0; j < badCrossings.length; j++) {
      if (crossingLat[j] < south || crossingLat[j] > north) continue;
      const c = badCrossings[j];
      const pr = projectOnSegment(c.feature.geometry.coordinates, a, b);
      if (pr.distanceKm > ctx.options.crossingAttachKm) continue;
      const cp = c.feature.properties;
      const since = c.since ? ` since ${c.since}` : ' (override)';
      const half = Math.max(
        Math.sqrt(Math.max(0, ctx.options.crossingAttachKm ** 2 - pr.distanceKm ** 2)),
        MIN_POINT_HAZARD_KM,
      );
      const at = k0 + pr.t * span;
      out.push({
        fromKm: Math.max(0, at - half),
        toKm: Math.min(total, at + half),
        reason: {
          code: c.status === 'closed' ? 'crossing_closed' : 'crossing_restricted',
          featureId: cp.id,
          detail: `passes ${cp.kind} crossing "${cp.name}", ${c.status}${since}`,
        },
      });
    }
  }
  return stretchListOf(out);
}

/**
 * The stretches of every stored area, incident and constraint along a line (whatever the date), as typed
 * ranges whose references are `3 * index + kind` in the analyzer's lists (`reasonOfRef`).
 */
export function staticIntervals(
  ctx: AnalysisContext,
  coords: readonly Position[],
  cumKm: readonly number[],
): TypedStretches {
  const { params } = ctx.layers;
  const out = STATIC_WRITER;
  const total = cumKm[cumKm.length - 1];
  const shared = sharedOf(ctx);
  const { actors } = shared;
  const reasons = (shared.reasons ??= staticReasons(ctx));

  // One search per kind around the whole line: each segment's box lies inside the line's, grown by the same
  // distance (the line's farthest latitude grows it the most), so what a segment's search would find is among
  // what this one found. A segment then tests those few boxes itself instead of searching the index (a search
  // makes lists; there are three per segment of every corridor); with many near, it searches as before.
  const lineBox = bboxOf(coords);
  const areasNear = searchNear(AREAS_NEAR, ctx.allHazardAreaIndex, lineBox, 0);
  const incidentsNear = searchNear(INCIDENTS_NEAR, ctx.incidentIndex, lineBox, params.incidentRadiusKm);
  const constraintsNear = searchNear(
    CONSTRAINTS_NEAR,
    ctx.allHazardConstraintIndex,
    lineBox,
    params.constraintRadiusKm,
  );
  // Most lines of a large network have nothing stored near them: then no segment can find anything, and the
  // loop below would only grow boxes.
  if (areasNear === 0 && incidentsNear === 0 && constraintsNear === 0) return NO_TYPED_STRETCHES;
  const { areaBoxes, incidentBoxes, constraintBoxes } = (shared.featureBoxes ??= featureBoxesOf(ctx));
  const { scales: incidentScales, counts: incidentCounts } = incidentTableOf(ctx.incidents);
  // An area whose ring edges all keep away from the line's box has the whole line inside it or the whole
  // line outside: the first segment that meets its box tells which, for every segment after it.
  const areasByLine = areasNear > 0 && areasNear <= MAX_TESTED;
  if (areasByLine) wholeLineAreas(ctx, AREAS_NEAR.items, areasNear, lineBox);
  // The current segment's box (and grown by each radius), written in place for each segment.
  const segBox = SEG_BOX;
  const ibox = INCIDENT_BOX;
  const cbox = CONSTRAINT_BOX;
  const lbox = LINE_BOX;
  // No segment's box grows in longitude more than the line's does (`widestDLon`).
  const incidentDLon = widestDLon(lineBox, params.incidentRadiusKm);
  const constraintDLon = widestDLon(lineBox, params.constraintRadiusKm);
  // Nor less than this: a feature meeting a segment's box grown by it needs no exact growth (a cosine).
  const incidentMinDLon = narrowestDLon(lineBox, params.incidentRadiusKm);
  const constraintMinDLon = narrowestDLon(lineBox, params.constraintRadiusKm);
  // With few features of a kind near the line (tested by each segment rather than searched), each run of
  // segments first keeps those near it, and its segments test only these: most features are near a part of
  // the line only. The lists keep the line's order, so each segment finds the same features in the same order.
  const incidentsByRun = incidentsNear > 0 && incidentsNear <= MAX_TESTED;
  const constraintsByRun = constraintsNear > 0 && constraintsNear <= MAX_TESTED;
  let incidentsInRun = 0;
  let constraintsInRun = 0;
  // No closures here: a closure reading the segment's start and length made those variables live in
  // a context object, where every double written (twice per segment of every corridor) was a new heap number.
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    const k0 = cumKm[i];
    const span = cumKm[i + 1] - k0;
    segmentBoxKm(segBox, a, b, 0);
    if (i % RUN_SEGMENTS === 0) {
      const to = Math.min(i + RUN_SEGMENTS, coords.length - 1);
      if (areasByLine) wholeRunAreas(ctx, AREAS_NEAR.items, areasNear, coords, i, to);
      if (incidentsByRun)
        incidentsInRun = nearRun(
          INCIDENTS_NEAR.items,
          incidentsNear,
          incidentBoxes,
          coords,
          i,
          to,
          params.incidentRadiusKm,
          incidentDLon,
          INCIDENTS_IN_RUN,
        );
      if (constraintsByRun)
        constraintsInRun = nearRun(
          CONSTRAINTS_NEAR.items,
          constraintsNear,
          constraintBoxes,
          coords,
          i,
          to,
          params.constraintRadiusKm,
          constraintDLon,
          CONSTRAINTS_IN_RUN,
        );
    }

    // Areas that deny access or are contested. (A kind with nothing near the line is skipped, here and below:
    // its segments would test nothing.)
    const areas =
      areasNear === 0
        ? NO_HITS
        : hitsOfSegment(AREAS_NEAR, areasNear, areaBoxes, ctx.allHazardAreaIndex, segBox);
    for (let h = 0; h < areas.count; h++) {
      const n = areas.items[h];
      if (n < 0) continue;
      const area = ctx.allHazardAreas[n];
      // Cut by a ring somewhere along the line, the area may still leave this run of segments whole.
      const byRun = areasByLine && AREA_WHOLE[n] === PIECES;
      const wholes = byRun ? RUN_AREA_WHOLE : AREA_WHOLE;
      const whole = areasByLine ? wholes[n] : PIECES;
      let inside = 0;
      if (whole === ALL_INSIDE) inside = allInside(INSIDE);
      else if (whole !== ALL_OUTSIDE) {
        inside = polygonIndexOf(area.geometry).insideIntervalsInto(a, b, INSIDE);
        if (whole === UNDECIDED) wholes[n] = inside > 0 ? ALL_INSIDE : ALL_OUTSIDE;
      }
      if (inside === 0) continue;
      reasons.areas[n] ??= areaReason(area, actors);
      for (let k = 0; k < inside; k++)
        pushRange(out, k0, span, total, INSIDE.t[2 * k], INSIDE.t[2 * k + 1], 3 * n + AREA);
    }

    // Incidents in the window.
    const r = params.incidentRadiusKm;
    const incidents = incidentsByRun
      ? hitsAroundKm(
          INCIDENTS_IN_RUN,
          incidentsInRun,
          incidentBoxes,
          segBox,
          r,
          incidentMinDLon,
          incidentDLon,
          ibox,
        )
      : hitsWithinKm(
          INCIDENTS_NEAR,
          incidentsNear,
          incidentBoxes,
          ctx.incidentIndex,
          segBox,
          r,
          incidentDLon,
          ibox,
        );
    for (let h = 0; h < incidents.count; h++) {
      const n = incidents.items[h];
      if (n < 0) continue;
      // Read from typed lists rather than the feature: a segment tests many incidents, each a feature
      // somewhere else in memory, most of which give it no stretch.
      if (incidentCounts[n] === 0) continue;
      CENTER[0] = incidentBoxes[4 * n];
      CENTER[1] = incidentBoxes[4 * n + 1];
      if (!segmentCircleIntervalScaledInto(a, b, CENTER, incidentScales[n], r, CIRCLE_T)) continue;
      reasons.incidents[n] ??= incidentReason(ctx.incidents[n], r);
      pushRange(out, k0, span, total, CIRCLE_T[0], CIRCLE_T[1], 3 * n + INCIDENT);
    }

    // Constraints.
    const cr = params.constraintRadiusKm;
    const constraints = constraintsByRun
      ? hitsAroundKm(
          CONSTRAINTS_IN_RUN,
          constraintsInRun,
          constraintBoxes,
          segBox,
          cr,
          constraintMinDLon,
          constraintDLon,
          cbox,
        )
      : hitsWithinKm(
          CONSTRAINTS_NEAR,
          constraintsNear,
          constraintBoxes,
          ctx.allHazardConstraintIndex,
          segBox,
          cr,
          constraintDLon,
          cbox,
        );
    for (let h = 0; h < constraints.count; h++) {
      const n = constraints.items[h];
      if (n < 0) continue;
      const c = ctx.allHazardConstraints[n];
      reasons.constraints[n] ??= constraintReason(c, cr);
      const reason = 3 * n + CONSTRAINT;
      const g = c.geometry;
      const lines: Position[][] = [];
      if (g.type === 'Point') {
        if (segmentCircleIntervalInto(a, b, g.coordinates, cr, CIRCLE_T))
          pushRange(out, k0, span, total, CIRCLE_T[0], CIRCLE_T[1], reason);
        continue;
      }
      if (g.type === 'LineString') lines.push(g.coordinates);
      else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
      else {
        const polys = polygonsOf(g);
        const inside = polygonIndexOf(g).insideIntervalsInto(a, b, INSIDE);
        for (let k = 0; k < inside; k++)
          pushRange(out, k0, span, total, INSIDE.t[2 * k], INSIDE.t[2 * k + 1], reason);
        lines.push(...polys.flat());
      }
      for (const line of lines)
        for (let k = 0; k + 1 < line.length; k++) {
          segmentBoxKm(lbox, line[k], line[k + 1], cr);
          const overlaps =
            lbox[0] <= segBox[2] && lbox[2] >= segBox[0] && lbox[1] <= segBox[3] && lbox[3] >= segBox[1];
          if (!overlaps) continue;
          if (segmentBufferIntervalInto(a, b, line[k], line[k + 1], cr, BUFFER_T))
            pushRange(out, k0, span, total, BUFFER_T[0], BUFFER_T[1], reason);
        }
    }
  }
  return out.done();
}

/**
 * The stretch of parameters [t0, t1] of a segment starting `k0` km along a line of length `total`, `span` km
 * long, written to `out`. A line that only touches a buffer or area still counts: the touch is given a
 * minimal width.
 */
function pushRange(
  out: TypedStretchWriter,
  k0: number,
  span: number,
  total: number,
  t0: number,
  t1: number,
  ref: number,
): void {
  if (span * (t1 - t0) < MIN_POINT_HAZARD_KM) {
    const at = k0 + ((t0 + t1) / 2) * span;
    const half = MIN_POINT_HAZARD_KM / 2;
    out.push(Math.max(0, at - half), Math.min(total, at + half), ref);
  } else out.push(k0 + t0 * span, k0 + t1 * span, ref);
}

/** The features of `index` near a line's box grown by `km`, into `hits`; returns their count. */
function searchNear(
  hits: IndexHits,
  index: AnalysisContext['incidentIndex'],
  lineBox: readonly [number, number, number, number],
  km: number,
): number {
  // An empty index (no constraints stored, say) finds nothing, without a box or a search.
  if (index.size === 0) {
    hits.count = 0;
    return 0;
  }
  if (km <= 0) return hits.search(index, lineBox[0], lineBox[1], lineBox[2], lineBox[3]);
  const box = NEAR_QUERY;
  expandBoxKmInto(box, lineBox[0], lineBox[1], lineBox[2], lineBox[3], km);
  return hits.search(index, box[0], box[1], box[2], box[3]);
}

/** The box `searchNear` searches around, written in place for each search. */
const NEAR_QUERY = new Float64Array(4);

/** The boxes of the segment being tested, shared by every line (one at a time). */
const SEG_BOX = new Float64Array(4);
const INCIDENT_BOX = new Float64Array(4);
const CONSTRAINT_BOX = new Float64Array(4);
const LINE_BOX = new Float64Array(4);

/** Each kind's features near the line being done. */
const AREAS_NEAR = new IndexHits();
const INCIDENTS_NEAR = new IndexHits();
const CONSTRAINTS_NEAR = new IndexHits();

/** What a line is to each area near it (by the area's index), set for each line with few areas near it. */
let AREA_WHOLE = new Uint8Array(64);
/** Cut by the area's rings somewhere: each segment is tested. */
const PIECES = 0;
/** Wholly inside or wholly outside, not yet known which. */
const UNDECIDED = 1;
const ALL_INSIDE = 2;
const ALL_OUTSIDE = 3;

/**
 * Degrees the line's box is grown by before asking whether a ring edge meets it: far more than the rounding
 * of the inside tests, far less than any road or ring.
 */
const RING_MARGIN = 1e-9;

/** Sets `AREA_WHOLE` for the areas near a line: `UNDECIDED` for those no ring edge of which meets its box. */
function wholeLineAreas(
  ctx: AnalysisContext,
  near: Int32Array,
  count: number,
  lineBox: readonly [number, number, number, number],
): void {
  if (AREA_WHOLE.length < ctx.allHazardAreas.length)
    AREA_WHOLE = new Uint8Array(2 * ctx.allHazardAreas.length);
  const w = lineBox[0] - RING_MARGIN;
  const s = lineBox[1] - RING_MARGIN;
  const e = lineBox[2] + RING_MARGIN;
  const north = lineBox[3] + RING_MARGIN;
  for (let h = 0; h < count; h++) {
    const n = near[h];
    const index = polygonIndexOf(ctx.allHazardAreas[n].geometry);
    AREA_WHOLE[n] = index.edgeBoxMeets(w, s, e, north) ? PIECES : UNDECIDED;
  }
}

/** `AREA_WHOLE` for the run of segments being done, of the areas cut by a ring somewhere along the line. */
let RUN_AREA_WHOLE = new Uint8Array(64);

/**
 * Sets `RUN_AREA_WHOLE` for the areas near a line that a ring cuts somewhere along it (`PIECES`), for the run
 * of segments `coords[from .. to]`.
 */
function wholeRunAreas(
  ctx: AnalysisContext,
  near: Int32Array,
  count: number,
  coords: readonly Position[],
  from: number,
  to: number,
): void {
  if (RUN_AREA_WHOLE.length < AREA_WHOLE.length) RUN_AREA_WHOLE = new Uint8Array(AREA_WHOLE.length);
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let north = -Infinity;
  for (let i = from; i <= to; i++) {
    const x = coords[i][0];
    const y = coords[i][1];
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > north) north = y;
  }
  for (let h = 0; h < count; h++) {
    const n = near[h];
    if (AREA_WHOLE[n] !== PIECES) continue;
    const index = polygonIndexOf(ctx.allHazardAreas[n].geometry);
    RUN_AREA_WHOLE[n] = index.edgeBoxMeets(
      w - RING_MARGIN,
      s - RING_MARGIN,
      e + RING_MARGIN,
      north + RING_MARGIN,
    )
      ? PIECES
      : UNDECIDED;
  }
}

/** A segment wholly inside, as `insideIntervalsInto` gives it: one interval, [0, 1]. */
function allInside(out: { t: Float64Array }): number {
  out.t[0] = 0;
  out.t[1] = 1;
  return 1;
}

/** How many consecutive segments share one list of the features near them (`nearRun`). */
const RUN_SEGMENTS = 8;
/** Of the features near the line, those near the run of segments being done. */
const INCIDENTS_IN_RUN = new Int32Array(MAX_TESTED);
const CONSTRAINTS_IN_RUN = new Int32Array(MAX_TESTED);

/**
 * The boxes the analyzer's indexes of incidents, hazard areas and hazard constraints hold (computed as it
 * computes them), 4 numbers per feature, made once per list of features.
 */
function featureBoxesOf(ctx: AnalysisContext) {
  return {
    areaBoxes: boxesOf(ctx.allHazardAreas, (f) => bboxOfGeometry(f.geometry)),
    incidentBoxes: boxesOf(ctx.incidents, (f) => {
      const [x, y] = f.geometry.coordinates;
      return [x, y, x, y];
    }),
    constraintBoxes: boxesOf(ctx.allHazardConstraints, (f) => bboxOfGeometry(f.geometry)),
  };
}
const boxesByList = new WeakMap<readonly object[], Float64Array>();

/**
 * Per list of incidents, each one's km per degree of longitude (`kmPerDegreeLonAt`) and whether it counts
 * (1 when its severity is above 0), made once per list.
 */
interface IncidentTable {
  scales: Float64Array;
  counts: Uint8Array;
}
const incidentTablesByList = new WeakMap<readonly object[], IncidentTable>();
function incidentTableOf(incidents: AnalysisContext['incidents']): IncidentTable {
  let table = incidentTablesByList.get(incidents);
  if (!table) {
    table = { scales: new Float64Array(incidents.length), counts: new Uint8Array(incidents.length) };
    for (let i = 0; i < incidents.length; i++) {
      table.scales[i] = kmPerDegreeLonAt(incidents[i].geometry.coordinates[1]);
      table.counts[i] = incidents[i].properties.severity === 0 ? 0 : 1;
    }
    incidentTablesByList.set(incidents, table);
  }
  return table;
}

/** An incident's point (the corner of its box, its coordinates), written in place for each test. */
const CENTER: Position = [0, 0];

function boxesOf<F extends object>(features: readonly F[], boxOf: (f: F) => readonly number[]): Float64Array {
  let boxes = boxesByList.get(features);
  if (!boxes) {
    boxes = new Float64Array(4 * features.length);
    for (let i = 0; i < features.length; i++) boxes.set(boxOf(features[i]), 4 * i);
    boxesByList.set(features, boxes);
  }
  return boxes;
}

/** The part of a segment within a circle (`segmentCircleIntervalInto`), reused by every test. */
const CIRCLE_T = new Float64Array(2);

/** The part of a segment within a buffer (`segmentBufferIntervalInto`), reused by every test. */
const BUFFER_T = new Float64Array(2);

/** The inside intervals of one segment and area (two numbers each), reused by every test. */
const INSIDE = { t: new Float64Array(16) };

/** One writer for every corridor's stored-feature stretches (one line at a time). */
const STATIC_WRITER = new TypedStretchWriter();

/** Kinds of stored feature, the remainder of a typed stretch's reference divided by 3. */
const AREA = 0;
const INCIDENT = 1;
const CONSTRAINT = 2;

function reasonOfRef(reasons: StaticReasons, ref: number): Reason {
  const n = (ref - (ref % 3)) / 3;
  const kind = ref % 3;
  return kind === AREA ? reasons.areas[n] : kind === INCIDENT ? reasons.incidents[n] : reasons.constraints[n];
}

/**
 * The reasons of the stored hazards, by index in the analyzer's lists, made once per analyzer and radii: every
 * stretch a feature gives (on every corridor) shares one reason rather than building its text again.
 */
interface StaticReasons {
  areas: Reason[];
  incidents: Reason[];
  constraints: Reason[];
}
const staticReasonsByCache = new WeakMap<object, Map<string, StaticReasons>>();

function staticReasons(ctx: AnalysisContext): StaticReasons {
  const { incidentRadiusKm, constraintRadiusKm } = ctx.layers.params;
  let byRadii = staticReasonsByCache.get(ctx.cache);
  if (!byRadii) staticReasonsByCache.set(ctx.cache, (byRadii = new Map()));
  const key = `${incidentRadiusKm}|${constraintRadiusKm}`;
  let reasons = byRadii.get(key);
  if (!reasons) byRadii.set(key, (reasons = { areas: [], incidents: [], constraints: [] }));
  return reasons;
}

function areaReason(area: AreaFeature, actors: Shared['actors']): Reason {
  const ap = area.properties;
  const actor = actors.get(ap.actorId);
  const denies = ap.confidence === 'assessed' && actor?.deniesAccess === true;
  const actorName = actor?.name ?? ap.actorId;
  return denies
    ? {
        code: 'denied_area',
        featureId: ap.id,
        detail: `inside "${ap.name}", held by ${actorName}, which denies humanitarian access`,
      }
    : {
        code: 'contested_area',
        featureId: ap.id,
        detail: `inside contested area "${ap.name}" (${actorName})`,
      };
}

function incidentReason(inc: IncidentFeature, r: number): Reason {
  const ip = inc.properties;
  return {
    code: ip.severity === 3 ? 'incident_severe' : 'incident_nearby',
    featureId: ip.id,
    detail: `within ${formatKm(r)} of severity ${ip.severity} ${ip.category.replaceAll('_', ' ')} incident "${ip.name}" on ${ip.date} (${ip.verification})`,
  };
}

function constraintReason(c: ConstraintFeature, cr: number): Reason {
  const cp = c.properties;
  const what = `severity ${cp.severity} ${cp.kind.replaceAll('_', ' ')} "${cp.name}"`;
  return cp.severity === 3
    ? { code: 'constraint_severe', featureId: cp.id, detail: `hit by ${what} (within ${formatKm(cr)})` }
    : { code: 'constraint_nearby', featureId: cp.id, detail: `within ${formatKm(cr)} of ${what}` };
}

/**
 * `bboxOf([a, b])`, grown by `km` as expandBboxKm does when `km` > 0, written into `out`: the corridors' loops
 * over every segment then make no array per segment.
 */
function segmentBoxKm(out: number[] | Float64Array, a: Position, b: Position, km: number): void {
  const w = b[0] < a[0] ? b[0] : a[0];
  const e = b[0] > a[0] ? b[0] : a[0];
  const s = b[1] < a[1] ? b[1] : a[1];
  const n = b[1] > a[1] ? b[1] : a[1];
  if (km > 0) expandBoxKmInto(out, w, s, e, n, km);
  else {
    out[0] = w;
    out[1] = s;
    out[2] = e;
    out[3] = n;
  }
}
