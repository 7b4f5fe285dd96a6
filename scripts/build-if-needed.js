// Builds the app when `build/` is missing or older than the sources, so `npm start` and the e2e suite
// always serve what is in the tree without rebuilding every time.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPgliteTemplate } from './build-cli.js';
import { buildEnvironment } from './build-environment.js';

const root = new URL('..', import.meta.url).pathname;
const watched = [
  'src',
  'static',
  'geodata',
  'messages',
  'project.inlang/settings.json',
  'package.json',
  'svelte.config.js',
  'vite.config.ts',
];

// Paraglide's generated code (src/lib/paraglide) is rewritten by every compile, also by `npm run check`:
// its sources are messages/ and project.inlang, watched above.
const generated = join(root, 'src', 'lib', 'paraglide');

function newest(path) {
  if (path === generated) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

export async function buildIfNeeded() {
  // The empty embedded database new ones are copied from (once per PGlite version; see build-cli.js).
  await buildPgliteTemplate();
  const marker = join(root, 'build', 'index.js');
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const sources = Math.max(
    ...watched
      .map((w) => join(root, w))
      .filter(existsSync)
      .map(newest),
  );
  if (built >= sources) return false;
  console.log('corridor: building the app (sources changed since the last build)…');
  execSync('npx vite build', { cwd: root, stdio: 'inherit', env: buildEnvironment() });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildIfNeeded();
