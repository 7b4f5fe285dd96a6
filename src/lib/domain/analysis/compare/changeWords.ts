import type {
  CorridorChange,
  CrossingChange,
  DateComparison,
  Reason,
  SegmentStatus,
  SiteAccess,
  SiteChange,
  SiteFlag,
  Totals,
} from '../../schemas';

/** A change in plain words: a title line, then the lines that explain it. */
export interface ChangeLine {
  id: string;
  title: string;
  details: string[];
}

const STATUS_WORDS: Record<SegmentStatus | 'restricted' | 'closed', string> = {
  open: 'open',
  at_risk: 'at risk',
  blocked: 'blocked',
  restricted: 'restricted',
  closed: 'closed',
};
const ACCESS_WORDS: Record<SiteAccess, string> = {
  internal: 'reachable from inside the country',
  crossline_only: 'reachable across the front line only',
  cross_border_only: 'reachable across a border only',
  cut_off: 'cut off',
  inactive: 'no longer active (emptied, destroyed, closed or relocated)',
};
const FLAG_WORDS: Record<SiteFlag, string> = {
  protection: 'needs protection',
  cross_border: 'needs cross-border access',
  crossline: 'needs crossline access',
  cut_off: 'cut off',
  famine: 'famine finding',
  besieged: 'besieged',
};

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

const reasonText = (reasons: readonly Reason[]) => {
  if (reasons.length === 0) return 'nothing stands in the way';
  const shown = reasons.slice(0, MAX_REASONS).map((r) => r.detail.replace(/[.\s]+$/, ''));
  if (reasons.length > MAX_REASONS) shown.push(`and ${reasons.length - MAX_REASONS} more`);
  return shown.join('; ');
};

export const statusWords = (s: keyof typeof STATUS_WORDS) => STATUS_WORDS[s];
export const accessWords = (a: SiteAccess) => ACCESS_WORDS[a];
export const flagWords = (f: SiteFlag) => FLAG_WORDS[f];

/** `Adré: closed → open`, with the dated status entry and its source that made the change. */
export function crossingChangeLine(c: CrossingChange, from: string, to: string): ChangeLine {
  const was = c.before ? STATUS_WORDS[c.before.status] : `not in force on ${from}`;
  const now = c.after ? STATUS_WORDS[c.after.status] : `no longer in force on ${to}`;
  const details: string[] = [];
  if (c.after)
    details.push(
      `${STATUS_WORDS[c.after.status]} since ${c.after.since} (source: ${c.after.source})${c.after.note ? `: ${c.after.note}` : ''}`,
    );
  if (c.before) details.push(`on ${from}: ${STATUS_WORDS[c.before.status]} since ${c.before.since}`);
  return { id: c.id, title: `Crossing ${c.name}: ${was} → ${now}`, details };
}

/** `Corridor …: blocked → at risk`, with the reasons on both dates. */
export function corridorChangeLine(c: CorridorChange, from: string, to: string): ChangeLine {
  const was = c.before ? STATUS_WORDS[c.before.status] : `not in force on ${from}`;
  const now = c.after ? STATUS_WORDS[c.after.status] : `not in force on ${to}`;
  const details: string[] = [];
  if (c.after) details.push(`on ${to}: ${reasonText(c.after.reasons)}`);
  if (c.before) details.push(`on ${from}: ${reasonText(c.before.reasons)}`);
  return { id: c.id, title: `Corridor ${c.name}: ${was} → ${now}`, details };
}

/** `Zamzam camp: cut off → reachable across a border only`, the flags gained and lost, the reasons now. */
export function siteChangeLine(s: SiteChange, from: string, to: string): ChangeLine {
  const was = s.before ? ACCESS_WORDS[s.before.access] : `not listed on ${from}`;
  const now = s.after ? ACCESS_WORDS[s.after.access] : `not listed on ${to}`;
  const title =
    s.before && s.after && s.before.access === s.after.access
      ? `Site ${s.name}: still ${now}`
      : `Site ${s.name}: ${was} → ${now}`;
  const details: string[] = [];
  if (s.flagsGained.length) details.push(`now: ${s.flagsGained.map((f) => FLAG_WORDS[f]).join(', ')}`);
  if (s.flagsLost.length) details.push(`no longer: ${s.flagsLost.map((f) => FLAG_WORDS[f]).join(', ')}`);
  const people = s.after?.population ?? s.before?.population;
  if (people !== null && people !== undefined) details.push(`${people.toLocaleString('en-US')} people`);
  if (s.after && s.after.reasons.length) details.push(`on ${to}: ${reasonText(s.after.reasons)}`);
  return { id: s.id, title, details };
}

/** Every change of a comparison in plain words, grouped: crossings, corridors, sites. */
export function changeLines(c: DateComparison): {
  crossings: ChangeLine[];
  corridors: ChangeLine[];
  sites: ChangeLine[];
} {
  return {
    crossings: c.crossings.map((x) => crossingChangeLine(x, c.from, c.to)),
    corridors: c.corridors.map((x) => corridorChangeLine(x, c.from, c.to)),
    sites: c.sites.map((x) => siteChangeLine(x, c.from, c.to)),
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
