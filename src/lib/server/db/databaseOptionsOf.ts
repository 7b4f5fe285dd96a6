import { resolve } from 'node:path';
import type { Env } from '../env';
import type { DatabaseOptions } from './client';

/**
 * How the server and the command line open the database from their settings: DATABASE_URL, else the embedded
 * database in DATA_DIR (resolved against the working folder; `memory://` kept as it is) with the page cache of
 * PGLITE_SHARED_BUFFERS_MB. One place, so that a command opens the same database the server does, as small.
 */
export function databaseOptionsOf(env: Env): DatabaseOptions {
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR.startsWith('memory://') ? env.DATA_DIR : resolve(env.DATA_DIR),
    migrationsFolder: resolve(env.MIGRATIONS_DIR),
    pgliteSharedBuffersMb: Number(env.PGLITE_SHARED_BUFFERS_MB),
  };
}
