// A PostgreSQL database of a suite's own on the server of TEST_DATABASE_URL, so suites that truncate shared
// tables cannot disturb it; dropped when the suite ends.
import pg from 'pg';

export async function freshDatabase(
  url: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // A pool's `end()` resolves before every socket of it has closed: wait for the suite's own connections
      // to go, or `with (force)` terminates one still closing, and its client throws that error in the test
      // process ("terminating connection due to administrator command") after the suite has passed.
      const others = async () =>
        Number(
          (
            await c.query(
              'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
              [name],
            )
          ).rows[0].n,
        );
      for (let i = 0; i < 100 && (await others()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
