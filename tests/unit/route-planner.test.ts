import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, createAnalyzer, planRoutes } from '$lib/domain/analysis';
import { haversineKm } from '$lib/domain/geo/haversineKm';
import { planResultSchema } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// tests/fixtures/planner/two-crossings: Hub A (Chad side) reaches Camp B by a southern crossing (shorter,
// closed from 2024-03-01, an incident beside its road in February) or a northern crossing followed by a
// crossline point on a front line (closed from 2024-05-01). The rebels hold the ground at the north crossing.
const dir = join(import.meta.dirname, '..', 'fixtures', 'planner', 'two-crossings');
const analyzer = () => createAnalyzer(loadSituationFromDir(dir, dir));
const plan = (input: Parameters<typeof planRoutes>[1]) => {
  const r = planRoutes(analyzer(), input);
  expect(() => planResultSchema.parse(r)).not.toThrow();
  return r;
};

describe('convoy planner on a fixture with two crossings', () => {
  it('prefers the longer open route over a shorter at-risk one, and keeps the other as an alternative', () => {
    const r = plan({ asOf: '2024-02-15', from: 'hub_a', to: 'camp_b' });
    expect(r.routes).toHaveLength(2);
    const [best, alt] = r.routes;
    // The south road is at risk (the incident), costed ×3, which still beats the north's at-risk track.
    expect(best.crossings.map((c) => c.id)).toEqual(['x_south']);
    expect(best.hazards.map((h) => `${h.featureId}:${h.code}`)).toEqual(['inc_south:incident_nearby']);
    expect(alt.crossings.map((c) => c.id)).toEqual(['x_north', 'xl_mid']);
    expect(best.lengthKm).toBeLessThan(alt.lengthKm);
    expect(best.rank).toBe(1);
    expect(alt.rank).toBe(2);
  });

  it('names who must agree at each crossing: both countries, the actor holding the ground, both sides of a crossline', () => {
    const [north] = plan({ asOf: '2024-04-01', from: 'hub_a', to: 'camp_b' }).routes;
    const x = north.crossings.find((c) => c.id === 'x_north')!;
    expect(x.parties.map((p) => `${p.kind}:${p.id}`)).toEqual(['country:TCD', 'country:SDN', 'actor:reb']);
    const xl = north.crossings.find((c) => c.id === 'xl_mid')!;
    expect(xl.parties.map((p) => p.name)).toEqual(['Government', 'Rebels']);
    expect(x.km).toBeLessThan(xl.km);
  });

  it('gives stretches with km from the start that add up to the route', () => {
    const [north] = plan({ asOf: '2024-04-01', from: 'hub_a', to: 'camp_b' }).routes;
    expect(north.stretches.map((s) => s.status)).toEqual(['open', 'at_risk']);
    expect(north.stretches[0].fromKm).toBe(0);
    expect(north.stretches[1].fromKm).toBe(north.stretches[0].toKm);
    expect(north.stretches.at(-1)!.toKm).toBeCloseTo(north.lengthKm, 3);
    expect(north.stretches[1].reasons.map((r) => r.featureId)).toContain('fl_mid');
  });

  it('with the south crossing closed, takes the north and says opening the south would save km', () => {
    const r = plan({ asOf: '2024-04-01', from: 'hub_a', to: 'camp_b' });
    expect(r.routes).toHaveLength(1);
    expect(r.routes[0].crossings.map((c) => c.id)).not.toContain('x_south');
    expect(r.openings.map((o) => o.crossingId)).toEqual(['x_south']);
    expect(r.openings[0].savesKm).toBeCloseTo(r.routes[0].lengthKm - r.openings[0].lengthKm, 3);
    expect(r.openings[0].savesKm!).toBeGreaterThan(10);
  });

  it('finds the same route on opening a crossing as the engine does with the crossing opened by override', () => {
    const r = plan({ asOf: '2024-04-01', from: 'hub_a', to: 'camp_b' });
    const overridden = plan({
      asOf: '2024-04-01',
      from: 'hub_a',
      to: 'camp_b',
      alternatives: 0,
      overrides: { crossings: [{ id: 'x_south', status: 'open' }] },
    });
    expect(overridden.routes[0].crossings.map((c) => c.id)).toEqual(['x_south']);
    expect(r.openings[0].lengthKm).toBe(overridden.routes[0].lengthKm);
    // With the crossing open there is nothing left to open.
    expect(overridden.openings).toEqual([]);
  });

  it('with both ways closed, names the blockage and the single crossing whose opening shortens the trip most', () => {
    const r = plan({ asOf: '2024-05-15', from: 'hub_a', to: 'camp_b' });
    expect(r.routes).toEqual([]);
    expect(r.reasons.some((x) => x.code === 'crossing_closed' && x.featureId === 'x_south')).toBe(true);
    expect(r.openings[0].crossingId).toBe('x_south');
    expect(r.openings[0].savesKm).toBeNull();
    // A border crossing that opens a route is enough: the crossline point is not tried then.
    expect(r.openings.map((o) => o.crossingId)).toEqual(['x_south']);
    // With the south crossing avoided, opening the crossline point (through the engine) is the change.
    const north = plan({ asOf: '2024-05-15', from: 'hub_a', to: 'camp_b', avoid: ['x_south'] });
    expect(north.routes).toEqual([]);
    expect(north.openings.map((o) => o.crossingId)).toEqual(['xl_mid']);
    expect(north.openings[0].kind).toBe('crossline');
  });

  it('keeps off what the avoid list names, and says when that is what leaves no route', () => {
    const r = plan({ asOf: '2024-02-15', from: 'hub_a', to: 'camp_b', avoid: ['x_south'] });
    expect(r.routes.map((x) => x.crossings[0].id)).toEqual(['x_north']);
    const none = plan({ asOf: '2024-04-01', from: 'hub_a', to: 'camp_b', avoid: ['x_north'] });
    expect(none.routes).toEqual([]);
    expect(none.notes.join(' ')).toMatch(/avoid list \(x_north\)/);
    expect(none.reasons.map((x) => x.featureId)).toContain('x_south');
    const byRoad = plan({ asOf: '2024-02-15', from: 'hub_a', to: 'camp_b', avoid: ['rd_north_camp'] });
    expect(byRoad.routes).toHaveLength(1);
  });

  it('passes the waypoints in order', () => {
    const r = plan({ asOf: '2024-02-15', from: 'hub_a', to: 'camp_b', via: ['x_north'], alternatives: 0 });
    expect(r.routes).toHaveLength(1);
    expect(r.routes[0].crossings.map((c) => c.id)).toEqual(['x_north', 'xl_mid']);
    expect(r.via.map((v) => v.id)).toEqual(['x_north']);
  });

  it('snaps a map position to the nearest point of a road and counts the gap', () => {
    // 0.05° north of the middle of the hub – south crossing road.
    const r = plan({ asOf: '2024-02-15', from: { lon: 20.5, lat: 12.95 }, to: 'camp_b', alternatives: 0 });
    expect(r.from.kind).toBe('point');
    expect(r.from.snapKm).toBeGreaterThan(4);
    expect(r.from.snapKm).toBeLessThan(6);
    const [lon, lat] = r.from.roadPosition;
    expect(lon).toBeCloseTo(20.5, 1);
    expect(lat).toBeCloseTo(12.9, 1);
    const [best] = r.routes;
    // The start is mid-road: the route runs half the hub road, not all of it.
    const partOfHubRoad = haversineKm(r.from.roadPosition, [21, 12.8]);
    const rest = haversineKm([21, 12.8], [22, 13]);
    expect(partOfHubRoad).toBeLessThan(haversineKm([20, 13], [21, 12.8]) * 0.6);
    expect(best.lengthKm).toBeCloseTo(r.from.snapKm + partOfHubRoad + rest, 1);
    expect(best.geometry.coordinates[0]).toEqual([20.5, 12.95]);
  });

  it('estimates travel time from road classes, stops and the rainy season', () => {
    const hubRoad = haversineKm([20, 13], [21, 12.8]);
    const dry = plan({ asOf: '2024-02-15', from: 'hub_a', to: 'x_south', alternatives: 0 }).routes[0];
    expect(dry.travel.hours).toBeCloseTo((hubRoad / 50) * 1.25, 1);
    expect(dry.travel.rainySeason).toBe(false);
    const wet = plan({
      asOf: '2024-02-15',
      from: 'hub_a',
      to: 'x_south',
      alternatives: 0,
      overrides: { month: 8 },
    }).routes[0];
    expect(wet.travel.rainySeason).toBe(true);
    expect(wet.travel.hours).toBeCloseTo((hubRoad / 50) * 1.25 * 1.25, 1);
    const slow = plan({
      asOf: '2024-02-15',
      from: 'hub_a',
      to: 'x_south',
      alternatives: 0,
      travel: { speedKmh: { primary: 25 } },
    }).routes[0];
    expect(slow.travel.hours).toBeCloseTo(dry.travel.hours * 2, 1);
  });

  it('refuses unknown places and avoid ids, naming them', () => {
    expect(() => planRoutes(analyzer(), { asOf: '2024-02-15', from: 'nowhere', to: 'camp_b' })).toThrow(
      /no site or crossing has the id "nowhere"/,
    );
    expect(() =>
      planRoutes(analyzer(), { asOf: '2024-02-15', from: 'hub_a', to: 'camp_b', avoid: ['ghost'] }),
    ).toThrow(/avoid: no feature has the id "ghost"/);
    expect(() => planRoutes(analyzer(), { asOf: '2024-02-30', from: 'hub_a', to: 'camp_b' })).toThrow(
      AnalysisInputError,
    );
  });

  it('reports a place far from every road as off the network', () => {
    const r = plan({ asOf: '2024-02-15', from: { lon: 19.2, lat: 14.4 }, to: 'camp_b' });
    expect(r.routes).toEqual([]);
    expect(r.reasons[0].code).toBe('off_network');
  });

  it('does not mutate the situation and answers the same twice', () => {
    const situation = loadSituationFromDir(dir, dir);
    const before = JSON.stringify(situation);
    const a = createAnalyzer(situation);
    const one = planRoutes(a, { asOf: '2024-05-15', from: 'hub_a', to: 'camp_b' });
    const two = planRoutes(a, { asOf: '2024-05-15', from: 'hub_a', to: 'camp_b' });
    expect(JSON.stringify(situation)).toBe(before);
    expect(two).toEqual(one);
  });
});

