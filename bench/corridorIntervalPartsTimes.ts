/**
 * Every corridor's hazard stretches (`corridorIntervalParts`) of the walks as on a first analysis (each
 * corridor with entries of its own, empty), timed in CPU for the current code and for an older copy of it
 * given by BENCH_OLD (a module exporting `corridorIntervalParts`), alternated in one process; the two must
 * give the very same stretches. BENCH_NEW may give a copy of the current module too.
 * `BENCH_SCALE=0.3 BENCH_OLD=<file> node --expose-gc --import tsx bench/corridorIntervalPartsTimes.ts`
 */
import {
  corridorIntervalParts,
  type KmInterval,
} from '../src/lib/domain/analysis/corridors/corridorIntervals';
import { intervalsOf, type StretchList } from '../src/lib/domain/analysis/corridors/stretchList';
import { collectGarbage, cpuMsSince, median } from './measure';
import { corridorLines, functionVersions, PAIRS, walksContext } from './moduleVersions';

type Parts = typeof corridorIntervalParts;

async function main() {
  const ctx = walksContext();
  const lines = corridorLines(ctx);
  const { current, old } = await functionVersions('corridorIntervalParts', corridorIntervalParts);
  const run = (f: Parts) => {
    const out: (StretchList | readonly KmInterval[])[][] = [];
    collectGarbage();
    const c = process.cpuUsage();
    for (const l of lines) out.push(f(ctx, l.corridor, l.coords, l.cum, new Map(), []));
    return { ms: cpuMsSince(c), out };
  };
  // An older copy gives each part as a list of objects.
  const objects = (part: StretchList | readonly KmInterval[]) => ('km' in part ? intervalsOf(part) : part);
  const text = (parts: (StretchList | readonly KmInterval[])[][]) =>
    JSON.stringify(parts.map((p) => p.flatMap(objects).map((s) => [s.fromKm, s.toKm, s.reason])));
  let stretches = 0;
  const olds: number[] = [];
  const news: number[] = [];
  for (let p = 0; p < PAIRS; p++) {
    // Each version runs first in every other pair.
    const o0 = old && p % 2 === 1 ? run(old) : undefined;
    const n = run(current);
    stretches = n.out.reduce((s, x) => s + x.reduce((t, y) => t + objects(y).length, 0), 0);
    if (!old) {
      console.log(`new ${Math.round(n.ms)} ms`);
      continue;
    }
    const o = o0 ?? run(old);
    olds.push(o.ms);
    news.push(n.ms);
    const same = p > 0 || text(o.out) === text(n.out);
    console.log(`old ${Math.round(o.ms)} ms, new ${Math.round(n.ms)} ms${p === 0 ? `, same ${same}` : ''}`);
  }
  if (old) {
    const ratios = olds.map((o, i) => news[i] / o);
    console.log(
      `median old ${Math.round(median(olds))} ms, new ${Math.round(median(news))} ms, new/old per pair ${median(ratios).toFixed(2)}`,
    );
  }
  console.log(`${lines.length} corridors, ${stretches} stretches`);
}

void main();
