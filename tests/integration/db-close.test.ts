// Closing the database waits for the work that outlives a request (the change feed's recording after a
// write), so a shutdown never cuts a transaction off nor lets one start on a closed database.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '$lib/server/db/client';

describe('closing the database', () => {
  it('waits for tracked work, even work that starts its queries after close was asked', async () => {
    const h = await openDatabase({ dataDir: 'memory://', migrationsFolder: 'drizzle' });
    const seen: number[] = [];
    h.track(
      (async () => {
        await new Promise((r) => setTimeout(r, 300));
        const rows = await h.db.execute(sql`select 41 + 1 as n`);
        seen.push(Number((rows as unknown as { rows: { n: number }[] }).rows[0].n));
      })(),
    );
    await h.close();
    expect(seen).toEqual([42]);
  });
});
