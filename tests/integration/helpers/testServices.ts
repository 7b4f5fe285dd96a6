// The set-up most API suites share: the server's services (seeded default scenario, change feed baseline) on
// a database of the suite's own, on each engine the run has.
import { readEnv } from '$lib/server/env';
import { startServices, type Services } from '$lib/server/services';
import { freshDatabase } from './freshDatabase';

/** The embedded PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (scripts/with-postgres.sh). */
export const engines: { name: string; url?: string }[] = [
  { name: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres', url: process.env.TEST_DATABASE_URL }] : []),
];

export interface TestServices {
  services: Services;
  /** Closes the database and, on PostgreSQL, drops the suite's database. */
  stop: () => Promise<void>;
}

/**
 * Starts the services as the server does, on an in-memory PGlite or, given the PostgreSQL server's `url`, on
 * a new database there named after `prefix` (suites that truncate shared tables cannot disturb it).
 */
export async function startTestServices(url: string | undefined, prefix: string): Promise<TestServices> {
  const fresh = url ? await freshDatabase(url, prefix) : undefined;
  const services = await startServices(readEnv({ DATA_DIR: 'memory://', DATABASE_URL: fresh?.url }));
  return {
    services,
    stop: async () => {
      await services.database.close();
      await fresh?.drop();
    },
  };
}
