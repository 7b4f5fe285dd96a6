import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import {
  corridorIntervals,
  staticIntervals,
  type KmInterval,
} from '$lib/domain/analysis/corridors/corridorIntervals';
import { cumulativeKm } from '$lib/domain/geo/cumulativeKm';
import {
  intervalsOf,
  NO_STRETCHES,
  sameStretches,
  stretchListOf,
} from '$lib/domain/analysis/corridors/stretchList';
import { parseSituation, type Reason } from '$lib/domain/schemas';
import { mulberry32 } from '../../bench/prng';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { KeptTally, offsetOverrides } from '../helpers/frontlineMoves';

// A corridor keeps its stretches between analyses as typed lists (bounds side by side, a reason each), and
// keeps its last report while the lists it finds again hold the same stretches. The lists must give back
// the stretches they were made of, and compare as the stretches themselves do; and on seeded series of
// moves, returns and date steps (the stored features in force change, so the lists are made again, often
// with the same stretches), every analysis must give a fresh analyzer's corridors.

const REASONS: Reason[] = [
  { code: 'frontline_buffer', featureId: 'f1', detail: 'within 5 km of the front line' },
  { code: 'frontline_buffer', featureId: 'f2', detail: 'within 5 km of the front line' },
  { code: 'contested_area', featureId: 'a1', detail: 'inside a contested area' },
  { code: 'contested_area', featureId: 'a1', detail: 'inside a contested area since May' },
  { code: 'incident_nearby', featureId: 'a1', detail: 'inside a contested area' },
];

function randomList(rand: () => number): KmInterval[] {
  const n = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 40);
  const out: KmInterval[] = [];
  for (let i = 0; i < n; i++) {
    const fromKm = rand() < 0.1 ? 0 : rand() * 100;
    out.push({ fromKm, toKm: fromKm + rand() * 5, reason: REASONS[Math.floor(rand() * REASONS.length)] });
  }
  return out;
}

/** `list` with one change of a kind drawn at random (or none): a bound, a reason's field, its length. */
function changed(rand: () => number, list: readonly KmInterval[]): KmInterval[] {
  // Equal reasons as other objects, so that the comparison cannot lean on identity.
  const out = list.map((s) => ({ ...s, reason: { ...s.reason } }));
  if (out.length === 0) return rand() < 0.5 ? out : [{ fromKm: 1, toKm: 2, reason: REASONS[0] }];
  const at = Math.floor(rand() * out.length);
  const kind = Math.floor(rand() * 7);
  if (kind === 0) out[at].fromKm += 1e-12 * (1 + out[at].fromKm);
  else if (kind === 1) out[at].toKm = out[at].toKm + 0.5;
  else if (kind === 2) out[at].reason = { ...out[at].reason, code: 'siege' };
  else if (kind === 3) out[at].reason = { ...out[at].reason, featureId: `${out[at].reason.featureId}x` };
  else if (kind === 4) out[at].reason = { ...out[at].reason, detail: `${out[at].reason.detail}.` };
  else if (kind === 5) out.splice(at, 1);
  return out;
}

const plainSame = (a: readonly KmInterval[], b: readonly KmInterval[]) =>
  a.length === b.length &&
  a.every(
    (x, i) =>
      x.fromKm === b[i].fromKm &&
      x.toKm === b[i].toKm &&
      x.reason.code === b[i].reason.code &&
      x.reason.featureId === b[i].reason.featureId &&
      x.reason.detail === b[i].reason.detail,
  );

describe('stretch lists', () => {
  it('give back the stretches they were made of, and share the empty list', () => {
    const rand = mulberry32(7);
    for (let seed = 0; seed < 500; seed++) {
      const list = randomList(rand);
      const typed = stretchListOf(list);
      expect(intervalsOf(typed), `case ${seed}`).toEqual(list);
      if (list.length === 0) expect(typed).toBe(NO_STRETCHES);
    }
  });

  it('compare as their stretches do, bound by bound and reason field by field', () => {
    const rand = mulberry32(11);
    let same = 0;
    let different = 0;
    for (let seed = 0; seed < 3000; seed++) {
      const a = randomList(rand);
      const b = changed(rand, a);
      const expected = plainSame(a, b);
      expect(sameStretches(stretchListOf(a), stretchListOf(b)), `case ${seed}`).toBe(expected);
      if (expected) same++;
      else different++;
    }
    expect(same).toBeGreaterThan(300);
    expect(different).toBeGreaterThan(2000);
  });
});

