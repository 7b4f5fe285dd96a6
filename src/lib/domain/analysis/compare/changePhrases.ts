// The words of compare mode's change lines, as a table the domain takes: English by default (the command
// line, the CSV download and the feeds write it), another language's table from the interface, which builds
// it from its translated messages (src/lib/i18n/changePhrases.ts). Pure: no message library here.
import type { Reason, SegmentStatus, SiteAccess, SiteFlag } from '../../schemas';

export interface ChangePhrases {
  status: Record<SegmentStatus | 'restricted' | 'closed', string>;
  access: Record<SiteAccess, string>;
  flag: Record<SiteFlag, string>;
  /** `Crossing Adré: closed → open` */
  crossingTitle(name: string, was: string, now: string): string;
  corridorTitle(name: string, was: string, now: string): string;
  siteTitle(name: string, was: string, now: string): string;
  /** `Site Zamzam: still cut off` */
  siteStill(name: string, now: string): string;
  /** A crossing status or corridor not in force on a date. */
  notInForce(date: string): string;
  /** A crossing status in force before and no longer. */
  noLongerInForce(date: string): string;
  /** A site not in the situation on a date. */
  notListed(date: string): string;
  /** `open since 2024-08-15 (source: …): note` */
  statusSince(status: string, since: string, source: string, note: string | null | undefined): string;
  /** `open since 2024-08-15` (the earlier date's status, without its source). */
  statusSinceShort(status: string, since: string): string;
  /** `on 2024-08-15: …` */
  onDate(date: string, what: string): string;
  nothingInTheWay: string;
  /** `and 3 more` (reasons not written out). */
  andMore(n: number): string;
  /** Joins reasons (`; ` in English). */
  reasonSeparator: string;
  /** Joins flags (`, ` in English). */
  listSeparator: string;
  flagsGained(flags: string): string;
  flagsLost(flags: string): string;
  people(n: number): string;
  /** A date as the lines write it (English: as stored, `2024-08-15`). */
  date(iso: string): string;
  /** A reason in words (English: the analysis's own detail). */
  reason(r: Reason): string;
}

export const ENGLISH_CHANGE_PHRASES: ChangePhrases = {
  status: {
    open: 'open',
    at_risk: 'at risk',
    blocked: 'blocked',
    restricted: 'restricted',
    closed: 'closed',
  },
  access: {
    internal: 'reachable from inside the country',
    crossline_only: 'reachable across the front line only',
    cross_border_only: 'reachable across a border only',
    cut_off: 'cut off',
    inactive: 'no longer active (emptied, destroyed, closed or relocated)',
  },
  flag: {
    protection: 'needs protection',
    cross_border: 'needs cross-border access',
    crossline: 'needs crossline access',
    cut_off: 'cut off',
    famine: 'famine finding',
    besieged: 'besieged',
  },
  crossingTitle: (name, was, now) => `Crossing ${name}: ${was} → ${now}`,
  corridorTitle: (name, was, now) => `Corridor ${name}: ${was} → ${now}`,
  siteTitle: (name, was, now) => `Site ${name}: ${was} → ${now}`,
  siteStill: (name, now) => `Site ${name}: still ${now}`,
  notInForce: (date) => `not in force on ${date}`,
  noLongerInForce: (date) => `no longer in force on ${date}`,
  notListed: (date) => `not listed on ${date}`,
  statusSince: (status, since, source, note) =>
    `${status} since ${since} (source: ${source})${note ? `: ${note}` : ''}`,
  statusSinceShort: (status, since) => `${status} since ${since}`,
  onDate: (date, what) => `on ${date}: ${what}`,
  nothingInTheWay: 'nothing stands in the way',
  andMore: (n) => `and ${n} more`,
  reasonSeparator: '; ',
  listSeparator: ', ',
  flagsGained: (flags) => `now: ${flags}`,
  flagsLost: (flags) => `no longer: ${flags}`,
  people: (n) => `${n.toLocaleString('en-US')} people`,
  date: (iso) => iso,
  reason: (r) => r.detail,
};
