// Child process of the crash test: opens the database named by its environment, says "writing", then
// inserts 10,000 sites in one call. The parent kills it with SIGKILL somewhere in the middle.
import { openDatabase } from '../../../src/lib/server/db/client';
import { insertFeatures } from '../../../src/lib/server/db/featureRepository';

const n = Number(process.env.CRASH_COUNT ?? 10_000);
const db = await openDatabase({
  databaseUrl: process.env.CRASH_DATABASE_URL || undefined,
  dataDir: process.env.CRASH_DATA_DIR ?? 'memory://',
  migrationsFolder: 'drizzle',
});
const features = Array.from({ length: n }, (_, i) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [22 + (i % 100) * 0.1, 10 + Math.floor(i / 100) * 0.1] },
  properties: { id: `crash_${i}`, name: `Site ${i}`, source: 'crash test', kind: 'town', country: 'SDN' },
}));
process.stdout.write('writing\n');
await insertFeatures(db.db, 'sites', features, 'crash-test');
process.stdout.write('done\n');
await db.close();
