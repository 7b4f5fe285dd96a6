import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type {
  AnalysisReport,
  ConstraintFeature,
  FrontlineFeature,
  IncidentFeature,
  SiteFeature,
  Situation,
} from '$lib/domain/schemas';
import { addDays } from '$lib/domain/calendarDays';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { mulberry32 } from '../../bench/prng';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';
import { squareAround } from '../helpers/squareAround';

// On another date with the same parameters, a site's last record stands where its searches did not change at
// its junction and every input of its report that depends on the date is the same: its lifecycle and findings
// (by the dates over which they hold, lifecycleFindingsSpan.ts), its protection reasons (incidents entering and
// leaving the window), the sieges around it, its junction and the hubs in force. The situations below give
// many sites status entries, figures, finding ends, populations turning stale, sieges and incidents dated
// inside the walked month, and hubs that close and reopen; one analyzer walks the month by one-day steps back
// and forth, with jumps, moves of a front line and other parameters, and every report must be a fresh
// analyzer's.
const FIRST = '2024-08-01';
const DAYS = 30;
const dayOf = (k: number) => addDays(FIRST, k);

function seededSituation(seed: number): Situation {
  const base = scaledSudanSituation(0.02, seed);
  const rand = mulberry32(seed);
  const day = () => dayOf(Math.floor(rand() * DAYS));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const statuses = ['emptied', 'destroyed', 'closed', 'relocated', 'active'] as const;

  const edited = (s: SiteFeature): SiteFeature => {
    if (s.properties.hub || rand() < 0.3) return s;
    const p = s.properties;
    const figures: SiteFeature['properties']['figures'] = [];
    // A count that turns stale inside the month (365 days old by default), or an old one.
    figures.push({
      date: addDays(day(), rand() < 0.7 ? -366 : -400),
      population: 1_000 + Math.floor(rand() * 50_000),
      source: 'count',
    });
    // A phase or famine finding whose end falls inside the month, by its `validTo` or by its age.
    const phase = 3 + Math.floor(rand() * 3);
    if (rand() < 0.5)
      figures.push({
        date: '2024-06-01',
        ipcPhase: phase,
        famine: rand() < 0.3 ? true : undefined,
        validTo: day(),
        source: 'ipc',
      });
    else figures.push({ date: addDays(day(), -365), ipcPhase: phase, source: 'ipc' });
    // A later figure dated inside the month.
    if (rand() < 0.4)
      figures.push({
        date: day(),
        population: rand() < 0.5 ? 2_000 + Math.floor(rand() * 9_000) : undefined,
        ipcPhase: rand() < 0.5 ? 5 : undefined,
        source: 'survey',
      });
    figures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    // Status entries inside the month.
    const statusHistory: SiteFeature['properties']['statusHistory'] = [];
    if (rand() < 0.4) {
      const dates = [day(), day()].sort();
      statusHistory.push({ date: dates[0], status: pick(statuses), source: 'visit' });
      if (rand() < 0.6 && dates[1] > dates[0])
        statusHistory.push({ date: dates[1], status: 'active', source: 'visit' });
    }
    return { ...s, properties: { ...p, figures, statusHistory } };
  };
  const sites = base.sites.map(edited);
  // The hubs in force change: on even seeds every hub closes for some days (no hub at all); on odd ones a hub
  // closes the day another at the same place opens, so that every search from them is as it was and only the
  // hub a path starts from differs.
  const hubs = sites.filter((s) => s.properties.hub);
  const closed = (s: SiteFeature, entries: SiteFeature['properties']['statusHistory']): SiteFeature => ({
    ...s,
    properties: { ...s.properties, statusHistory: entries },
  });
  if (seed % 2 === 0) {
    const from = dayOf(8 + Math.floor(rand() * 8));
    const to = addDays(from, 1 + Math.floor(rand() * 4));
    for (const h of hubs)
      sites[sites.indexOf(h)] = closed(h, [
        { date: from, status: 'closed', source: 'visit' },
        { date: to, status: 'active', source: 'visit' },
      ]);
  } else {
    const h = hubs[0];
    const when = day();
    sites[sites.indexOf(h)] = closed(h, [{ date: when, status: 'closed', source: 'visit' }]);
    sites.push({
      ...h,
      properties: {
        ...h.properties,
        id: `${h.properties.id}-twin`,
        name: `${h.properties.name} (twin)`,
        statusHistory: [
          { date: '2020-01-01', status: 'closed', source: 'visit' },
          { date: when, status: 'active', source: 'visit' },
        ],
      },
    });
  }

  // A site on a road of its own, south-west of the network: reached by no search, with or without hubs, its
  // reasons say which (no hub in force at all, or none linked to it).
  const island = base.roads[0];
  sites.push({
    ...sites[sites.length - 1],
    geometry: { type: 'Point', coordinates: [20.5, 8.5] },
    properties: {
      ...base.sites[0].properties,
      id: 'site-island',
      name: 'Island',
      hub: false,
      statusHistory: [],
    },
  });
  // Roads opening or closing inside the month: sites join other junctions.
  const roads = base.roads.map((r, i) =>
    i % 7 !== 0 || r.properties.validFrom || r.properties.validTo
      ? r
      : {
          ...r,
          properties: { ...r.properties, ...(rand() < 0.5 ? { validFrom: day() } : { validTo: day() }) },
        },
  );

  // Sieges around some sites (hubs included), in force over part of the month.
  const actors = base.scenario.actors;
  const sieges: ConstraintFeature[] = [];
  for (let k = 0; k < 6; k++) {
    const [x, y] = pick(sites).geometry.coordinates;
    // Half of them a ring around the site alone, with no road in it: only its report says it is besieged.
    const r = rand() < 0.5 ? 0.002 : 0.05 + rand() * 0.3;
    const from = day();
    const to = rand() < 0.6 ? addDays(from, 1 + Math.floor(rand() * 10)) : undefined;
    sieges.push({
      type: 'Feature',
      geometry: squareAround(x, y, r),
      properties: {
        id: `siege-${k}`,
        name: `Siege ${k}`,
        source: 'report',
        sensitivity: 'public',
        validFrom: from,
        validTo: to,
        kind: 'siege',
        severity: 3,
        actorId: pick(actors).id,
      },
    });
  }

  // Incidents near sites, in threes, that enter or leave the 30-day window during the month.
  const incidents: IncidentFeature[] = [];
  let near = sites[0];
  let date = day();
  for (let k = 0; k < 60; k++) {
    if (k % 3 === 0) {
      near = pick(sites);
      date = addDays(day(), rand() < 0.5 ? -30 : 0);
    }
    const [x, y] = near.geometry.coordinates;
    incidents.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [x + (rand() - 0.5) * 0.05, y + (rand() - 0.5) * 0.05] },
      properties: {
        id: `incident-walk-${k}`,
        name: `Incident ${k}`,
        source: 'report',
        sensitivity: 'public',
        date: rand() < 0.7 ? date : addDays(date, 1),
        category: rand() < 0.5 ? 'violence_against_civilians' : 'hostilities',
        severity: 2 + Math.floor(rand() * 2),
        verification: 'verified',
        actorId: pick(actors).id,
      },
    });
  }

  // A front line across the sites, between two opposed actors, to move.
  const xs = sites.map((s) => s.geometry.coordinates[0]).sort((a, b) => a - b);
  const ys = sites.map((s) => s.geometry.coordinates[1]).sort((a, b) => a - b);
  const midY = ys[Math.floor(ys.length / 2)];
  const a = actors.find((x) => x.opposes.length > 0)!;
  const line: FrontlineFeature = {
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: [
        [xs[0], midY],
        [(xs[0] + xs[xs.length - 1]) / 2, midY + 0.2],
        [xs[xs.length - 1], midY],
      ],
    },
    properties: {
      id: 'frontline-walk',
      name: 'Walked front line',
      source: 'report',
      sensitivity: 'public',
      actorIds: [a.id, a.opposes[0]],
      validFrom: '2023-01-01',
    },
  };
  roads.push({
    ...island,
    geometry: {
      type: 'LineString',
      coordinates: [
        [20.49, 8.5],
        [20.51, 8.5],
      ],
    },
    properties: { ...island.properties, id: 'road-island', name: 'Island road' },
  });
  return {
    ...base,
    sites,
    roads,
    constraints: [...base.constraints, ...sieges],
    incidents: [...base.incidents, ...incidents],
    frontlines: [...base.frontlines, line],
  };
}

