// The built server refuses to start on invalid geodata, with a message naming file, feature, field and
// reason, and without a stack trace. No browser needed: this spawns `build/index.js` directly.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('invalid geodata stops the server at start with a precise message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bad-geodata-'));
  try {
    cpSync('geodata', dir, { recursive: true });
    const sites = JSON.parse(readFileSync(join(dir, 'sites.geojson'), 'utf8'));
    const id = sites.features[2].properties.id;
    sites.features[2].geometry.coordinates = [230, 13];
    writeFileSync(join(dir, 'sites.geojson'), JSON.stringify(sites));

    const run = spawnSync(process.execPath, ['build/index.js'], {
      env: { ...process.env, GEODATA_DIR: dir, PORT: '4999' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('corridor: cannot start: Invalid data (1 problem):');
    expect(run.stderr).toMatch(
      new RegExp(
        `sites\\.geojson: feature #2 \\(id "${id}"\\), field "geometry\\.coordinates": longitude 230 is outside \\[-180, 180\\]`,
      ),
    );
    expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
