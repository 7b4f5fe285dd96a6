import {
  siteFlag,
  type AnalysisParamsInput,
  type AnalysisReport,
  type CorridorChange,
  type CorridorReport,
  type CorridorState,
  type CrossingChange,
  type CrossingChangeKind,
  type CrossingState,
  type DateComparison,
  type Reason,
  type SiteChange,
  type SiteFlag,
  type SiteReport,
  type SiteState,
  type Situation,
  type Totals,
} from '../../schemas';
import type { ActiveCrossing } from '../activeLayers';
import { createAnalyzer, type Analyzer } from '../analyzer';
import { compareStrings } from '../sortById';
import { checkComparisonDates } from './comparisonDates';

/**
 * What changed between `from` and `to` (DESIGN.md §4, "compare two dates"; docs/analysis.md): crossings
 * opened, closed or restricted with the dated entry and source that did it, corridors whose status changed
 * with their reasons on both dates, sites whose access class, flags or lifecycle status changed, and the
 * totals of both dates with their difference. Pure; throws `ComparisonDateError` for unusable dates.
 */
export function compareDates(
  situation: Situation,
  from: string,
  to: string,
  params: AnalysisParamsInput = {},
): DateComparison {
  return compareWithAnalyzer(createAnalyzer(situation), from, to, params);
}

/**
 * `compareDates` with an analyzer already built for the situation (the server keeps one per reader). The
 * first date is analysed first and the second re-analyses from it, so only what the dates change between
 * them is recomputed (the analyzer's reuse; docs/performance.md).
 */
export function compareWithAnalyzer(
  analyzer: Analyzer,
  from: string,
  to: string,
  params: AnalysisParamsInput = {},
): DateComparison {
  checkComparisonDates(analyzer.situation.scenario, from, to);
  const before = analyzer.analyze(from, params);
  const crossingsBefore = analyzer.context(from, params).layers.crossings;
  const after = analyzer.analyze(to, params);
  const crossingsAfter = analyzer.context(to, params).layers.crossings;
  return compareReports(before, after, crossingsBefore, crossingsAfter);
}

/** The comparison of two reports of the same situation and the crossings in force on their dates. */
export function compareReports(
  before: AnalysisReport,
  after: AnalysisReport,
  crossingsBefore: readonly ActiveCrossing[],
  crossingsAfter: readonly ActiveCrossing[],
): DateComparison {
  const crossings = crossingChanges(crossingsBefore, crossingsAfter);
  const corridors = changed(before.corridors, after.corridors, corridorState, sameCorridor).map(
    ({ id, name, was, now }): CorridorChange => ({ id, name, before: was, after: now }),
  );
  const sites = changed(before.sites, after.sites, siteState, sameSite).map(
    ({ id, was, now, report }): SiteChange => ({
      id,
      name: report.name,
      kind: report.kind,
      before: was,
      after: now,
      flagsGained: flagsMissing(now?.flags ?? [], was?.flags ?? []),
      flagsLost: flagsMissing(was?.flags ?? [], now?.flags ?? []),
    }),
  );
  const count = (k: CrossingChangeKind) => crossings.filter((c) => c.change === k).length;
  return {
    from: before.asOf,
    to: after.asOf,
    parameters: after.parameters,
    summary: {
      crossingsOpened: count('opened'),
      crossingsClosed: count('closed'),
      crossingsRestricted: count('restricted'),
      crossingsEnded: count('ended'),
      corridorsChanged: corridors.length,
      sitesChanged: sites.length,
      sitesLeftCutOff: sites.filter((s) => s.before?.access === 'cut_off' && s.after?.access !== 'cut_off')
        .length,
      sitesNowCutOff: sites.filter((s) => s.after?.access === 'cut_off' && s.before?.access !== 'cut_off')
        .length,
    },
    crossings,
    corridors,
    sites,
    totals: {
      from: before.totals,
      to: after.totals,
      difference: totalsDifference(before.totals, after.totals),
    },
  };
}

/** Each key figure of `to` minus the same figure of `from`. */
export function totalsDifference(from: Totals, to: Totals): Totals {
  const out = { ...to };
  for (const k of Object.keys(out) as (keyof Totals)[]) out[k] = to[k] - from[k];
  return out;
}

function crossingState(c: ActiveCrossing | undefined): CrossingState | null {
  if (!c) return null;
  // The entry in force gives the date and source; an override (never used by a comparison) has none.
  const entry = c.feature.properties.statusHistory.find((e) => e.date === c.since);
  return {
    status: c.status,
    since: c.since ?? '',
    source: entry?.source ?? '',
    note: entry?.note ?? null,
  };
}

function crossingChanges(
  before: readonly ActiveCrossing[],
  after: readonly ActiveCrossing[],
): CrossingChange[] {
  const was = new Map(before.map((c) => [c.feature.properties.id, c]));
  const now = new Map(after.map((c) => [c.feature.properties.id, c]));
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort(compareStrings);
  const out: CrossingChange[] = [];
  for (const id of ids) {
    const a = was.get(id);
    const b = now.get(id);
    if (a?.status === b?.status) continue;
    const feature = (b ?? a)!.feature.properties;
    out.push({
      id,
      name: feature.name,
      kind: feature.kind,
      change: !b ? 'ended' : b.status === 'open' ? 'opened' : b.status,
      before: crossingState(a),
      after: crossingState(b),
    });
  }
  return out;
}

/** The reasons of a corridor's stretches that are not open, each once, in the order of the corridor. */
function corridorReasons(c: CorridorReport): Reason[] {
  const seen = new Set<string>();
  const out: Reason[] = [];
  for (const s of c.stretches)
    for (const r of s.reasons) {
      const key = `${r.code}\u0000${r.featureId}\u0000${r.detail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  return out;
}

const corridorState = (c: CorridorReport): CorridorState => ({
  status: c.status,
  blockedKm: c.blockedKm,
  atRiskKm: c.atRiskKm,
  reasons: corridorReasons(c),
});
const sameCorridor = (a: CorridorState, b: CorridorState) => a.status === b.status;

const siteState = (s: SiteReport): SiteState => ({
  access: s.access,
  flags: sortFlags(s.flags),
  status: s.status,
  besieged: s.besieged,
  famine: s.famine,
  population: s.population,
  ipcPhase: s.ipcPhase,
  reasons: s.reasons,
});
const sameSite = (a: SiteState, b: SiteState) =>
  a.access === b.access && a.status === b.status && a.flags.join() === b.flags.join();

/** Flags in the schema's order, so that two dates' lists compare as sets. */
const sortFlags = (flags: readonly SiteFlag[]) => siteFlag.options.filter((f) => flags.includes(f));
const flagsMissing = (these: readonly SiteFlag[], from: readonly SiteFlag[]) =>
  these.filter((f) => !from.includes(f));

/** The subjects of two dates whose state differs (or that count on one date only), in id order. */
function changed<R extends { id: string; name: string }, S>(
  before: readonly R[],
  after: readonly R[],
  state: (r: R) => S,
  same: (a: S, b: S) => boolean,
): { id: string; name: string; report: R; was: S | null; now: S | null }[] {
  const was = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort(compareStrings);
  const out = [];
  for (const id of ids) {
    const a = was.get(id);
    const b = now.get(id);
    const sa = a ? state(a) : null;
    const sb = b ? state(b) : null;
    if (sa && sb && same(sa, sb)) continue;
    const report = (b ?? a)!;
    out.push({ id, name: report.name, report, was: sa, now: sb });
  }
  return out;
}
