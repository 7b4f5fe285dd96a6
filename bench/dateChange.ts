/**
 * A date change on the map's server, in one process: the Sudan-scale situation of `npm run bench:map`
 * (bench/generate.ts, `SUDAN_SCALE`, scaled by BENCH_MAP_SCALE as that bench does, default 1), one analyzer
 * reused from date to date as the server's store does. For each step of DATES (a day, thirty days, two hundred
 * days, back and forth), the CPU time (`process.cpuUsage`) of the analysis, of counting its bytes for the
 * store's analysis cache (as `SituationStore` does when it keeps the report), of the map's verdicts made from
 * it and of their body serialised, and hashes of the report and of the body. BENCH_CHECK=1 also analyses
 * each date with a fresh analyzer and says whether the reports, their counted bytes and the verdicts' bodies
 * are the same, the fresh body made the plain way (`encodeVerdicts(mapVerdicts(…))`). BENCH_ROUNDS (default 1) repeats the walk.
 * `npm run -s bench:prepare && node --import tsx bench/dateChange.ts`
 */
import { createHash } from 'node:crypto';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { parseSituation } from '../src/lib/domain/schemas';
import { mapVerdicts } from '../src/lib/map/mapVerdicts';
import { encodeVerdicts } from '../src/lib/map/verdictsWire';
import { verdictsWireOf } from '../src/lib/map/verdictsWireOf';
import { reportJsonBytes } from '../src/lib/server/situation/reportBytes';
import { generateSituationInput, sudanScaled, type GenerateOptions } from './generate';
import { cpuMsSince, loadAverages } from './measure';

const SCALE = Number(process.env.BENCH_MAP_SCALE ?? 1);
const CHECK = process.env.BENCH_CHECK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
// From the bench's first date: the next day, thirty days on, two hundred days back, thirty days on from
// there, back to the first, then the far date bench:map uses.
const DATES = (
  process.env.BENCH_DATES ?? '2024-08-15,2024-08-16,2024-09-15,2024-02-27,2024-03-28,2024-08-15,2024-06-01'
).split(',');

const options: GenerateOptions = sudanScaled(SCALE, 4);
const hashText = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const hash = (x: unknown) => hashText(JSON.stringify(x));

const situation = parseSituation(generateSituationInput(options).input);
console.log(`Sudan scale ×${SCALE}, load ${loadAverages()}`);
let c = process.cpuUsage();
const analyzer = createAnalyzer(situation);
console.log(`build ${Math.round(cpuMsSince(c))} ms`);
const total = { analysis: 0, cache: 0, verdicts: 0 };
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, asOf] of DATES.entries()) {
    c = process.cpuUsage();
    const report = analyzer.analyze(asOf);
    const analysis = cpuMsSince(c);
    c = process.cpuUsage();
    const bytes = reportJsonBytes(report);
    const cache = cpuMsSince(c);
    c = process.cpuUsage();
    // As the server makes the body (`verdictsForView`, `verdictsBody`).
    const body = JSON.stringify(verdictsWireOf(situation, report));
    const verdicts = cpuMsSince(c);
    if (round > 0 || i > 0) {
      total.analysis += analysis;
      total.cache += cache;
      total.verdicts += verdicts;
    }
    let check = '';
    if (CHECK) {
      const fresh = createAnalyzer(situation).analyze(asOf);
      const same =
        hash(fresh) === hash(report) &&
        reportJsonBytes(fresh) === bytes &&
        JSON.stringify(encodeVerdicts(mapVerdicts(situation, fresh))) === body;
      check = same ? ' = fresh' : ' ≠ FRESH';
    }
    console.log(
      `${asOf}: analysis ${Math.round(analysis)} ms, cache size ${Math.round(cache)} ms, ` +
        `verdicts + body ${Math.round(verdicts)} ms ` +
        `(${Math.round(body.length / 1024)} KiB), report ${hash(report)}, ${bytes} bytes, body ${hashText(body)}${check}`,
    );
  }
}
console.log(
  `date changes (all but the first analysis): analysis ${Math.round(total.analysis)} ms, cache size ` +
    `${Math.round(total.cache)} ms, verdicts ${Math.round(total.verdicts)} ms; load ${loadAverages()}`,
);
