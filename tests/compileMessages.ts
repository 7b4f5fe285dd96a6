// Vitest's global set-up: compile messages/*.json into src/lib/paraglide once before the tests. The Vite
// plugin does this for dev and build; in Vitest its compiler (and its file watcher) would keep the process
// from exiting, so the compile runs in a child process of its own.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/i18n-compile.js'], { stdio: 'inherit' });
}
