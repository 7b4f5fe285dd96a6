// The command line opens the embedded database as the server does (src/lib/server/db/databaseOptionsOf.ts): with
// the page cache PGLITE_SHARED_BUFFERS_MB names, 32 MiB unless set, where `corridor user` took PGlite's 128 and
// `corridor import` a size of its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { importCommand } from '$lib/server/cli/commands/import';
import { userCommand } from '$lib/server/cli/commands/user';

// The page cache of each database a command opened, read from the database itself before the command uses it.
const opened = vi.hoisted(() => [] as string[]);
vi.mock('$lib/server/db/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('$lib/server/db/client')>();
  return {
    ...real,
    openDatabase: async (o: Parameters<typeof real.openDatabase>[0]) => {
      const database = await real.openDatabase(o);
      const r = await database.db.execute(sql`select current_setting('shared_buffers') as v`);
      opened.push((r as unknown as { rows: { v: string }[] }).rows[0].v);
      return database;
    },
  };
});

const io = {
  out: '',
  err: '',
  stdout: (t: string) => void (io.out += t),
  stderr: (t: string) => void (io.err += t),
};

beforeEach(() => {
  opened.length = 0;
  io.out = io.err = '';
  vi.stubEnv('DATA_DIR', 'memory://');
  vi.stubEnv('DATABASE_URL', '');
});
afterEach(() => vi.unstubAllEnvs());

describe("the command line's embedded database", () => {
  it('`corridor user` opens it with a 32 MiB page cache unless set, and the size PGLITE_SHARED_BUFFERS_MB names', async () => {
    expect(await userCommand.run(['list'], io)).toBe(0);
    vi.stubEnv('PGLITE_SHARED_BUFFERS_MB', '16');
    expect(await userCommand.run(['list'], io)).toBe(0);
    expect(opened).toEqual(['32MB', '16MB']);
  });

  it('`corridor import` opens it with the size PGLITE_SHARED_BUFFERS_MB names', async () => {
    vi.stubEnv('PGLITE_SHARED_BUFFERS_MB', '16');
    const file = '../shared/realdata/sdn_acled_events_2023-04_week.csv';
    expect(await importCommand.run([file, '--layer', 'incidents'], io), io.err).toBe(0);
    expect(io.out).toContain('written in one transaction: 47 created');
    expect(opened).toEqual(['16MB']);
  });
});
