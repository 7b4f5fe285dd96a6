import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Another process has the embedded database open: the message says which and what to do. */
export class DatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `the embedded database in ${dataDir} is open in another process (pid ${pid}), such as the running ` +
        'server: only one process may open it at a time. Stop that process first (for accounts, use the ' +
        '/admin page of the running server instead), or use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'DatabaseInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks the embedded database in `dataDir` as open by this process, or throws DatabaseInUseError when a
 * living process holds it. PGlite itself takes no lock: two processes would each write the files with their
 * own idea of them and could damage the database. A mark left by a process that died is taken over.
 * Returns the release, which removes the mark (only if it is this process's).
 */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  const path = join(dataDir, 'corridor.lock');
  const mine = String(process.pid);
  for (;;) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(path, 'utf8').trim());
      // The same process opening it again (tests reopen a folder they closed): not a second writer.
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && alive(holder))
        throw new DatabaseInUseError(dataDir, holder);
      rmSync(path, { force: true });
    }
  }
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === mine) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}
