// Child process of bench/import.ts: creates (initdb, migrations) the embedded database in the folder given,
// then exits. The first open of a new PGlite database holds ~700 MB of RSS for the rest of the process, a
// one-off that `corridor import` never pays (it opens the database the server created); doing it here keeps
// it out of the import's figures.
import { openDatabase } from '../src/lib/server/db/client';

const db = await openDatabase({ dataDir: process.argv[2], migrationsFolder: 'drizzle' });
await db.close();
