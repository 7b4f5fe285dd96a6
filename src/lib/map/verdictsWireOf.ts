import { accessDifficulty } from '$lib/domain/analysis/hotspots';
import { neededProtection } from '$lib/domain/analysis/neededProtection';
import type { AnalysisReport, CorridorReport, Hotspot, SiteReport, Situation } from '$lib/domain/schemas';
import { dateVisibility } from './dateVisibility';
import { distinctKeys } from './distinctKeys';
import { crossingStatuses, mapVerdicts } from './mapVerdicts';
import {
  componentsRowOf,
  encodeVerdicts,
  type ComponentsRow,
  type SiteRow,
  type VerdictsWire,
} from './verdictsWire';

// The body of `/map/verdicts.json` is `encodeVerdicts(mapVerdicts(situation, report))`. Made that way, a date
// change at Sudan scale built the hotspot panel's 5,000 entries with their labels, which the body leaves out,
// and an object per site and corridor only to turn each into a row. This makes the same rows from the report
// itself, and keeps them across dates: the analyzer hands back the same entry object for a corridor, a site
// or a hotspot's components while what it is made of is the same (on a one-day step at Sudan scale all 50
// corridors, 4,450 of 5,000 sites and 4,423 of 4,971 hotspots), so a row made from an entry is kept by the
// entry (a `WeakMap`, so rows go with their reports). Entries are never changed once made, and the rows are
// shared read-only by the bodies of several dates.

/**
 * A row made before and the words it was made with, each with its index into the body's `words` then. The
 * body's word list is built in the order the words first appear, and it is the same from one date to the
 * next unless a word is new or gone, so a row is reused only when each of its words has the same index as
 * when it was made.
 */
interface KeptRow<R> {
  row: R;
  words: string[];
  indices: number[];
}

const corridorRows = new WeakMap<CorridorReport, KeptRow<[number, number[]]>>();
const siteRows = new WeakMap<SiteReport, KeptRow<SiteRow>>();
const componentsRows = new WeakMap<Hotspot['components'], KeptRow<ComponentsRow>>();

type Word = (w: string) => number;

/**
 * `kept.row` if each of its words, asked for in order, has its index of then; else `undefined`. The words
 * asked before a mismatch are the row's first words, so making the row afresh grows the list as without.
 */
function reusedRow<R>(kept: KeptRow<R> | undefined, word: Word): R | undefined {
  if (!kept) return undefined;
  for (let k = 0; k < kept.words.length; k++) if (word(kept.words[k]) !== kept.indices[k]) return undefined;
  return kept.row;
}

/** `row`'s kept row, or the one `make` makes from its words' indices (then kept). */
function rowOf<K extends object, R>(
  rows: WeakMap<K, KeptRow<R>>,
  key: K,
  word: Word,
  wordsOf: (key: K) => string[],
  make: (key: K, indices: number[]) => R,
): R {
  const reused = reusedRow(rows.get(key), word);
  if (reused) return reused;
  const words = wordsOf(key);
  const indices = words.map(word);
  const row = make(key, indices);
  rows.set(key, { row, words, indices });
  return row;
}

const codeOf = (r: { code: string }) => r.code;
const bit = (b: boolean) => (b ? 1 : 0);
/** A trailing value a site row leaves out: no reasons, no flags, 0. */
const isDefault = (v: unknown) => v === 0 || (Array.isArray(v) && v.length === 0);

// A corridor's words: its status, then its stretches' distinct reason codes (`CorridorVerdict`).
const corridorWords = (c: CorridorReport) => [
  c.status,
  ...c.stretches.reduce((codes: string[], s) => distinctKeys(s.reasons, codeOf, codes), []),
];
const corridorRow = (_: CorridorReport, w: number[]): [number, number[]] => [w[0], w.slice(1)];

// A site's words in the order `encodeVerdicts` asks for them: status, access, reason codes, flags.
const siteWords = (s: SiteReport) => [
  s.status,
  s.access,
  ...distinctKeys(s.reasons, codeOf),
  s.flags.join(','),
];
function siteRow(s: SiteReport, w: number[]): SiteRow {
  const r: SiteRow = [
    s.id,
    w[0],
    w[1],
    s.status === 'active' ? (s.population ?? 0) : 0,
    s.ipcPhase ?? 0,
    w.slice(2, w.length - 1),
    w[w.length - 1],
    bit(s.besieged),
    bit(s.famine),
  ];
  while (r.length > 5 && isDefault(r[r.length - 1])) r.pop();
  return r;
}

