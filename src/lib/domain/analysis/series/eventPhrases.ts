// The words of the events of a series (/trends, the series API, the CLI), as a table the domain takes:
// English by default, so the API and the command line write what they always wrote; the /trends page passes
// its language's table, built from the translated messages (src/lib/i18n/eventPhrases.ts). Pure: no message
// library here, as for compare's change lines (../compare/changePhrases.ts).
import type { SiteStatus } from '../../schemas';

export interface EventPhrases {
  /** `Adré – El Geneina crossing opened` (no status before). */
  crossingOpened(name: string): string;
  /** `… reopened` (open again after a closure or a restriction). */
  crossingReopened(name: string): string;
  crossingClosed(name: string): string;
  crossingRestricted(name: string): string;
  /** A constraint (a siege, a flood…) came into force. */
  constraintBegan(name: string): string;
  constraintEnded(name: string): string;
  /** An area of control came into force. */
  control(name: string): string;
  /** A drawn front line came into force. */
  frontline(name: string): string;
  /** An incident of severity 2 or more. */
  incident(name: string): string;
  /** A site's status changed (`active`: active again). */
  siteStatus(name: string, status: SiteStatus): string;
  famineFinding(name: string, ipcPhase: number | null): string;
  famineExpired(name: string): string;
  famineSuperseded(name: string, ipcPhase: number | null): string;
  /** A new population figure, with the one before it when there was one. */
  population(name: string, count: number, was: number | undefined): string;
}

/** 1234567 → "1,234,567" (the same on every platform, unlike toLocaleString). */
const people = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const SITE_STATUS_WORDS: Record<SiteStatus, string> = {
  active: 'active again',
  emptied: 'emptied',
  destroyed: 'destroyed',
  closed: 'closed',
  relocated: 'relocated',
};

export const ENGLISH_EVENT_PHRASES: EventPhrases = {
  crossingOpened: (name) => `${name} opened`,
  crossingReopened: (name) => `${name} reopened`,
  crossingClosed: (name) => `${name} closed`,
  crossingRestricted: (name) => `${name} restricted`,
  constraintBegan: (name) => `${name} began`,
  constraintEnded: (name) => `${name} ended`,
  control: (name) => `Control: ${name}`,
  frontline: (name) => `Front line: ${name}`,
  incident: (name) => name,
  siteStatus: (name, status) => `${name} ${SITE_STATUS_WORDS[status]}`,
  famineFinding: (name, phase) =>
    `Famine finding for ${name}${phase === null ? '' : ` (IPC phase ${phase})`}`,
  famineExpired: (name) => `Famine finding for ${name} expired`,
  famineSuperseded: (name, phase) =>
    `Famine finding for ${name} superseded (IPC phase ${phase ?? 'unknown'})`,
  population: (name, count, was) =>
    `${name}: ${people(count)} people` + (was === undefined ? '' : ` (was ${people(was)})`),
};
