import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { SiteAccessMemo, siteAccess } from '$lib/domain/analysis/access/siteAccess';
import { haversineKm } from '$lib/domain/geo/haversineKm';
import type {
  AnalysisOverridesInput,
  AreaFeature,
  FrontlineFeature,
  IncidentFeature,
  SiteFeature,
  Situation,
} from '$lib/domain/schemas';
import { siteStatusOn } from '$lib/domain/siteStatusOn';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// A date step keeps a site's protection and mass-violence reasons where nothing they are made from changed
// near it (access/protectionChanges.ts). Between DAY and NEXT the situation below changes, each near one site
// and far from the others: incidents enter the window and leave it, contested areas begin and end, front
// lines begin and end, and the taker of an area gains a record of violence far from it while an older one
// leaves the window. Every report of an analyzer stepping between the two must be a fresh analyzer's.
const DAY = '2024-08-15';
const NEXT = '2024-08-16';
/** In the thirty-day window on DAY, out of it on NEXT. */
const LEAVES_WINDOW = '2024-07-16';
/** In the 365-day window of violence on DAY, out of it on NEXT. */
const LEAVES_VIOLENCE_WINDOW = '2023-08-16';
/** About 12 km of latitude, within the 15 km protection radius. */
const NEAR = 0.108;
/** Where a move takes the front line that begins on NEXT: some 55 km north of its site. */
const MOVED = 0.5;

const changes = [
  'incidents enter',
  'incidents leave',
  'contested area begins',
  'contested area ends',
  'front line begins',
  'front line ends',
  'taker gains a record far away',
] as const;
type Change = (typeof changes)[number];

const square = ([x, y]: Position, half: number): Position[][] => [
  [
    [x - half, y - half],
    [x + half, y - half],
    [x + half, y + half],
    [x - half, y + half],
    [x - half, y - half],
  ],
];

/** A line of some 65 km running east-west `north` degrees north of `p`. */
const lineNear = ([x, y]: Position, north: number): Position[] => [
  [x - 0.3, y + north],
  [x + 0.3, y + north],
];

/** Active sites on both days, not hubs, each more than 150 km from the ones before it. */
function targetsOf(situation: Situation): SiteFeature[] {
  const out: SiteFeature[] = [];
  for (const s of situation.sites) {
    if (s.properties.hub || out.length === changes.length) continue;
    if ([DAY, NEXT].some((d) => siteStatusOn(s, d).status !== 'active')) continue;
    if (out.every((t) => haversineKm(t.geometry.coordinates, s.geometry.coordinates) > 150)) out.push(s);
  }
  return out;
}

/** The situation with each change made near its target site, and where each change lies. */
function withChanges(situation: Situation): {
  situation: Situation;
  targets: Map<Change, SiteFeature>;
  places: Position[];
} {
  const targets = new Map(targetsOf(situation).map((s, i) => [changes[i], s]));
  expect(targets.size).toBe(changes.length);
  const at = (c: Change) => targets.get(c)!.geometry.coordinates;
  const places: Position[] = [];
  const incident = situation.incidents[0];
  const incidentAt = (id: string, p: Position, date: string, more: object = {}): IncidentFeature => {
    places.push(p);
    return {
      ...incident,
      geometry: { type: 'Point', coordinates: p },
      properties: {
        ...incident.properties,
        id,
        date,
        category: 'hostilities',
        severity: 3,
        actorId: undefined,
        ...more,
      },
    };
  };
  const cluster = (c: Change, date: string) =>
    [-0.01, 0, 0.01].map((dx, k) => {
      const [x, y] = at(c);
      return incidentAt(`incident-${c.replaceAll(' ', '-')}-${k}`, [x + dx, y + NEAR], date);
    });
  const area = situation.areas[0];
  const areaAt = (
    id: string,
    c: Change,
    half: number,
    props: Partial<AreaFeature['properties']>,
    east = 0,
  ) => {
    const [x, y] = at(c);
    const rings = square([x + east, y], half);
    for (const ring of rings) places.push(...ring);
    return {
      ...area,
      geometry: { type: 'Polygon', coordinates: rings },
      properties: { ...area.properties, id, validTo: undefined, ...props },
    } as AreaFeature;
  };
  const frontline = situation.frontlines[0];
  const frontlineAt = (id: string, c: Change, validFrom: string, validTo?: string): FrontlineFeature => {
    const line = lineNear(at(c), NEAR * 0.8);
    places.push(...line, ...lineNear(at(c), MOVED));
    return {
      ...frontline,
      geometry: { type: 'LineString', coordinates: line },
      properties: {
        ...frontline.properties,
        id,
        name: id,
        actorIds: ['actor-x', 'actor-y'],
        validFrom,
        validTo,
      },
    };
  };
  // Two actors of their own, whose drawn lines leave every derived line of the situation as it was.
  const actor = situation.scenario.actors[0];
  const actors = [
    ...situation.scenario.actors,
    { ...actor, id: 'actor-x', name: 'X', opposes: [] },
    { ...actor, id: 'actor-y', name: 'Y', opposes: [] },
  ];
  // Contested areas of one actor: neither is taken from the other.
  const contested = { actorId: actor.id, confidence: 'contested' as const };
  const violence = { category: 'violence_against_civilians' as const, actorId: 'actor-0' };
  return {
    situation: {
      ...situation,
      scenario: { ...situation.scenario, actors },
      areas: [
        ...situation.areas,
        areaAt('area-contested-begins', 'contested area begins', 0.4, { ...contested, validFrom: NEXT }),
        areaAt('area-contested-ends', 'contested area ends', 0.4, {
          ...contested,
          validFrom: '2023-05-01',
          validTo: NEXT,
        }),
        // East of the site, some 10 km from it: the site is near the area, not inside it.
        areaAt(
          'area-held',
          'taker gains a record far away',
          0.3,
          { actorId: 'actor-1', confidence: 'claimed', validFrom: '2023-04-15', validTo: '2024-08-01' },
          0.39,
        ),
        areaAt(
          'area-taken',
          'taker gains a record far away',
          0.3,
          { actorId: 'actor-0', confidence: 'claimed', validFrom: '2024-08-01' },
          0.39,
        ),
      ],
      frontlines: [
        ...situation.frontlines,
        frontlineAt('frontline-begins', 'front line begins', NEXT),
        frontlineAt('frontline-ends', 'front line ends', '2023-05-01', NEXT),
      ],
      incidents: [
        ...situation.incidents,
        ...cluster('incidents enter', NEXT),
        ...cluster('incidents leave', LEAVES_WINDOW),
        // South-west of every road and site of the situation.
        incidentAt('incident-violence-new', [20.5, 8.5], NEXT, violence),
        incidentAt('incident-violence-old', [20.6, 8.5], LEAVES_VIOLENCE_WINDOW, violence),
      ],
    },
    targets,
    places,
  };
}

