/**
 * Where a date change's time goes: bench/dateChange.ts's situation and steps, a CPU profile around each step
 * after the first analysis (analysis, the cache's count, verdicts and body), written to
 * BENCH_PROFILE_OUT-<n>.cpuprofile.
 */
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { parseSituation } from '../src/lib/domain/schemas';
import { verdictsWireOf } from '../src/lib/map/verdictsWireOf';
import { reportJsonBytes } from '../src/lib/server/situation/reportBytes';
import { generateSituationInput, sudanScaled } from './generate';
import { cpuMsSince, loadAverages } from './measure';

const OUT = process.env.BENCH_PROFILE_OUT ?? 'dateChange';
const DATES = (
  process.env.BENCH_DATES ?? '2024-08-15,2024-08-16,2024-09-15,2024-02-27,2024-03-28,2024-08-15,2024-06-01'
).split(',');
const session = new Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))),
  );

async function main() {
  const situation = parseSituation(generateSituationInput(sudanScaled(1, 4)).input);
  const analyzer = createAnalyzer(situation);
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 250 });
  for (const [i, asOf] of DATES.entries()) {
    if (i > 0) await post('Profiler.start');
    let c = process.cpuUsage();
    const report = analyzer.analyze(asOf);
    const analysis = cpuMsSince(c);
    c = process.cpuUsage();
    reportJsonBytes(report);
    const cache = cpuMsSince(c);
    c = process.cpuUsage();
    JSON.stringify(verdictsWireOf(situation, report));
    const verdicts = cpuMsSince(c);
    if (i > 0) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(`${OUT}-${i}.cpuprofile`, JSON.stringify(profile));
    }
    console.log(
      `${asOf}: analysis ${Math.round(analysis)} ms, cache ${Math.round(cache)} ms, verdicts ${Math.round(verdicts)} ms`,
    );
  }
  console.log(`load ${loadAverages()}`);
}
void main();
