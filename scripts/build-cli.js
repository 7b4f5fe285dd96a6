// Compiles the command line (src/lib/server/cli/main.ts and what it imports) into one JavaScript file,
// build-cli/main.js and a chunk per command, so `corridor` starts without loading a TypeScript compiler (about 6 s and 177 MB when it
// did, for `--help` alone). npm packages stay outside the bundle and load from node_modules as usual.
// `npm run build` runs it; bin/corridor.js runs it too when the sources are newer than the file.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'build-cli');
export const cliOutput = join(outdir, 'main.js');
/** What the bundle is made from: a change in any of them makes it stale. */
const sources = [join(root, 'src', 'lib'), join(root, 'package.json')];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

/** True when build-cli/main.js is missing or older than a source. */
export function cliIsStale() {
  if (!existsSync(cliOutput)) return true;
  const built = statSync(cliOutput).mtimeMs;
  return sources.filter(existsSync).some((s) => newest(s) > built);
}

/**
 * npm packages load from node_modules at run time, but JSON files of packages (country names, say) are
 * bundled: Node 20 refuses to import JSON without an import attribute.
 */
const packagesExceptJson = {
  name: 'packages-except-json',
  setup(b) {
    b.onResolve({ filter: /^[^./$]/ }, (args) =>
      args.path.endsWith('.json') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Builds into a folder of its own, then puts it in place, so a command started meanwhile (the tests start
 * several at once) never loads a half-written file.
 */
export async function buildCli() {
  const staging = `${outdir}.${process.pid}`;
  await build({
    entryPoints: [join(root, 'src', 'lib', 'server', 'cli', 'main.ts')],
    outdir: staging,
    // Each command in its own chunk, loaded when it runs: `corridor --help` loads none of them.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [packagesExceptJson],
    alias: { $lib: join(root, 'src', 'lib') },
    logLevel: 'warning',
    legalComments: 'none',
  });
  rmSync(outdir, { recursive: true, force: true });
  try {
    renameSync(staging, outdir);
  } catch {
    // Another process put its build in place first: the same sources, the same files.
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The empty embedded database of the installed PGlite, which new embedded databases are made from. */
export function pgliteTemplatePath() {
  const { version } = JSON.parse(
    readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  );
  return join(root, '.cache', `pglite-empty-${version}`);
}

/**
 * Runs PGlite's initdb once (in this build process, near 800 MB) into a folder kept as the empty cluster:
 * commands opening a new embedded database copy it instead of running initdb themselves.
 */
export async function buildPgliteTemplate() {
  const path = pgliteTemplatePath();
  if (existsSync(join(path, 'PG_VERSION'))) return;
  const staging = `${path}.${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(staging);
  await db.waitReady;
  await db.close();
  rmSync(path, { recursive: true, force: true });
  renameSync(staging, path);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  await buildPgliteTemplate();
}
