// The command line's own costs, each against its baseline in the same run: the start of `corridor --help`
// (compiled, against TypeScript loaded at run time) and the peak memory of an import into a new embedded
// database (copied from the empty cluster `npm run build` keeps, against PGlite's initdb in the process).
// Every figure is of a separate process. See docs/performance.md, "Import".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const preload = fileURLToPath(new URL('./reportMaxRss.cjs', import.meta.url));

interface Run {
  ms: number;
  maxRssMB: number;
  code: number | null;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const elapsed = performance.now() - t;
  const kb = Number(/corridor-bench-maxrss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms: elapsed, maxRssMB: kb / 1024, code: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function repeat(n: number, f: () => Run): Run {
  const runs = Array.from({ length: n }, f);
  if (runs.some((r) => r.code !== 0)) throw new Error(`a run failed (exit codes ${runs.map((r) => r.code)})`);
  return { ms: median(runs.map((r) => r.ms)), maxRssMB: median(runs.map((r) => r.maxRssMB)), code: 0 };
}

export function cliCosts(): void {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-cli-'));
  try {
    // Compiled once first (bin/corridor.js compiles when the sources are newer than the build).
    run(['bin/corridor.js', '--help']);
    const compiled = repeat(5, () => run(['bin/corridor.js', '--help']));
    const typescript = repeat(5, () =>
      run(['--import', 'tsx', 'bench/cliTypeScript.ts', '--help'], {
        TSX_TSCONFIG_PATH: join(root, 'bin', 'tsconfig.cli.json'),
      }),
    );

    const csv = join(dir, 'events.csv');
    const rows = Array.from(
      { length: 1000 },
      (_, i) =>
        `e${i},2024-0${1 + (i % 9)}-15,Battles,Armed clash,${(12 + (i % 50) / 10).toFixed(2)},${(24 + (i % 70) / 10).toFixed(2)}`,
    );
    writeFileSync(
      csv,
      ['event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude', ...rows].join('\n'),
    );
    let n = 0;
    const importInto = (template: boolean) =>
      run(['bin/corridor.js', 'import', csv, '--layer', 'incidents'], {
        DATA_DIR: join(dir, `data${n++}`),
        DATABASE_URL: '',
        // An empty value stops bin/corridor.js from naming the empty cluster: PGlite runs initdb.
        ...(template ? {} : { CORRIDOR_PGLITE_TEMPLATE: '' }),
      });
    const copied = repeat(3, () => importInto(true));
    const initdb = repeat(3, () => importInto(false));

    console.log('');
    console.log(
      `load average (1, 5, 15 min) after these runs: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
    console.log(
      '| command line (separate processes, medians) | figure | baseline in this run | ratio | target |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(
      `| \`corridor --help\`, compiled (vs TypeScript at run time) | ${ms(compiled.ms)}, ${compiled.maxRssMB.toFixed(0)} MB | ${ms(typescript.ms)}, ${typescript.maxRssMB.toFixed(0)} MB | ${(typescript.ms / compiled.ms).toFixed(1)}× faster | ≤ 1 s |`,
    );
    console.log(
      `| import of 1,000 events into a new embedded database, peak RSS (copied empty cluster vs initdb) | ${copied.maxRssMB.toFixed(0)} MB, ${ms(copied.ms)} | ${initdb.maxRssMB.toFixed(0)} MB, ${ms(initdb.ms)} | ${(initdb.maxRssMB / copied.maxRssMB).toFixed(1)}× less | ≤ 400 MB |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
