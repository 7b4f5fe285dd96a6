/**
 * The stored-feature stretches (`staticIntervals`) of every corridor of the walks, timed in CPU for the
 * current code and for an older copy of it given by BENCH_OLD (a module exporting `staticIntervals`),
 * alternated in one process; the two must give the very same stretches. BENCH_NEW may give a copy of the
 * current module too (a copy made elsewhere can run at another speed than the module in place).
 * `BENCH_SCALE=0.3 BENCH_OLD=<file> node --expose-gc --import tsx bench/corridorStaticTimes.ts`
 */
import type { Position } from 'geojson';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { staticIntervals } from '../src/lib/domain/analysis/corridors/corridorIntervals';
import type { TypedStretches } from '../src/lib/domain/analysis/corridors/typedStretches';
import { haversineKm } from '../src/lib/domain/geo/haversineKm';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { collectGarbage, cpuMsSince } from './measure';

const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
type Static = typeof staticIntervals;

async function main() {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(SCALE)).input);
  const analyzer = createAnalyzer(situation);
  analyzer.analyze('2024-08-15');
  const ctx = analyzer.context('2024-08-15');
  const lines = ctx.layers.corridors.map((c) => {
    const coords = c.geometry.coordinates as Position[];
    const cum = [0];
    for (let i = 1; i < coords.length; i++) cum.push(cum[i - 1] + haversineKm(coords[i - 1], coords[i]));
    return { coords, cum };
  });
  // BENCH_NEW, a copy of the current module, puts both versions in copies alike.
  const current: Static = process.env.BENCH_NEW
    ? ((await import(process.env.BENCH_NEW)) as { staticIntervals: Static }).staticIntervals
    : staticIntervals;
  const old: Static | undefined = process.env.BENCH_OLD
    ? ((await import(process.env.BENCH_OLD)) as { staticIntervals: Static }).staticIntervals
    : undefined;
  const run = (f: Static) => {
    const out: TypedStretches[] = [];
    collectGarbage();
    const c = process.cpuUsage();
    for (const l of lines) out.push(f(ctx, l.coords, l.cum));
    return { ms: cpuMsSince(c), out };
  };
  const same = (a: TypedStretches[], b: TypedStretches[]) =>
    a.every(
      (x, i) =>
        x.count === b[i].count &&
        x.km.every((v, k) => Object.is(v, b[i].km[k])) &&
        x.ref.every((v, k) => v === b[i].ref[k]),
    );
  let stretches = 0;
  for (let p = 0; p < PAIRS; p++) {
    // Each version runs first in every other pair.
    const o0 = old && p % 2 === 1 ? run(old) : undefined;
    const n = run(current);
    stretches = n.out.reduce((s, x) => s + x.count, 0);
    if (!old) {
      console.log(`new ${Math.round(n.ms)} ms`);
      continue;
    }
    const o = o0 ?? run(old);
    console.log(`old ${Math.round(o.ms)} ms, new ${Math.round(n.ms)} ms, same ${same(o.out, n.out)}`);
  }
  console.log(`${lines.length} corridors, ${stretches} stretches`);
}

void main();
