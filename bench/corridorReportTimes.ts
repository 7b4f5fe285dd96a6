/**
 * A corridor's evaluation past its hazards' stretches (seasonal closures, the sweep, the report), as in a
 * first analysis, over every corridor of the walks: CPU time for the current code and for an older copy of
 * `evaluateCorridor.ts` given by BENCH_OLD (a module exporting `evaluateCorridor`), alternated in one process.
 * Each corridor's kept record loses its report before each round, so every corridor makes its report again
 * from the stretches already in the cache; the two versions must give the same reports.
 * BENCH_NEW may give a copy of the current module too (a copy made elsewhere can run at another speed than the
 * module in place).
 * `BENCH_SCALE=0.3 BENCH_OLD=<file> node --expose-gc --import tsx bench/corridorReportTimes.ts`
 */
import { createHash } from 'node:crypto';
import { evaluateCorridor } from '../src/lib/domain/analysis/corridors/evaluateCorridor';
import { collectGarbage, cpuMsSince, loadAverages } from './measure';
import { functionVersions, PAIRS, walksContext } from './moduleVersions';

type Evaluate = typeof evaluateCorridor;

async function main() {
  const ctx = walksContext();
  const corridors = ctx.layers.corridors;
  const entries = corridors.map((c) => ctx.cache.entriesOf(c.geometry));
  const { current, old } = await functionVersions('evaluateCorridor', evaluateCorridor);
  const versions: { name: string; f: Evaluate; kept: (object | undefined)[] }[] = [
    { name: 'new', f: current, kept: [] },
  ];
  if (old) versions.push({ name: 'old', f: old, kept: [] });
  // Each version keeps its own records; before a round each loses what the first analysis would not have.
  const run = (v: (typeof versions)[number]) => {
    for (let k = 0; k < corridors.length; k++) {
      const last = v.kept[k] as Record<string, unknown> | undefined;
      if (!last) {
        entries[k].delete('corridor-last');
        continue;
      }
      for (const key of ['report', 'seasonalKey', 'rounded', 'stamp']) if (key in last) last[key] = undefined;
      if ('parts' in last) last.parts = [];
      if ('seasonal' in last) last.seasonal = [];
      entries[k].set('corridor-last', last);
    }
    collectGarbage();
    const c = process.cpuUsage();
    const out = corridors.map((corridor) => v.f(ctx, corridor));
    const ms = cpuMsSince(c);
    for (let k = 0; k < corridors.length; k++) v.kept[k] = entries[k].get('corridor-last') as object;
    return { ms, hash: createHash('sha256').update(JSON.stringify(out)).digest('hex').slice(0, 16) };
  };
  for (const v of versions) run(v);
  console.log(`${corridors.length} corridors, load ${loadAverages()}`);
  for (let p = 0; p < PAIRS; p++) {
    // Each version runs first in every other pair.
    const order = p % 2 === 0 ? versions : [...versions].reverse();
    const got = order.map((v) => ({ name: v.name, ...run(v) }));
    console.log(got.map((g) => `${g.name} ${Math.round(g.ms)} ms (${g.hash})`).join(', '));
  }
  console.log(`load ${loadAverages()}`);
}

void main();
