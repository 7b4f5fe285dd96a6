import { crossingStatusOn, isValidOn } from '../../asOf';
import type { AnalysisParams, SeriesEventKind, Situation, TotalsKey } from '../../schemas';
import { siteFindingsOn } from '../../siteFindingsOn';
import { siteStatusOn } from '../../siteStatusOn';
import { ENGLISH_EVENT_PHRASES, type EventPhrases } from './eventPhrases';

/** A dated event of the data between two dates of a series, with the figures it bears on. */
export interface StepEvent {
  date: string;
  kind: SeriesEventKind;
  featureId: string;
  text: string;
  /** Every figure this kind of event can move; the series keeps those that did move in the step. */
  bearsOn: readonly TotalsKey[];
}

// What each kind of event can move. Anything that changes the roads (a crossing, a siege, a flood, control,
// a front line, an incident) can change which sites are cut off and which corridors are blocked.
const ACCESS: readonly TotalsKey[] = ['peopleCutOff', 'sitesCutOff', 'corridorsBlocked', 'corridorsAtRisk'];
const BEARS_ON: Record<SeriesEventKind, readonly TotalsKey[]> = {
  crossing_status: ['crossingsClosed', 'crossingsRestricted', ...ACCESS],
  siege_start: ['peopleBesieged', 'sitesBesieged', ...ACCESS],
  siege_end: ['peopleBesieged', 'sitesBesieged', ...ACCESS],
  constraint_start: ACCESS,
  constraint_end: ACCESS,
  site_status: [
    'sitesInactive',
    'peopleCutOff',
    'sitesCutOff',
    'peopleBesieged',
    'sitesBesieged',
    'peopleFamine',
    'sitesFamine',
  ],
  famine_finding: ['peopleFamine', 'sitesFamine'],
  famine_finding_end: ['peopleFamine', 'sitesFamine'],
  population: ['peopleCutOff', 'peopleBesieged', 'peopleFamine'],
  control: ACCESS,
  frontline: ACCESS,
  incident: ACCESS,
};

/**
 * The events of the data that happened after `prev` and on or before `cur` (the step in which their effect
 * first shows), found by comparing what the data says on both dates: a crossing whose status differs, a
 * constraint (siege, flood…), area of control or drawn front line that came into force or ended, a site whose
 * status, famine finding or population figure differs, and incidents of severity 2 or more dated in the step.
 * Entries that repeat the status in force (an extension of an opening) are no events. Sorted by date, then
 * by feature id. Their text is written from `phrases` (English by default: the API and the CLI).
 */
export function stepEvents(
  situation: Situation,
  prev: string,
  cur: string,
  params: AnalysisParams,
  phrases: EventPhrases = ENGLISH_EVENT_PHRASES,
): StepEvent[] {
  const out: StepEvent[] = [];
  const add = (date: string, kind: SeriesEventKind, featureId: string, text: string) =>
    out.push({ date, kind, featureId, text, bearsOn: BEARS_ON[kind] });

  for (const c of situation.crossings) {
    if (!isValidOn(c.properties, cur)) continue;
    const before = crossingStatusOn(c, prev);
    const now = crossingStatusOn(c, cur);
    if (!now || before?.status === now.status) continue;
    const write =
      now.status === 'open'
        ? before
          ? phrases.crossingReopened
          : phrases.crossingOpened
        : now.status === 'closed'
          ? phrases.crossingClosed
          : phrases.crossingRestricted;
    add(now.since, 'crossing_status', c.properties.id, write(c.properties.name));
  }

  for (const c of situation.constraints) {
    const p = c.properties;
    const was = isValidOn(p, prev);
    const is = isValidOn(p, cur);
    if (was === is) continue;
    const siege = p.kind === 'siege';
    if (is)
      add(p.validFrom, siege ? 'siege_start' : 'constraint_start', p.id, phrases.constraintBegan(p.name));
    else add(p.validTo ?? cur, siege ? 'siege_end' : 'constraint_end', p.id, phrases.constraintEnded(p.name));
  }

  for (const a of situation.areas)
    if (isValidOn(a.properties, cur) && !isValidOn(a.properties, prev))
      add(a.properties.validFrom, 'control', a.properties.id, phrases.control(a.properties.name));
  for (const f of situation.frontlines)
    if (isValidOn(f.properties, cur) && !isValidOn(f.properties, prev))
      add(f.properties.validFrom, 'frontline', f.properties.id, phrases.frontline(f.properties.name));

  for (const i of situation.incidents) {
    const p = i.properties;
    if (p.date > prev && p.date <= cur && p.severity >= 2)
      add(p.date, 'incident', p.id, phrases.incident(p.name));
  }

  const rules = {
    findingValidityDays: params.findingValidityDays,
    populationStaleDays: params.populationStaleDays,
  };
  for (const s of situation.sites) {
    const p = s.properties;
    if (!isValidOn(p, cur)) continue;
    const statusBefore = siteStatusOn(s, prev);
    const statusNow = siteStatusOn(s, cur);
    if (statusBefore.status !== statusNow.status)
      add(statusNow.since ?? cur, 'site_status', p.id, phrases.siteStatus(p.name, statusNow.status));

    const before = siteFindingsOn(s, prev, rules);
    const now = siteFindingsOn(s, cur, rules);
    const famineBefore = before.finding?.famine === true;
    const famineNow = now.finding?.famine === true;
    if (!famineBefore && famineNow) {
      add(now.finding!.date, 'famine_finding', p.id, phrases.famineFinding(p.name, now.finding!.ipcPhase));
    } else if (famineBefore && !famineNow) {
      // Either it expired (its validTo passed) or a later finding without famine superseded it.
      const expired = before.finding!.validTo <= cur;
      add(
        expired ? before.finding!.validTo : now.finding!.date,
        'famine_finding_end',
        p.id,
        expired ? phrases.famineExpired(p.name) : phrases.famineSuperseded(p.name, now.finding!.ipcPhase),
      );
    }
    const popBefore = before.population?.value;
    const popNow = now.population?.value;
    if (now.population && popNow !== popBefore)
      add(now.population.date, 'population', p.id, phrases.population(p.name, popNow!, popBefore));
  }
  return out.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.featureId < b.featureId
        ? -1
        : a.featureId > b.featureId
          ? 1
          : 0,
  );
}
