/**
 * What the benches that compare two versions of one engine function share: the walks' situation analysed at
 * BENCH_SCALE (`walksContext`), its corridors' lines with their cumulative km, and the function of the current
 * code and of an older copy of its module (`functionVersions`: BENCH_OLD names the old module; BENCH_NEW may
 * name a copy of the current one, since a copy made elsewhere can run at another speed than the module in
 * place).
 */
import type { Position } from 'geojson';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { cumulativeKm } from '../src/lib/domain/geo/cumulativeKm';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';

export const AS_OF = '2024-08-15';
export const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
export const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);

/** The analysis context of the walks on AS_OF, after a first analysis unless `analyzed` is false. */
export function walksContext(analyzed = true) {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(SCALE)).input);
  const analyzer = createAnalyzer(situation);
  if (analyzed) analyzer.analyze(AS_OF);
  return analyzer.context(AS_OF);
}

/** Each corridor of the context with its positions and their cumulative km. */
export function corridorLines(ctx: ReturnType<typeof walksContext>) {
  return ctx.layers.corridors.map((corridor) => {
    const coords = corridor.geometry.coordinates as Position[];
    return { corridor, coords, cum: cumulativeKm(coords) };
  });
}

/** The export `name` of the current module (`current`, or BENCH_NEW's) and of BENCH_OLD's when given. */
export async function functionVersions<F>(name: string, current: F): Promise<{ current: F; old?: F }> {
  const load = async (file: string) => ((await import(file)) as Record<string, F>)[name];
  return {
    current: process.env.BENCH_NEW ? await load(process.env.BENCH_NEW) : current,
    old: process.env.BENCH_OLD ? await load(process.env.BENCH_OLD) : undefined,
  };
}