describe('convoy planner on the default scenario', () => {
  const geodata = join(import.meta.dirname, '..', '..', 'geodata');
  const a = createAnalyzer(loadSituationFromDir(geodata, geodata));

  it('Adré transit → Zamzam on 2024-08-20 crosses into Sudan at Adré or Tiné', () => {
    const r = planRoutes(a, { asOf: '2024-08-20', from: 'td_adre_transit', to: 'sd_zamzam' });
    expect(r.routes.length).toBeGreaterThan(0);
    const ids = r.routes[0].crossings.filter((c) => c.kind === 'international').map((c) => c.id);
    expect(ids.some((id) => id === 'td_adre_crossing' || id === 'sd_tina_crossing')).toBe(true);
  });

  it('on 2024-03-01, with Adré closed, the answer names the closed Adré crossing', () => {
    const r = planRoutes(a, { asOf: '2024-03-01', from: 'td_adre_transit', to: 'sd_zamzam' });
    // Either no route (the closed crossing among the blockages) or a detour, with Adré among the openings.
    const named = [
      ...[...r.reasons, ...r.routes.flatMap((x) => x.reasons)]
        .filter((x) => x.code === 'crossing_closed' && /closed/.test(x.detail))
        .map((x) => x.featureId),
      ...r.openings.map((o) => o.crossingId),
    ];
    expect(named).toContain('td_adre_crossing');
  });

  it('plans a long route (Port Sudan → El Fasher region) or explains why not', () => {
    const r = planRoutes(a, { asOf: '2023-05-01', from: 'sd_port_sudan', to: 'sd_el_fasher' });
    expect(r.routes.length + r.reasons.length).toBeGreaterThan(0);
    for (const route of r.routes) expect(route.lengthKm).toBeGreaterThan(1000);
  });
});