const protectionCodes = (reasons: readonly { code: string; featureId: string; detail: string }[]) =>
  JSON.stringify(reasons.filter((r) => r.code.startsWith('protection_')));

describe('protection reasons kept across a date step', () => {
  const base = scaledSudanSituation(0.02, 11);
  const { situation, targets, places } = withChanges(base);
  // Where the situation itself changes between the two days: incidents dated on NEXT or leaving the window.
  const generated = base.incidents
    .filter((i) => i.properties.date === NEXT || i.properties.date === LEAVES_WINDOW)
    .map((i) => i.geometry.coordinates);
  // Steps that stay on NEXT: the front line that began that day renamed, then moved away from its site.
  const renamed = {
    frontlines: [
      {
        id: 'frontline-begins',
        name: 'frontline renamed',
        actorIds: ['actor-x', 'actor-y'] as [string, string],
      },
    ],
  };
  const moved = {
    frontlines: [
      {
        id: 'frontline-begins',
        geometry: {
          type: 'LineString' as const,
          coordinates: lineNear(targets.get('front line begins')!.geometry.coordinates, MOVED),
        },
      },
    ],
  };
  // With the targets whose reasons each step makes again: after the move, not that of the line moved away.
  const all = [...changes];
  const steps: { asOf: string; overrides?: AnalysisOverridesInput; made: Change[] }[] = [
    { asOf: DAY, made: all },
    { asOf: NEXT, made: all },
    { asOf: NEXT, overrides: renamed, made: ['front line begins'] },
    { asOf: NEXT, overrides: moved, made: ['front line begins'] },
    { asOf: DAY, made: all.filter((c) => c !== 'front line begins') },
    { asOf: NEXT, made: all },
  ];
  const fresh = steps.map(({ asOf, overrides }) => createAnalyzer(situation).analyze(asOf, {}, overrides));

  it('changes the protection reasons of each target between the two days', () => {
    const [day, next, rename, move] = fresh.map((r) => new Map(r.sites.map((s) => [s.id, s])));
    for (const [change, site] of targets) {
      const id = site.properties.id;
      expect(protectionCodes(next.get(id)!.reasons), change).not.toBe(protectionCodes(day.get(id)!.reasons));
    }
    const id = targets.get('front line begins')!.properties.id;
    expect(protectionCodes(rename.get(id)!.reasons)).not.toBe(protectionCodes(next.get(id)!.reasons));
    expect(protectionCodes(move.get(id)!.reasons)).not.toBe(protectionCodes(rename.get(id)!.reasons));
  });

  it('gives every site a fresh analyzer’s report, keeping far sites’ reasons', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    const memo = new SiteAccessMemo();
    const protectionOf = () =>
      new Map(memo.sites.map((s, i) => [s.properties.id, memo.records[i].protection]));
    let last = new Map<string, unknown>();
    for (const [step, { asOf, overrides, made }] of steps.entries()) {
      const reports = siteAccess(analyzer.context(asOf, {}, overrides), memo);
      const want = fresh[step].sites;
      expect(reports.length).toBe(want.length);
      reports.forEach((r, i) =>
        expect(JSON.stringify(r), `step ${step}, ${asOf}, ${r.id}`).toBe(JSON.stringify(want[i])),
      );
      const now = protectionOf();
      if (step > 0) {
        // The targets' reasons are made again; those of a site far from every change are the last ones.
        for (const change of made) {
          const id = targets.get(change)!.properties.id;
          expect(now.get(id), `${step} ${change}`).not.toBe(last.get(id));
        }
        let far = 0;
        for (const site of situation.sites) {
          const p = site.geometry.coordinates;
          if (!now.get(site.properties.id)) continue;
          if ([...places, ...generated].some((q) => haversineKm(p, q) < 80)) continue;
          far++;
          expect(now.get(site.properties.id), site.properties.id).toBe(last.get(site.properties.id));
        }
        expect(far).toBeGreaterThan(20);
      }
      last = now;
    }
  });
});
