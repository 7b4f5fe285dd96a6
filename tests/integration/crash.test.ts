// The writer is killed (SIGKILL) in the middle of writing 10,000 features: afterwards all or none are there,
// on the embedded database (files in a folder) and on PostgreSQL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { auditLog, features } from '$lib/server/db/schema';

const folders: string[] = [];
afterAll(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts the writer and kills it `delayMs` after it says it is writing; resolves with what it printed. */
function writeAndKill(env: Record<string, string>, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/integration/helpers/writeManyFeatures.ts'],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('writing') && !child.killed) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' || out.includes('done') ? resolve(out) : reject(new Error(err)),
    );
  });
}

const targets: { name: string; env: () => Record<string, string>; url?: string }[] = [
  {
    name: 'pglite',
    env: () => {
      const d = mkdtempSync(join(tmpdir(), 'corridor-crash-'));
      folders.push(d);
      return { CRASH_DATA_DIR: d };
    },
  },
];
if (process.env.TEST_DATABASE_URL)
  targets.push({
    name: 'postgres',
    url: process.env.TEST_DATABASE_URL,
    env: () => ({ CRASH_DATABASE_URL: process.env.TEST_DATABASE_URL! }),
  });

describe.each(targets)('crash while writing 10,000 features on $name', ({ env, url }) => {
  it.each([150, 900])(
    'killed %i ms into the write: all or none are stored, and the database opens',
    async (delay) => {
      const e = env();
      if (url) {
        const db = await openDatabase({
          databaseUrl: url,
          dataDir: 'memory://',
          migrationsFolder: 'drizzle',
        });
        await db.db.delete(features).where(like(features.id, 'crash_%'));
        await db.db.delete(auditLog).where(like(auditLog.featureId, 'crash_%'));
        await db.close();
      }
      const out = await writeAndKill(e, delay);
      const db = await openDatabase({
        databaseUrl: url,
        dataDir: e.CRASH_DATA_DIR ?? 'memory://',
        migrationsFolder: 'drizzle',
      });
      try {
        const stored = await db.db
          .select({ id: features.id })
          .from(features)
          .where(like(features.id, 'crash_%'));
        const audited = await db.db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(like(auditLog.featureId, 'crash_%'));
        expect([0, 10_000]).toContain(stored.length);
        expect(audited.length).toBe(stored.length);
        // The kill must land inside the write, or this test proves nothing.
        expect(out).not.toContain('done');
      } finally {
        await db.close();
      }
    },
  );
});
