import { ENGLISH_CHANGE_PHRASES, type ChangePhrases } from './changePhrases';
import type {
  CorridorChange,
  CrossingChange,
  DateComparison,
  Reason,
  SiteAccess,
  SiteFlag,
  SiteChange,
  Totals,
} from '../../schemas';

/** A change in plain words: a title line, then the lines that explain it. */
export interface ChangeLine {
  id: string;
  title: string;
  details: string[];
}

/** Key figures in the order the page, the brief and the CSV list them, with their labels. */
export const KEY_FIGURES: readonly { key: keyof Totals; label: string }[] = [
  { key: 'peopleCutOff', label: 'People in cut-off sites' },
  { key: 'peopleBesieged', label: 'People in besieged sites' },
  { key: 'peopleFamine', label: 'People in sites with a famine finding' },
  { key: 'sitesCutOff', label: 'Sites cut off' },
  { key: 'sitesBesieged', label: 'Sites besieged' },
  { key: 'sitesFamine', label: 'Sites with a famine finding' },
  { key: 'sitesInactive', label: 'Sites no longer active' },
  { key: 'corridorsBlocked', label: 'Corridors blocked' },
  { key: 'corridorsAtRisk', label: 'Corridors at risk' },
  { key: 'crossingsClosed', label: 'Crossings closed' },
  { key: 'crossingsRestricted', label: 'Crossings restricted' },
];

/** At most this many reasons are written out per date; the rest are counted. */
const MAX_REASONS = 5;

const reasonText = (reasons: readonly Reason[], w: ChangePhrases) => {
  if (reasons.length === 0) return w.nothingInTheWay;
  const shown = reasons.slice(0, MAX_REASONS).map((r) => w.reason(r).replace(/[.\s]+$/, ''));
  if (reasons.length > MAX_REASONS) shown.push(w.andMore(reasons.length - MAX_REASONS));
  return shown.join(w.reasonSeparator);
};

export const statusWords = (s: keyof ChangePhrases['status']) => ENGLISH_CHANGE_PHRASES.status[s];
export const accessWords = (a: SiteAccess) => ENGLISH_CHANGE_PHRASES.access[a];
export const flagWords = (f: SiteFlag) => ENGLISH_CHANGE_PHRASES.flag[f];

/** `Adré: closed → open`, with the dated status entry and its source that made the change. */
export function crossingChangeLine(
  c: CrossingChange,
  from: string,
  to: string,
  w: ChangePhrases = ENGLISH_CHANGE_PHRASES,
): ChangeLine {
  const was = c.before ? w.status[c.before.status] : w.notInForce(w.date(from));
  const now = c.after ? w.status[c.after.status] : w.noLongerInForce(w.date(to));
  const details: string[] = [];
  if (c.after)
    details.push(
      w.statusSince(w.status[c.after.status], w.date(c.after.since), c.after.source, c.after.note),
    );
  if (c.before)
    details.push(
      w.onDate(w.date(from), w.statusSinceShort(w.status[c.before.status], w.date(c.before.since))),
    );
  return { id: c.id, title: w.crossingTitle(c.name, was, now), details };
}

/** `Corridor …: blocked → at risk`, with the reasons on both dates. */
export function corridorChangeLine(
  c: CorridorChange,
  from: string,
  to: string,
  w: ChangePhrases = ENGLISH_CHANGE_PHRASES,
): ChangeLine {
  const was = c.before ? w.status[c.before.status] : w.notInForce(w.date(from));
  const now = c.after ? w.status[c.after.status] : w.notInForce(w.date(to));
  const details: string[] = [];
  if (c.after) details.push(w.onDate(w.date(to), reasonText(c.after.reasons, w)));
  if (c.before) details.push(w.onDate(w.date(from), reasonText(c.before.reasons, w)));
  return { id: c.id, title: w.corridorTitle(c.name, was, now), details };
}

/** `Zamzam camp: cut off → reachable across a border only`, the flags gained and lost, the reasons now. */
export function siteChangeLine(
  s: SiteChange,
  from: string,
  to: string,
  w: ChangePhrases = ENGLISH_CHANGE_PHRASES,
): ChangeLine {
  const was = s.before ? w.access[s.before.access] : w.notListed(w.date(from));
  const now = s.after ? w.access[s.after.access] : w.notListed(w.date(to));
  const title =
    s.before && s.after && s.before.access === s.after.access
      ? w.siteStill(s.name, now)
      : w.siteTitle(s.name, was, now);
  const details: string[] = [];
  const flags = (list: readonly SiteFlag[]) => list.map((f) => w.flag[f]).join(w.listSeparator);
  if (s.flagsGained.length) details.push(w.flagsGained(flags(s.flagsGained)));
  if (s.flagsLost.length) details.push(w.flagsLost(flags(s.flagsLost)));
  const people = s.after?.population ?? s.before?.population;
  if (people !== null && people !== undefined) details.push(w.people(people));
  if (s.after && s.after.reasons.length) details.push(w.onDate(w.date(to), reasonText(s.after.reasons, w)));
  return { id: s.id, title, details };
}

/** Every change of a comparison in plain words, grouped: crossings, corridors, sites. */
export function changeLines(
  c: DateComparison,
  w: ChangePhrases = ENGLISH_CHANGE_PHRASES,
): {
  crossings: ChangeLine[];
  corridors: ChangeLine[];
  sites: ChangeLine[];
} {
  return {
    crossings: c.crossings.map((x) => crossingChangeLine(x, c.from, c.to, w)),
    corridors: c.corridors.map((x) => corridorChangeLine(x, c.from, c.to, w)),
    sites: c.sites.map((x) => siteChangeLine(x, c.from, c.to, w)),
  };
}

/** The key figures of both dates and their difference, one row each, in `KEY_FIGURES` order. */
export function totalsRows(
  c: DateComparison,
): { key: keyof Totals; label: string; from: number; to: number; difference: number }[] {
  return KEY_FIGURES.map(({ key, label }) => ({
    key,
    label,
    from: c.totals.from[key],
    to: c.totals.to[key],
    difference: c.totals.difference[key],
  }));
}

/** `+1,500` / `−200` / `0`: a difference as the page and the brief show it. */
export function signed(n: number): string {
  const abs = Math.abs(n).toLocaleString('en-US');
  return n > 0 ? `+${abs}` : n < 0 ? `−${abs}` : '0';
}
