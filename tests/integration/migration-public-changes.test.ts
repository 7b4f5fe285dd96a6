// Migration 0005 on a database that already has a change feed: the existing changes get their numbers for
// each kind of reader (public 1, 2, 3…; public and restricted 1, 2, 3…) in the order they were recorded, and
// running the migration's statements again changes nothing. Runs on the embedded PGlite and, when
// TEST_DATABASE_URL is set, on PostgreSQL (in a database of its own).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import { statusChanges } from '$lib/server/db/schema';
import { readChanges } from '$lib/server/feed';
import { freshDatabase } from './helpers/freshDatabase';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const scratch = mkdtempSync(join(tmpdir(), 'corridor-migration-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The migrations folder as it was before 0005 (the released ones up to the feed's). */
function migrationsBefore0005(): string {
  const dir = join(scratch, `migrations-${Math.random().toString(36).slice(2)}`);
  cpSync('drizzle', dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 2);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const SENSITIVITIES = [
  'public',
  'restricted',
  'public',
  'confidential',
  'restricted',
  'public',
  'confidential',
];

describe.each(engines)('migration 0005 (change numbers per reader) on $name', ({ url }) => {
  it('numbers the changes already recorded, and is idempotent', async () => {
    let databaseUrl: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    if (url) ({ url: databaseUrl, drop } = await freshDatabase(url, 'corridor_migration'));
    const dataDir = join(scratch, `data-${Math.random().toString(36).slice(2)}`);
    let db: OpenDatabase | undefined;
    try {
      db = await openDatabase({ databaseUrl, dataDir, migrationsFolder: migrationsBefore0005() });
      for (const [i, sensitivity] of SENSITIVITIES.entries())
        await db.db.execute(
          sql`insert into status_changes (as_of, subject_kind, subject_id, subject_name, field, before, after, sensitivity, cause)
              values ('2025-12-31', 'corridor', ${`cor_${i}`}, ${`Corridor ${i}`}, 'status', 'open', 'blocked', ${sensitivity}, 'edit')`,
        );
      await db.close();
      db = await openDatabase({ databaseUrl, dataDir, migrationsFolder: 'drizzle' });

      const numbered = async () =>
        (await db!.db.select().from(statusChanges).orderBy(asc(statusChanges.id))).map((r) => [
          r.sensitivity,
          r.publicId,
          r.restrictedId,
        ]);
      const expected = [
        ['public', 1, 1],
        ['restricted', null, 2],
        ['public', 2, 3],
        ['confidential', null, null],
        ['restricted', null, 4],
        ['public', 3, 5],
        ['confidential', null, null],
      ];
      expect(await numbered()).toEqual(expected);

      // The public feed shows and pages by those numbers.
      const page = await readChanges(db.db, { sensitivities: ['public'], limit: 2 });
      expect(page.changes.map((c) => [c.subjectId, c.number])).toEqual([
        ['cor_5', 3],
        ['cor_2', 2],
      ]);
      expect(page.next).toBe(2);

      // Again: the statements change nothing.
      const file = readFileSync(join('drizzle', '0005_public_changes.sql'), 'utf8');
      for (const statement of file.split('--> statement-breakpoint'))
        if (statement.replace(/--.*$/gm, '').trim()) await db.db.execute(sql.raw(statement));
      expect(await numbered()).toEqual(expected);
    } finally {
      await db?.close();
      await drop?.();
    }
  });
});
