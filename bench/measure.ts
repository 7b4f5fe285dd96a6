/** Small measuring helpers for the bench: medians, percentiles, timing, peak memory, the machine. */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
export const median = (values: number[]): number => percentile(values, 50);

/**
 * Runs `fn` up to `times` times and returns each duration in ms (performance.now()) and the last result.
 * Stops early, after at least one run, once the runs together exceed `budgetMs`, so a slow engine still
 * lets the bench finish in minutes (the number of runs is reported with the median).
 */
export function timeRuns<T>(
  times: number,
  fn: (i: number) => T,
  budgetMs = Infinity,
): { runs: number[]; result: T } {
  const runs: number[] = [];
  let result: T | undefined;
  let spent = 0;
  for (let i = 0; i < times && (i === 0 || spent < budgetMs); i++) {
    const t = performance.now();
    result = fn(i);
    runs.push(performance.now() - t);
    spent += runs[runs.length - 1];
  }
  return { runs, result: result as T };
}

/** A full garbage collection, so a phase starts without the previous phase's garbage. */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/**
 * Peak resident memory per phase. A worker thread reads the process RSS every 5 ms, so the peak is seen
 * even while the main thread is busy in synchronous work (an interval timer on the main thread would not
 * fire then). `phase(i)` labels what follows; `peaks()` gives the largest RSS seen in each phase, in bytes.
 */
export class MemorySampler {
  private readonly current = new Int32Array(new SharedArrayBuffer(4));
  private readonly peak: Float64Array;
  private readonly worker: Worker;
  constructor(private readonly names: string[]) {
    this.peak = new Float64Array(new SharedArrayBuffer(8 * names.length));
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const [current, peak] = workerData;
       setInterval(() => {
         const i = Atomics.load(current, 0);
         const rss = process.memoryUsage.rss();
         if (rss > peak[i]) peak[i] = rss;
       }, 5);`,
      { eval: true, workerData: [this.current, this.peak] },
    );
    this.worker.unref();
  }
  phase(name: string): void {
    const i = this.names.indexOf(name);
    if (i < 0) throw new Error(`unknown phase ${name}`);
    Atomics.store(this.current, 0, i);
    const rss = process.memoryUsage.rss();
    if (rss > this.peak[i]) this.peak[i] = rss;
  }
  peaks(): Record<string, number> {
    return Object.fromEntries(this.names.map((n, i) => [n, this.peak[i]]));
  }
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Peak RSS of the whole process so far (getrusage), in bytes. */
export const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  platform: string;
  date: string;
}
export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

export const ms = (v: number): string =>
  v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;

/** CPU time (user + system, all threads) since `from`, in ms: steadier than wall time on a shared machine. */
export function cpuMsSince(from?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/** The machine's load averages (1, 5, 15 min), for a figure's context. */
export const loadAverages = (digits = 1): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(digits))
    .join(' ');

/** `run`'s result, and its wall and CPU time (all threads) in ms. */
export async function wallAndCpu<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const w = performance.now();
  const value = await run();
  return { value, wall: performance.now() - w, cpu: cpuMsSince(c) };
}
