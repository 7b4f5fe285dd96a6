import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { AnalysisContext } from '$lib/domain/analysis/context';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// An analyzer moved from date to date makes a new context, layers and hazards for each date. Made by object
// literals, V8 widened the known types of their fields on the second date (when it builds a literal's
// template) and threw away the optimized code of every function that had read them on the first. The
// functions below read those objects as the site searches and corridors do; compiled on the first date, they
// must still be compiled after the analyzer has moved to the next. The V8 intrinsics used are allowed for
// this file only, at run time.
setFlagsFromString('--allow-natives-syntax');
const intrinsic = (body: string) => new Function('f', body) as (f: unknown) => unknown;
const prepare = intrinsic('%PrepareFunctionForOptimization(f)');
const optimizeNext = intrinsic('%OptimizeFunctionOnNextCall(f)');
const status = intrinsic('return %GetOptimizationStatus(f)') as (f: unknown) => number;
/** V8's "optimized" bit of %GetOptimizationStatus. */
const OPTIMIZED = 1 << 4;

type Reader = (ctx: AnalysisContext) => number;
const readers: Record<string, Reader> = {
  context: (ctx) =>
    ctx.activeIncidents.size + ctx.activeAreaIds.size + ctx.crossingsAt.size + ctx.frontlines.length,
  hazards: (ctx) => ctx.hazards.status.length + ctx.hazards.routeStatus.length + ctx.hazards.closedNodes.size,
  layers: (ctx) =>
    ctx.layers.params.protectionRadiusKm + ctx.layers.roadIds.size + ctx.layers.crossings.length,
};

describe('the objects of a date, from one date to the next', () => {
  it('keep the code compiled for them on the first date', () => {
    const analyzer = createAnalyzer(scaledSudanSituation(0.02, 7));
    analyzer.analyze('2024-08-15');
    const first = analyzer.context('2024-08-15');
    for (const read of Object.values(readers)) {
      prepare(read);
      read(first);
      read(first);
      optimizeNext(read);
      read(first);
    }
    const compiled = (read: Reader) => (status(read) & OPTIMIZED) !== 0;
    // The check itself: each reader is compiled before the analyzer moves.
    for (const [name, read] of Object.entries(readers)) expect([name, compiled(read)]).toEqual([name, true]);

    analyzer.analyze('2024-08-16');
    const next = analyzer.context('2024-08-16');
    expect(next).not.toBe(first);
    for (const read of Object.values(readers)) read(next);
    for (const [name, read] of Object.entries(readers)) expect([name, compiled(read)]).toEqual([name, true]);
  });
});