const componentsWords = (c: Hotspot['components']) => [c.access];
const componentsRow = (c: Hotspot['components'], w: number[]): ComponentsRow => componentsRowOf(c, w[0]);

/**
 * The last site ids of each situation's reports and their rows. A report lists the sites in force on its
 * date in the situation's order, so the next date's are mostly the same ids, the very strings: comparing
 * them is cheaper than a new map of 5,000 ids.
 */
const lastSiteIds = new WeakMap<Situation, { ids: string[]; row: Map<string, number> }>();

/**
 * Site id → its row (its index in `report.sites`); `undefined` if ids repeat or look like array indices:
 * then `mapVerdicts`' records differ from the report's order, rare enough to be made the long way.
 */
function siteRowsById(situation: Situation, report: AnalysisReport): Map<string, number> | undefined {
  const { sites } = report;
  const last = lastSiteIds.get(situation);
  if (last && last.ids.length === sites.length && sites.every((s, i) => s.id === last.ids[i]))
    return last.row;
  const row = new Map<string, number>();
  for (let i = 0; i < sites.length; i++) {
    const id = sites[i].id;
    if (row.has(id) || isIndexLike(id)) return undefined;
    row.set(id, i);
  }
  lastSiteIds.set(situation, { ids: sites.map((s) => s.id), row });
  return row;
}

/** Whether no corridor id repeats or looks like an array index (see `siteRowsById`). */
function distinctIds(corridors: readonly CorridorReport[]): boolean {
  const ids = new Set<string>();
  for (const c of corridors) {
    if (ids.has(c.id) || isIndexLike(c.id)) return false;
    ids.add(c.id);
  }
  return true;
}

/** An id an object's keys would put first (an array index): the verdicts' records would reorder it. */
const isIndexLike = (id: string) => /^(?:0|[1-9]\d*)$/.test(id);

/**
 * The body of `/map/verdicts.json` for `report` before JSON: equal to `encodeVerdicts(mapVerdicts(situation,
 * report))`, made from the report without the verdicts' objects and the panel's labels, with rows kept from
 * earlier reports. `situation` must be the report's own, as for `mapVerdicts`. Inputs are not mutated; the
 * rows of the result are shared with other results and must not be changed either.
 */
export function verdictsWireOf(situation: Situation, report: AnalysisReport): VerdictsWire {
  const row = siteRowsById(situation, report);
  if (!row || !distinctIds(report.corridors)) return encodeVerdicts(mapVerdicts(situation, report));
  const words = [''];
  const index = new Map([['', 0]]);
  const word: Word = (w) => {
    let i = index.get(w);
    if (i === undefined) index.set(w, (i = words.push(w) - 1));
    return i;
  };
  const corridors: VerdictsWire['corridors'] = {};
  for (const c of report.corridors)
    corridors[c.id] = rowOf(corridorRows, c, word, corridorWords, corridorRow);
  const sites: SiteRow[] = [];
  for (const s of report.sites) sites.push(rowOf(siteRows, s, word, siteWords, siteRow));
  const hotspots: VerdictsWire['hotspots'] = [];
  const ranked: VerdictsWire['hotspotList']['ranked'] = [];
  const isRanked = new Uint8Array(report.sites.length);
  for (let i = 0; i < report.hotspots.length; i++) {
    const h = report.hotspots[i];
    const r = row.get(h.siteId);
    if (r === undefined) hotspots.push([h.siteId, h.score]);
    else {
      hotspots.push([r, h.score, rowOf(componentsRows, h.components, word, componentsWords, componentsRow)]);
      ranked.push([i, r, report.sites[r].name]);
      isRanked[r] = 1;
    }
  }
  // Flagged sites the score cannot rank, ordered as `hotspotList` orders them.
  const unranked = report.sites
    .filter((s, i) => !s.hub && s.flags.length > 0 && isRanked[i] === 0)
    .sort(
      (a, b) =>
        accessDifficulty[b.access] - accessDifficulty[a.access] ||
        (b.ipcPhase ?? 0) - (a.ipcPhase ?? 0) ||
        a.name.localeCompare(b.name, 'en'),
    )
    .map((s): [number, string] => [row.get(s.id)!, s.name]);
  return {
    asOf: report.asOf,
    words,
    corridors,
    sites,
    crossings: crossingStatuses(situation, report.asOf),
    hotspots,
    hotspotList: { ranked, unranked },
    protection: neededProtection(report, situation),
    totals: report.totals,
    visibility: dateVisibility(situation, report.asOf),
  };
}