const json = (r: AnalysisReport) => JSON.stringify(r);

describe('site reports kept across dates by what they were made from', () => {
  it('gives every date of a walk the report of a fresh analyzer', { timeout: 300_000 }, () => {
    let steps = 0;
    let dateSteps = 0;
    let kept = 0;
    let made = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const situation = seededSituation(seed);
      const line = situation.frontlines.find((f) => f.properties.id === 'frontline-walk')!;
      const rand = mulberry32(100 + seed);
      const analyzer = createAnalyzer(situation);
      // Through the month and back, by one-day steps mostly in that direction.
      let k = 0;
      let dir = 1;
      // Incidents count for the sites' protection but not for the roads': a site's reasons change while its
      // paths do not.
      const quiet = { incidentRadiusKm: 0 };
      let params: object = quiet;
      let overrides: { frontlines: { id: string; geometry: FrontlineFeature['geometry'] }[] } | undefined;
      let last: AnalysisReport | undefined;
      for (let step = 0; step < 70; step++) {
        const r = rand();
        // Mostly one day forth or back; sometimes a jump, a move of the line, or other parameters.
        if (r < 0.65) {
          k = Math.min(DAYS - 1, Math.max(0, k + (rand() < 0.8 ? dir : -dir)));
          if (k === DAYS - 1) dir = -1;
        } else if (r < 0.7) k = Math.floor(rand() * DAYS);
        else if (r < 0.85)
          overrides =
            rand() < 0.25
              ? undefined
              : { frontlines: [{ id: line.properties.id, geometry: shiftedGeometry(line, rand() * 20) }] };
        else
          params =
            rand() < 0.5
              ? quiet
              : pick2(rand, [{ ...quiet, protectionRadiusKm: 5 }, { incidentWindowDays: 20 }]);
        const asOf = dayOf(k);
        const report = analyzer.analyze(asOf, params, overrides);
        const where = `seed ${seed}, step ${step}, ${asOf} ${JSON.stringify(params)} ${overrides ? 'moved' : ''}`;
        expect(json(report), where).toBe(json(createAnalyzer(situation).analyze(asOf, params, overrides)));
        if (last && last.asOf !== asOf) {
          dateSteps++;
          const was = new Map(last.sites.map((s) => [s.id, s]));
          for (const s of report.sites)
            if (was.get(s.id) === s) kept++;
            else made++;
        }
        last = report;
        steps++;
      }
    }
    expect(steps).toBe(210);
    // Date changes happened, kept most reports and made some anew.
    expect(dateSteps).toBeGreaterThan(100);
    expect(kept).toBeGreaterThan(made);
    expect(made).toBeGreaterThan(0);
  });
});

function pick2<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}
