// Clients nobody here wrote, to read what the exporters write: GDAL's ogrinfo (gdal-bin) and libxml2's
// xmllint (libxml2-utils). scripts/test-all.sh installs both when they are missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, GDAL_HTTP_TIMEOUT: '20' } });
  if (r.error)
    throw new Error(
      `${cmd} could not run (${r.error.message}): install gdal-bin and libxml2-utils (scripts/test-all.sh does)`,
    );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `text` to a temporary file named `name`, runs `use` on its path, then removes it. */
export function withFile<T>(name: string, text: string, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-export-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, text);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `ogrinfo -ro <args> <source> <layers>`: what GDAL reads from a file or data source, as text. */
export const ogrinfo = (source: string, args: string[] = [], layers: string[] = []) =>
  run('ogrinfo', ['-ro', ...args, source, ...layers]);

/** `xmllint --noout`: exit code 0 when the document is well-formed XML. */
export const xmllintWellFormed = (path: string) => run('xmllint', ['--noout', '--nonet', path]);
