// Child process of the database lock test: opens the embedded database in HOLD_DATA_DIR, says "open", and
// keeps it open until killed.
import { openDatabase } from '../../../src/lib/server/db/client';

await openDatabase({ dataDir: process.env.HOLD_DATA_DIR!, migrationsFolder: 'drizzle' });
process.stdout.write('open\n');
setInterval(() => {}, 60_000);
