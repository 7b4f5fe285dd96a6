/**
 * The roads under every corridor of the walks (`roadsUnder`), timed in CPU for the current code and for an
 * older copy of it given by BENCH_OLD (a module exporting `roadsUnder`), alternated in one process; the two
 * must give the very same pieces. The first round of each version also builds its grids (once per network).
 * `BENCH_SCALE=0.3 BENCH_OLD=<file> node --expose-gc --import tsx bench/roadsUnderTimes.ts`
 */
import { roadsUnder, type RoadsUnder } from '../src/lib/domain/analysis/corridors/roadsUnder';
import { collectGarbage, cpuMsSince } from './measure';
import { corridorLines, functionVersions, PAIRS, walksContext } from './moduleVersions';

type Under = typeof roadsUnder;

async function main() {
  // Not analysed first: the first round of each version builds its grids, as a first analysis does.
  const ctx = walksContext(false);
  const lines = corridorLines(ctx);
  // BENCH_NEW, a copy of the current module, puts both versions in copies alike.
  const { current, old } = await functionVersions('roadsUnder', roadsUnder);
  const run = (f: Under) => {
    const out: RoadsUnder[] = [];
    collectGarbage();
    const c = process.cpuUsage();
    for (const l of lines) out.push(f(ctx, l.coords, l.cum));
    return { ms: cpuMsSince(c), out };
  };
  const same = (a: RoadsUnder[], b: RoadsUnder[]) =>
    a.every(
      (x, i) =>
        x.edge.length === b[i].edge.length &&
        x.km.every((v, k) => Object.is(v, b[i].km[k])) &&
        x.edge.every((v, k) => v === b[i].edge[k]),
    );
  let pieces = 0;
  for (let p = 0; p < PAIRS; p++) {
    // Each version runs first in every other pair.
    const o0 = old && p % 2 === 1 ? run(old) : undefined;
    const n = run(current);
    pieces = n.out.reduce((s, x) => s + x.edge.length, 0);
    if (!old) {
      console.log(`new ${Math.round(n.ms)} ms`);
      continue;
    }
    const o = o0 ?? run(old);
    console.log(`old ${Math.round(o.ms)} ms, new ${Math.round(n.ms)} ms, same ${same(o.out, n.out)}`);
  }
  console.log(`${lines.length} corridors, ${pieces} seasonal pieces`);
}

void main();
