// The events of /trends in the interface's language: the domain writes them from a table of phrases
// (src/lib/domain/analysis/series/eventPhrases.ts, English by default for the series API and the command
// line); this builds the table from the translated messages `event_*`. Names stay as written in the data;
// numbers go through format.ts.
import type { EventPhrases } from '$lib/domain/analysis/series/eventPhrases';
import type { SiteStatus } from '$lib/domain/schemas';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatNumber } from './format';

/** The phrases of `locale`. */
export function eventPhrases(locale: Locale = getLocale()): EventPhrases {
  const o = { locale };
  const siteStatus: Record<SiteStatus, (name: string) => string> = {
    active: (name) => m.event_site_active({ name }, o),
    emptied: (name) => m.event_site_emptied({ name }, o),
    destroyed: (name) => m.event_site_destroyed({ name }, o),
    closed: (name) => m.event_site_closed({ name }, o),
    relocated: (name) => m.event_site_relocated({ name }, o),
  };
  const count = (n: number) => formatNumber(n, 0, locale);
  return {
    crossingOpened: (name) => m.event_crossing_opened({ name }, o),
    crossingReopened: (name) => m.event_crossing_reopened({ name }, o),
    crossingClosed: (name) => m.event_crossing_closed({ name }, o),
    crossingRestricted: (name) => m.event_crossing_restricted({ name }, o),
    constraintBegan: (name) => m.event_constraint_began({ name }, o),
    constraintEnded: (name) => m.event_constraint_ended({ name }, o),
    control: (name) => m.event_control({ name }, o),
    frontline: (name) => m.event_frontline({ name }, o),
    incident: (name) => m.event_incident({ name }, o),
    siteStatus: (name, status) => siteStatus[status](name),
    famineFinding: (name, phase) =>
      phase === null
        ? m.event_famine_finding({ name }, o)
        : m.event_famine_finding_phase({ name, phase: count(phase) }, o),
    famineExpired: (name) => m.event_famine_expired({ name }, o),
    famineSuperseded: (name, phase) =>
      phase === null
        ? m.event_famine_superseded_unknown({ name }, o)
        : m.event_famine_superseded({ name, phase: count(phase) }, o),
    population: (name, n, was) =>
      was === undefined
        ? m.event_population({ name, count: count(n) }, o)
        : m.event_population_was({ name, count: count(n), was: count(was) }, o),
  };
}