const STORED_CODES = new Set([
  'denied_area',
  'contested_area',
  'incident_severe',
  'incident_nearby',
  'constraint_severe',
  'constraint_nearby',
]);

/**
 * Each corridor's stretches of stored features (areas, incidents, constraints) are those of every stored
 * feature along it (`staticIntervals`) whose feature is in force, in their order: checked plainly, by
 * each reference's feature id, for the corridors with any.
 */
function expectStoredInForce(ctx: ReturnType<ReturnType<typeof createAnalyzer>['context']>, step: number) {
  let checked = 0;
  for (const corridor of ctx.layers.corridors) {
    const coords = corridor.geometry.coordinates;
    const cum = cumulativeKm(coords);
    const all = staticIntervals(ctx, coords, cum);
    const expected: [number, number, string][] = [];
    for (let i = 0; i < all.count; i++) {
      const kind = all.ref[i] % 3;
      const n = (all.ref[i] - kind) / 3;
      const id =
        kind === 0
          ? ctx.allHazardAreas[n].properties.id
          : kind === 1
            ? ctx.incidents[n].properties.id
            : ctx.allHazardConstraints[n].properties.id;
      const ids = kind === 0 ? ctx.activeAreaIds : kind === 1 ? ctx.activeIncidents : ctx.activeConstraintIds;
      if (ids.has(id)) expected.push([all.km[2 * i], all.km[2 * i + 1], id]);
    }
    const found = corridorIntervals(ctx, corridor, coords, cum)
      .filter((s) => STORED_CODES.has(s.reason.code))
      .map((s): [number, number, string] => [s.fromKm, s.toKm, s.reason.featureId]);
    expect(found, `step ${step}, ${corridor.properties.id}`).toEqual(expected);
    if (expected.length > 0) checked++;
  }
  expect(checked).toBeGreaterThan(20);
}

describe('corridors keeping their stretch lists', () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.03)).input);
  const lines = situation.frontlines;
  const DATES = ['2024-08-15', '2024-08-16', '2024-08-15', '2024-07-01', '2024-08-16'];

  for (const seed of [5, 23]) {
    it(`give a fresh analyzer's corridors (seed ${seed})`, { timeout: 120_000 }, () => {
      const rand = mulberry32(seed);
      const analyzer = createAnalyzer(situation);
      const offsets = lines.map(() => 0);
      let last = analyzer.analyze(DATES[0]);
      const tally = new KeptTally();
      for (let step = 0; step < 10; step++) {
        // Moves of one line and returns to where it was (its stretches put aside then taken back), and steps
        // between dates (other stored features in force, so each corridor's lists are made again).
        const i = Math.floor(rand() * lines.length);
        if (rand() < 0.3) offsets[i] = 0;
        else offsets[i] += (rand() < 0.5 ? -1 : 1) * (0.5 + 3 * rand());
        const asOf = DATES[Math.floor(rand() * DATES.length)];
        const overrides = offsetOverrides(lines, offsets);
        const reused = analyzer.analyze(asOf, undefined, overrides);
        const fresh = createAnalyzer(situation).analyze(asOf, undefined, overrides);
        expect(JSON.stringify(reused.corridors), `step ${step}`).toBe(JSON.stringify(fresh.corridors));
        if (step % 3 === 0) expectStoredInForce(analyzer.context(asOf, undefined, overrides), step);
        tally.add(last.corridors, reused.corridors);
        last = reused;
      }
      expect(tally.kept).toBeGreaterThan(tally.remade);
      expect(tally.remade).toBeGreaterThan(0);
    });
  }
});
