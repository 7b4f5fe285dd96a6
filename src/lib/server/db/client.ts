import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { lockEmbeddedDatabase } from './embeddedLock';
import { migratePostgres } from './migratePostgres';
import * as schema from './schema';

/** The database, whichever engine is behind it: the repositories only use what both accept. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction of a `Database`, for code that runs its queries in a caller's transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface OpenDatabase {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** Waits for the work handed to `track`, then closes the connections. */
  close: () => Promise<void>;
  /**
   * Hands over work that goes on after the request that started it has been answered (the change feed's
   * recording after a write): `close` waits for it, so shutting down never cuts a transaction off or lets
   * one start on a closed database.
   */
  track: (work: Promise<unknown>) => void;
}

/** The set of tracked work of one database, and the close that waits for it. */
function trackedClose(closeConnections: () => Promise<void>): Pick<OpenDatabase, 'close' | 'track'> {
  const pending = new Set<Promise<unknown>>();
  return {
    track: (work) => {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
    },
    close: async () => {
      while (pending.size > 0) await Promise.all(pending);
      await closeConnections();
    },
  };
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, the embedded PGlite is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Folder of the SQL migrations written by drizzle-kit. */
  migrationsFolder: string;
  /**
   * PGlite only: PostgreSQL's shared buffers, in MB (PGlite's default, 128, when unset). They are touched at
   * start, so they are resident whether the data needs them or not: the server and the command line set
   * PGLITE_SHARED_BUFFERS_MB (32 by default; `databaseOptionsOf.ts`).
   */
  pgliteSharedBuffersMb?: number;
}

/**
 * A new embedded database is copied from the empty cluster in `CORRIDOR_PGLITE_TEMPLATE` when there is one
 * (`npm run build` makes it, `bin/corridor.js` names it): PGlite's own initdb runs a second PostgreSQL in
 * the process and peaks near 800 MB; opening a copy costs what opening any database does (docs/performance.md).
 */
function copyTemplateInto(dataDir: string): void {
  const template = process.env.CORRIDOR_PGLITE_TEMPLATE;
  if (!template || existsSync(join(dataDir, 'PG_VERSION'))) return;
  if (!existsSync(join(template, 'PG_VERSION'))) return;
  cpSync(template, dataDir, { recursive: true });
}

/**
 * Opens the database and brings its schema up to date. PGlite in `dataDir` by default; PostgreSQL through
 * node-postgres when `databaseUrl` is set. Migrations are idempotent: running them twice changes nothing.
 */
export async function openDatabase(o: DatabaseOptions): Promise<OpenDatabase> {
  if (o.databaseUrl) {
    const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 10 });
    const db = drizzlePg(pool, { schema });
    // Several instances may start at once on one database: they migrate it in turn (migratePostgres.ts).
    await migratePostgres(pool, o.migrationsFolder).catch(async (e: unknown) => {
      await pool.end();
      throw e;
    });
    return { db: db as unknown as Database, engine: 'postgres', ...trackedClose(() => pool.end()) };
  }
  let unlock = () => {};
  if (!o.dataDir.startsWith('memory://')) {
    mkdirSync(o.dataDir, { recursive: true });
    unlock = lockEmbeddedDatabase(o.dataDir);
    copyTemplateInto(o.dataDir);
  }
  try {
    const client = new PGlite(
      o.dataDir,
      o.pgliteSharedBuffersMb ? { postgresqlconf: [`shared_buffers = ${o.pgliteSharedBuffersMb}MB`] } : {},
    );
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: o.migrationsFolder });
    const close = async () => {
      await client.close();
      unlock();
    };
    return { db: db as unknown as Database, engine: 'pglite', ...trackedClose(close) };
  } catch (e) {
    unlock();
    throw e;
  }
}
