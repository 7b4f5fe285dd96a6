import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataValidationError } from '$lib/domain/schemas';
import { parseImport } from '$lib/import';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import { features, scenarios } from '$lib/server/db/schema';
import { commitImport } from '$lib/server/import/commitImport';

// What a browser sends is checked again on the server: the parse in the page may have run without the
// scenario's actors (or been bypassed), and the commit still refuses an actor the scenario does not define.
const polygon = (id: string, actorId: string) => ({
  type: 'Feature' as const,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [25.2, 13.5],
        [25.5, 13.5],
        [25.5, 13.8],
        [25.2, 13.5],
      ],
    ],
  },
  properties: { id, name: id, source: 'test', actorId, confidence: 'assessed', validFrom: '2025-10-26' },
});

describe('committing areas naming actors', () => {
  let handle: OpenDatabase;
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: 'memory://', migrationsFolder: 'drizzle' });
    await handle.db.insert(scenarios).values({
      id: 's',
      document: {
        id: 's',
        name: 'Test',
        defaultAsOf: '2025-11-04',
        timeRange: { from: '2023-04-15', to: '2025-12-31' },
        extent: [14.5, 8.4, 38.8, 22.4],
        country: 'SDN',
        actors: [
          { id: 'saf', name: 'SAF', color: '#2f6db3', opposes: ['rsf'], deniesAccess: false, source: 't' },
          { id: 'rsf', name: 'RSF', color: '#d9822b', opposes: ['saf'], deniesAccess: false, source: 't' },
        ],
      },
    });
  });
  afterAll(async () => handle?.close());

  it('refuses the whole import when one area names "RSF", and writes nothing', async () => {
    const error = await commitImport(
      handle.db,
      [polygon('a_ok', 'rsf'), polygon('a_bad', 'RSF')],
      'areas',
      'officer@example.org',
      { file: 'control.geojson' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues).toEqual([
      {
        file: 'control.geojson',
        index: 1,
        id: 'a_bad',
        field: 'properties.actorId',
        reason: 'names actor "RSF", which the scenario does not define (it defines: rsf, saf)',
      },
    ]);
    const [row] = await handle.db.select({ n: sql<number>`count(*)` }).from(features);
    expect(Number(row.n)).toBe(0);
  });

  it('writes areas naming defined actors', async () => {
    const p = parseImport(JSON.stringify({ type: 'FeatureCollection', features: [polygon('a_ok', 'rsf')] }), {
      fileName: 'control.geojson',
      layer: 'areas',
      actors: ['saf', 'rsf'],
    });
    const r = await commitImport(handle.db, p, 'areas', 'officer@example.org', { feed: false });
    expect(r.created).toBe(1);
  });
});
