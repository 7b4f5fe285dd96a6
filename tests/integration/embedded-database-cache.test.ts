// The server's embedded database opens with the page cache PGLITE_SHARED_BUFFERS_MB names (32 MiB by default,
// PGlite's own default being 128): PostgreSQL's shared memory is in PGlite's WebAssembly memory from the start,
// so this cache is resident whatever the data (docs/performance.md, "Server start and memory").
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readEnv } from '$lib/server/env';
import { startServices } from '$lib/server/services';

async function sharedBuffersOfServer(env: Record<string, string>): Promise<string> {
  const services = await startServices(readEnv({ DATA_DIR: 'memory://', ...env }));
  try {
    const r = await services.database.db.execute(sql`select current_setting('shared_buffers') as v`);
    return (r as unknown as { rows: { v: string }[] }).rows[0].v;
  } finally {
    await services.database.close();
  }
}

describe("the embedded database's page cache", () => {
  it('is 32 MiB unless set', async () => {
    expect(await sharedBuffersOfServer({})).toBe('32MB');
  });

  it('is the size PGLITE_SHARED_BUFFERS_MB names', async () => {
    expect(await sharedBuffersOfServer({ PGLITE_SHARED_BUFFERS_MB: '16' })).toBe('16MB');
  });
});
