import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { SitePaths } from '$lib/domain/analysis/access/carriedSitePaths';
import { sameReportInputs, type SiteReportInputs } from '$lib/domain/analysis/access/keptSiteReport';
import type {
  AnalysisReport,
  AreaFeature,
  IncidentFeature,
  SiteFeature,
  Situation,
} from '$lib/domain/schemas';
import { siteFindingsOn } from '$lib/domain/siteFindingsOn';
import { siteStatusOn } from '$lib/domain/siteStatusOn';
import { analysisParamsSchema } from '$lib/domain/schemas';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// A date change reuses a site's whole last report where its options were kept and its lifecycle, findings
// and reasons are equal to the last analysis' (access/keptSiteReport.ts). Each of these can change from one
// day to the next while the roads to the site do not: the sites below are made to, and every report must
// still be the one a fresh analyzer gives.
const DAY = '2024-08-15';
/** A non-hub site none of the edits below touch. */
const TAKEN_NEAR = 'site-17';
const NEXT = '2024-08-16';

/**
 * Non-hub sites of the situation given a lifecycle or findings that change between DAY and NEXT, and an area
 * around `TAKEN_NEAR` taken from one actor by another whose first violence against civilians is on NEXT, far
 * from any road: the sites near it gain protection reasons on NEXT while their roads stay as they were.
 */
function withChangesOnNextDay(situation: Situation): { situation: Situation; changed: string[] } {
  const changed: string[] = [];
  const edits: ((p: SiteFeature['properties']) => SiteFeature['properties'])[] = [
    // A population that turns stale on NEXT (366 days old; 365 on DAY).
    (p) => ({
      ...p,
      figures: [{ date: '2023-08-16', population: 12_000, source: 'count' }],
      statusHistory: [],
    }),
    // An IPC phase whose projection ends on NEXT: the report's phase becomes null, its reasons stay.
    (p) => ({
      ...p,
      figures: [{ date: '2024-06-01', population: 8_000, ipcPhase: 4, validTo: NEXT, source: 'ipc' }],
      statusHistory: [],
    }),
    // Active all along, with an entry saying so on NEXT: only the report's `statusSince` changes.
    (p) => ({
      ...p,
      figures: [{ date: '2024-01-01', population: 5_000, source: 'count' }],
      statusHistory: [{ date: NEXT, status: 'active', source: 'visit' }],
    }),
    // Inactive on both days, emptied and then destroyed.
    (p) => ({
      ...p,
      figures: [{ date: '2024-01-01', population: 3_000, source: 'count' }],
      statusHistory: [
        { date: '2024-08-01', status: 'emptied', source: 'visit', movedTo: [{ siteId: p.id }] },
        { date: NEXT, status: 'destroyed', source: 'imagery' },
      ],
    }),
  ];
  let next = 0;
  const sites = situation.sites.map((s) => {
    // Every third non-hub site from the tenth on, so that the edited sites are spread over the map.
    const i = situation.sites.indexOf(s);
    if (s.properties.hub || i < 10 || i % 3 !== 0 || next >= edits.length * 3) return s;
    changed.push(s.properties.id);
    return { ...s, properties: edits[next++ % edits.length](s.properties) };
  });
  const [x, y] = situation.sites.find((s) => s.properties.id === TAKEN_NEAR)!.geometry.coordinates;
  const square = [
    [
      [x - 0.3, y - 0.3],
      [x + 0.3, y - 0.3],
      [x + 0.3, y + 0.3],
      [x - 0.3, y + 0.3],
      [x - 0.3, y - 0.3],
    ],
  ];
  const area = situation.areas[0];
  const claimed = (id: string, actorId: string, validFrom: string, validTo?: string): AreaFeature => ({
    ...area,
    geometry: { type: 'Polygon', coordinates: square },
    properties: { ...area.properties, id, actorId, validFrom, validTo, confidence: 'claimed' },
  });
  const incident = situation.incidents[0];
  const violence: IncidentFeature = {
    ...incident,
    // South-west of every road of the situation.
    geometry: { type: 'Point', coordinates: [20.5, 8.5] },
    properties: {
      ...incident.properties,
      id: 'incident-violence',
      date: NEXT,
      category: 'violence_against_civilians',
      actorId: 'actor-0',
      severity: 3,
    },
  };
  return {
    situation: {
      ...situation,
      sites,
      areas: [
        ...situation.areas,
        claimed('area-held', 'actor-1', '2023-04-15', '2024-08-01'),
        claimed('area-taken', 'actor-0', '2024-08-01'),
      ],
      incidents: [...situation.incidents, violence],
    },
    changed,
  };
}

