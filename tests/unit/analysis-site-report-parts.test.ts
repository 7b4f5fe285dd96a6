import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { reportReasons, siteFlags } from '$lib/domain/analysis/access/siteReportParts';
import type {
  ConstraintFeature,
  Reason,
  SiteFeature,
  SiteFlag,
  SiteReport,
  Situation,
} from '$lib/domain/schemas';
import { mulberry32 } from '../../bench/prng';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';
import { squareAround } from '../helpers/squareAround';

const reason = (code: Reason['code'], featureId: string, detail = 'd'): Reason => ({
  code,
  featureId,
  detail,
});
const FLAG_ORDER: SiteFlag[] = ['protection', 'besieged', 'cross_border', 'crossline', 'cut_off', 'famine'];

describe('a site report’s reasons', () => {
  it('puts the leading ones first, then the others and the at-risk ones sorted, each once', () => {
    const siege = reason('site_besieged', 'siege-1');
    const closed = reason('crossing_closed', 'crossing-2');
    const famine = reason('famine', 'site-1');
    const frontline = reason('protection_frontline', 'front-1');
    const risk = reason('incident_nearby', 'incident-3');
    const out = reportReasons([siege, closed], [frontline, famine, { ...closed }], [risk, { ...frontline }]);
    // The leading reasons as they were given; a copy of one of them among the others is left out.
    expect(out.slice(0, 2)).toEqual([siege, closed]);
    expect(out.slice(2).map((r) => r.code)).toEqual(['famine', 'incident_nearby', 'protection_frontline']);
  });

  it('is a new array, never the list of reasons the site’s record keeps', () => {
    const reasons = [reason('famine', 'site-1')];
    const out = reportReasons([], reasons, []);
    expect(out).toEqual(reasons);
    expect(out).not.toBe(reasons);
    out.push(reason('famine', 'site-2'));
    expect(reasons).toHaveLength(1);
  });
});

describe('a site report’s flags', () => {
  it('come in the report’s order', () => {
    expect(
      siteFlags({ protection: true, besieged: true, access: 'cut_off', crossline: true, famine: true }),
    ).toEqual(['protection', 'besieged', 'crossline', 'cut_off', 'famine']);
    expect(
      siteFlags({
        protection: false,
        besieged: false,
        access: 'cross_border_only',
        crossline: false,
        famine: true,
      }),
    ).toEqual(['cross_border', 'famine']);
    expect(
      siteFlags({ protection: false, besieged: false, access: 'internal', crossline: false, famine: false }),
    ).toEqual([]);
  });
});

// Sites with a famine finding over the walk (so some have famine and no other reason to be protected), some
// inside a siege, analysed by one analyzer from date to date as the server does, and by a fresh one.
function situationWithFamineAndSieges(seed: number): Situation {
  const base = scaledSudanSituation(0.02, seed);
  const rand = mulberry32(seed);
  const sites = base.sites.map((s, i): SiteFeature =>
    s.properties.hub || i % 3 !== 0
      ? s
      : {
          ...s,
          properties: {
            ...s.properties,
            figures: [
              ...s.properties.figures,
              { date: '2024-06-01', ipcPhase: 5, famine: true, validTo: '2024-12-31', source: 'ipc' },
            ],
          },
        },
  );
  const sieges: ConstraintFeature[] = [];
  for (let k = 0; k < 4; k++) {
    const [x, y] = sites[Math.floor(rand() * sites.length)].geometry.coordinates;
    const r = k % 2 === 0 ? 0.002 : 0.2;
    sieges.push({
      type: 'Feature',
      geometry: squareAround(x, y, r),
      properties: {
        id: `siege-${k}`,
        name: `Siege ${k}`,
        source: 'report',
        sensitivity: 'public',
        validFrom: '2024-08-10',
        kind: 'siege',
        severity: 3,
        actorId: base.scenario.actors[k % base.scenario.actors.length].id,
      },
    });
  }
  return { ...base, sites, constraints: [...base.constraints, ...sieges] };
}

const sameReason = (a: Reason, b: Reason) =>
  a.code === b.code && a.featureId === b.featureId && a.detail === b.detail;

/** What a report's flags say, read back from the rest of the report. */
function flagsReadFrom(r: SiteReport): Omit<Record<SiteFlag, boolean>, 'crossline'> {
  return {
    protection: r.reasons.some((x) => x.code.startsWith('protection_')),
    besieged: r.besieged,
    cross_border: r.access === 'cross_border_only',
    cut_off: r.access === 'cut_off',
    famine: r.famine,
  };
}

describe('site reports over a date walk', () => {
  it('say with their flags what their reasons and access say, each reason once, as a fresh analyzer does', () => {
    const situation = situationWithFamineAndSieges(37);
    const analyzer = createAnalyzer(situation);
    let famineOnly = 0;
    let besieged = 0;
    let cutOff = 0;
    for (const date of ['2024-08-09', '2024-08-10', '2024-08-11', '2024-08-10', '2024-08-25']) {
      const sites = analyzer.analyze(date).sites;
      expect(sites).toEqual(createAnalyzer(situation).analyze(date).sites);
      for (const r of sites) {
        const read = flagsReadFrom(r);
        for (const [flag, on] of Object.entries(read)) expect(r.flags.includes(flag as SiteFlag)).toBe(on);
        expect(r.flags).toEqual(FLAG_ORDER.filter((f) => r.flags.includes(f)));
        r.reasons.forEach((x, i) => expect(r.reasons.findIndex((y) => sameReason(x, y))).toBe(i));
        if (r.famine && !read.protection) famineOnly++;
        if (r.besieged) besieged++;
        if (r.access === 'cut_off') cutOff++;
      }
    }
    // The walk holds what the checks above are about.
    expect(famineOnly).toBeGreaterThan(0);
    expect(besieged).toBeGreaterThan(0);
    expect(cutOff).toBeGreaterThan(0);
  });
});
