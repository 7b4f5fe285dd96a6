// Clients nobody here wrote, to read what the exporters write: GDAL's ogrinfo (gdal-bin) and libxml2's
// xmllint (libxml2-utils), and the published XML schemas of GPX 1.1 and KML 2.2. scripts/test-all.sh
// installs the tools when they are missing and gets the schemas (scripts/fetch-schemas.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    // GDAL reads the OGC API of a server on 127.0.0.1: never through a proxy, and not forever.
    env: {
      ...process.env,
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost',
      GDAL_HTTP_TIMEOUT: '30',
    },
  });
  if (r.error)
    throw new Error(
      `${cmd} could not run (${r.error.message}): install gdal-bin and libxml2-utils (scripts/test-all.sh does)`,
    );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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

const SCHEMAS = join(import.meta.dirname, '..', '..', '.cache', 'schemas');
/** The published schemas, from Debian's packages (scripts/fetch-schemas.sh). */
export const schemas = { gpx11: 'Topografix_gpx11.xsd', kml22: 'ogckml22.xsd' } as const;

/**
 * Validates `text` against one of the published schemas with `xmllint --schema`: the problems xmllint
 * reports, empty when the document is valid.
 */
export function schemaProblems(text: string, schema: keyof typeof schemas): string[] {
  const xsd = join(SCHEMAS, schemas[schema]);
  if (!existsSync(xsd))
    throw new Error(`${xsd} is missing: run scripts/fetch-schemas.sh (npm run test:all does)`);
  return withFile('doc.xml', text, (path) => {
    const r = run('xmllint', ['--noout', '--nonet', '--schema', xsd, path]);
    if (r.status === 0) return [];
    return r.stderr
      .split('\n')
      .filter((l) => l.includes('validity error') || l.includes('parser error'))
      .map((l) => l.replace(/^.*?doc\.xml:/, 'line '));
  });
}
