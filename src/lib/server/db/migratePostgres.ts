import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';

/**
 * The key of the transaction-scoped advisory lock the migration holds: several app instances started at
 * once on one database take turns, and the ones after the first find nothing left to do.
 */
const MIGRATION_LOCK = 7_214_001_401;

/**
 * Brings a PostgreSQL database's schema up to date, as drizzle's migrator does (the same bookkeeping table,
 * `drizzle.__drizzle_migrations`, so a database migrated either way is the same), but in ONE transaction that
 * first takes an advisory lock. Drizzle's own migrator reads which migrations ran before it opens its
 * transaction and takes no lock: two instances starting together both see an empty database, and the second
 * fails on "relation already exists". The lock is transaction-scoped (`pg_advisory_xact_lock`), so it holds
 * through a connection pooler in transaction mode, where a session lock could be taken on one server
 * connection and released on another.
 */
export async function migratePostgres(pool: pg.Pool, migrationsFolder: string): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await client.query('create schema if not exists drizzle');
    await client.query(
      'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
    );
    const { rows } = await client.query<{ created_at: string }>(
      'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    const last = rows[0] ? Number(rows[0].created_at) : undefined;
    for (const migration of migrations) {
      if (last !== undefined && last >= migration.folderMillis) continue;
      for (const statement of migration.sql) await client.query(statement);
      await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
        migration.hash,
        migration.folderMillis,
      ]);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