const json = (r: AnalysisReport) => JSON.stringify(r);

describe('site reports kept across dates', () => {
  const { situation, changed } = withChangesOnNextDay(scaledSudanSituation(0.02, 11));

  it('gives the reports of a fresh analyzer, reusing most of the last ones', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    let last = analyzer.analyze('2024-08-14');
    let reused = 0;
    let keptOptions = 0;
    let total = 0;
    for (const asOf of [DAY, NEXT, '2024-08-17', DAY, NEXT]) {
      const report = analyzer.analyze(asOf);
      expect(json(report), asOf).toBe(json(createAnalyzer(situation).analyze(asOf)));
      for (let i = 0; i < report.sites.length; i++) {
        total++;
        if (report.sites[i] === last.sites[i]) reused++;
        if (report.sites[i].options === last.sites[i].options) keptOptions++;
      }
      last = report;
    }
    // The fast path is taken, and not everywhere.
    expect(reused).toBeGreaterThan(total / 3);
    expect(reused).toBeLessThan(total);
    expect(keptOptions).toBeGreaterThanOrEqual(reused);
  });

  it('makes anew the report of a site whose lifecycle or findings changed', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    const day = analyzer.analyze(DAY);
    const next = analyzer.analyze(NEXT);
    const fresh = createAnalyzer(situation).analyze(NEXT);
    const byId = (r: AnalysisReport) => new Map(r.sites.map((s) => [s.id, s]));
    const [was, now, want] = [byId(day), byId(next), byId(fresh)];
    // By edit (the index in `changed` modulo four): how many of the active sites kept their options.
    const optionsKept = [0, 0, 0];
    changed.forEach((id, i) => {
      expect(JSON.stringify(now.get(id)), id).toBe(JSON.stringify(want.get(id)));
      expect(JSON.stringify(now.get(id)), id).not.toBe(JSON.stringify(was.get(id)));
      if (i % 4 < 3 && now.get(id)!.options === was.get(id)!.options) optionsKept[i % 4]++;
    });
    // Some site of each active edit kept its options (its roads did not change): its report differs only
    // by what the reuse compares besides them.
    for (const n of optionsKept) expect(n).toBeGreaterThan(0);
  });

  it('makes anew the report of a site whose protection reasons changed', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    const was = analyzer.analyze(DAY).sites.find((s) => s.id === TAKEN_NEAR)!;
    const now = analyzer.analyze(NEXT).sites.find((s) => s.id === TAKEN_NEAR)!;
    const want = createAnalyzer(situation)
      .analyze(NEXT)
      .sites.find((s) => s.id === TAKEN_NEAR)!;
    expect(now.options).toBe(was.options);
    expect(was.reasons.some((r) => r.code === 'protection_mass_violence')).toBe(false);
    expect(now.reasons.some((r) => r.code === 'protection_mass_violence')).toBe(true);
    expect(JSON.stringify(now)).toBe(JSON.stringify(want));
  });

  // `sameReportInputs` compares the lifecycle and findings field by field: a field added to what
  // `siteStatusOn` or `siteFindingsOn` makes must be compared too, or a report that changes with it is kept.
  it('compares every field the lifecycle and findings are made with', () => {
    const params = analysisParamsSchema.parse({});
    const fields = {
      lifecycle: new Set<string>(),
      population: new Set<string>(),
      finding: new Set<string>(),
    };
    for (const site of situation.sites)
      for (const date of ['2023-06-01', DAY, NEXT, '2025-06-01']) {
        const lifecycle = siteStatusOn(site, date);
        for (const k of Object.keys(lifecycle)) fields.lifecycle.add(k);
        for (const m of lifecycle.movedTo)
          for (const k of Object.keys(m)) fields.lifecycle.add(`movedTo.${k}`);
        const { population, finding } = siteFindingsOn(site, date, params);
        for (const k of Object.keys(population ?? {})) fields.population.add(k);
        for (const k of Object.keys(finding ?? {})) fields.finding.add(k);
      }
    const sorted = (s: Set<string>) => [...s].sort();
    expect(sorted(fields.lifecycle)).toEqual(
      ['movedTo', 'movedTo.population', 'movedTo.siteId', 'note', 'since', 'source', 'status'].sort(),
    );
    expect(sorted(fields.population)).toEqual(['date', 'range', 'source', 'stale', 'value'].sort());
    expect(sorted(fields.finding)).toEqual(['date', 'famine', 'ipcPhase', 'source', 'validTo'].sort());
  });

  it('compares every input', () => {
    const paths = {} as SitePaths;
    const base: SiteReportInputs = {
      lifecycle: { status: 'active', since: null, source: null, note: null, movedTo: [] },
      findings: {
        population: { value: 10, date: '2024-01-01', source: 's', stale: false, range: [5, 20] },
        finding: { ipcPhase: 4, famine: false, date: '2024-01-01', validTo: '2025-01-01', source: 'ipc' },
      },
      reasons: [{ code: 'famine', featureId: 'x', detail: 'd' }],
      paths,
    };
    const copy = structuredClone({ ...base, paths: undefined });
    expect(sameReportInputs({ ...copy, paths }, base)).toBe(true);
    expect(sameReportInputs(undefined, base)).toBe(false);
    expect(sameReportInputs({ ...base, paths: { ...paths } }, base)).toBe(false);
    expect(sameReportInputs({ ...base, paths: undefined }, { ...base, paths: undefined })).toBe(true);
    const lifecycle = base.lifecycle;
    expect(sameReportInputs({ ...base, lifecycle: { ...lifecycle, since: '2024-01-01' } }, base)).toBe(false);
    expect(sameReportInputs({ ...base, lifecycle: { ...lifecycle, status: 'emptied' } }, base)).toBe(false);
    expect(sameReportInputs({ ...base, lifecycle: { ...lifecycle, source: 'v' } }, base)).toBe(false);
    const moved = (population: number | null) => ({ ...lifecycle, movedTo: [{ siteId: 'y', population }] });
    expect(sameReportInputs({ ...base, lifecycle: moved(1) }, { ...base, lifecycle: moved(2) })).toBe(false);
    expect(sameReportInputs({ ...base, lifecycle: moved(1) }, { ...base, lifecycle: moved(1) })).toBe(true);
    const pop = base.findings.population!;
    const finding = base.findings.finding!;
    const withPop = (p: Partial<typeof pop> | null) => ({
      ...base,
      findings: { ...base.findings, population: p && { ...pop, ...p } },
    });
    expect(sameReportInputs(withPop({ stale: true }), base)).toBe(false);
    expect(sameReportInputs(withPop({ value: 11 }), base)).toBe(false);
    expect(sameReportInputs(withPop({ date: '2024-01-02' }), base)).toBe(false);
    expect(sameReportInputs(withPop({ range: [5, 21] }), base)).toBe(false);
    expect(sameReportInputs(withPop({ range: null }), base)).toBe(false);
    expect(sameReportInputs(withPop(null), base)).toBe(false);
    const withFinding = (f: Partial<typeof finding> | null) => ({
      ...base,
      findings: { ...base.findings, finding: f && { ...finding, ...f } },
    });
    expect(sameReportInputs(withFinding({ ipcPhase: null }), base)).toBe(false);
    expect(sameReportInputs(withFinding({ famine: true }), base)).toBe(false);
    expect(sameReportInputs(withFinding({ validTo: '2025-01-02' }), base)).toBe(false);
    expect(sameReportInputs(withFinding(null), base)).toBe(false);
    const reason = base.reasons[0];
    expect(sameReportInputs({ ...base, reasons: [] }, base)).toBe(false);
    expect(sameReportInputs({ ...base, reasons: [{ ...reason, detail: 'e' }] }, base)).toBe(false);
    expect(sameReportInputs({ ...base, reasons: [{ ...reason, featureId: 'z' }] }, base)).toBe(false);
    expect(sameReportInputs({ ...base, reasons: [reason, reason] }, base)).toBe(false);
  });
});
