import pg from 'pg';

/** A database of a bench's own on a PostgreSQL server, and how to drop it at the end. */
export interface ScratchDatabase {
  /** Its connection string. */
  url: string;
  /** Drops it (its connections closed by force) and closes the connection that made it. */
  drop: () => Promise<void>;
}

/** Creates `<prefix>_<pid>` on the server at `serverUrl`, so that runs side by side do not meet. */
export async function scratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
