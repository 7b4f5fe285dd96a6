/**
 * The stored-feature stretches (`staticIntervals`) of every corridor of the walks, timed in CPU for the
 * current code and for an older copy of it given by BENCH_OLD (a module exporting `staticIntervals`),
 * alternated in one process; the two must give the very same stretches. BENCH_NEW may give a copy of the
 * current module too (a copy made elsewhere can run at another speed than the module in place).
 * `BENCH_SCALE=0.3 BENCH_OLD=<file> node --expose-gc --import tsx bench/corridorStaticTimes.ts`
 */
import { staticIntervals } from '../src/lib/domain/analysis/corridors/corridorIntervals';
import type { TypedStretches } from '../src/lib/domain/analysis/corridors/typedStretches';
import { collectGarbage, cpuMsSince } from './measure';
import { corridorLines, functionVersions, PAIRS, walksContext } from './moduleVersions';

type Static = typeof staticIntervals;

async function main() {
  const ctx = walksContext();
  const lines = corridorLines(ctx);
  // BENCH_NEW, a copy of the current module, puts both versions in copies alike.
  const { current, old } = await functionVersions('staticIntervals', staticIntervals);
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
