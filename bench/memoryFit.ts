/**
 * Does the engine fit in a small process? `bench/run.ts` starts this file in a child Node with the V8 heap
 * capped (`--max-old-space-size`), so the garbage collector works as it would under memory pressure instead
 * of letting the heap grow lazily. It loads the same situation, analyses it, re-analyses it after a front
 * line moves and routes, then prints one JSON line: whether it completed, its peak RSS and its times.
 * It can also be run by hand: `node --max-old-space-size=400 --import tsx bench/memoryFit.ts`.
 */
import { createAnalyzer, route } from '../src/lib/domain/analysis';
import { parseSituation, type Situation } from '../src/lib/domain/schemas';
import { generateSituationInput, SUDAN_SCALE, type GenerateOptions } from './generate';
import { MemorySampler, median } from './measure';
import { shiftedGeometry } from './moveFrontline';
import { Rng } from './prng';

export interface MemoryFitResult {
  heapCapMB: number | null;
  completed: true;
  peakRssMB: number;
  fullMs: number;
  reanalysisMs: number;
  routeMedianMs: number;
}

function run(options: GenerateOptions, asOf: string): Omit<MemoryFitResult, 'heapCapMB' | 'completed'> {
  const memory = new MemorySampler(['all']);
  memory.phase('all');
  let input: ReturnType<typeof generateSituationInput> | null = generateSituationInput(options);
  const situation: Situation = parseSituation(input.input);
  input = null;
  const t0 = performance.now();
  const analyzer = createAnalyzer(situation);
  analyzer.analyze(asOf);
  const fullMs = performance.now() - t0;
  const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
  const re: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    analyzer.analyze(asOf, undefined, {
      frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, 2 + i) }],
    });
    re.push(performance.now() - t);
  }
  const rng = new Rng(options.seed + 1);
  const hubs = situation.sites.filter((s) => s.properties.hub);
  const routes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    route(
      analyzer,
      { siteId: rng.pick(hubs).properties.id },
      { siteId: rng.pick(situation.sites).properties.id },
      {
        asOf,
        alternatives: 3,
      },
    );
    routes.push(performance.now() - t);
  }
  const peak = Math.max(memory.peaks().all, process.resourceUsage().maxRSS * 1024);
  void memory.stop();
  return {
    peakRssMB: Math.round(peak / 2 ** 20),
    fullMs,
    reanalysisMs: median(re),
    routeMedianMs: median(routes),
  };
}

const self = process.argv[1] ?? '';
if (self.endsWith('memoryFit.ts')) {
  const options = JSON.parse(process.env.BENCH_FIT_OPTIONS ?? 'null') ?? SUDAN_SCALE;
  const asOf = process.env.BENCH_FIT_AS_OF ?? '2024-08-15';
  const cap = process.execArgv.map((a) => /^--max-old-space-size=(\d+)$/.exec(a)?.[1]).find(Boolean);
  const result: MemoryFitResult = {
    heapCapMB: cap ? Number(cap) : null,
    completed: true,
    ...run(options, asOf),
  };
  console.log(JSON.stringify(result));
}
