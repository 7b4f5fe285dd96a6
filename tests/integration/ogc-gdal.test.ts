// The OGC API and the exports through clients nobody here wrote: GDAL's OAPIF driver (what QGIS uses too)
// against the built app on a real port, and raw HTTP for caching and compression.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerNames } from '$lib/domain/schemas';
import { createFeature } from '$lib/server/db/featureRepository';
import { startBuiltServer, type BuiltServer } from '../helpers/builtServer';
import { ogrinfo } from '../helpers/xmlTools';

let server: BuiltServer;
beforeAll(async () => {
  server = await startBuiltServer(async (db) => {
    // A restricted camp next to Zamzam and a restricted incident: neither may reach the public API.
    await createFeature(
      db,
      'sites',
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [25.32, 13.49] },
        properties: {
          id: 'gdal_secret_camp',
          name: 'Staff safe house',
          source: 'staff',
          sensitivity: 'restricted',
          kind: 'idp_camp',
          country: 'SDN',
        },
      },
      'test',
    );
    await createFeature(
      db,
      'incidents',
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [22.3, 13.45] },
        properties: {
          id: 'gdal_secret_incident',
          name: 'Unverified report',
          source: 'staff',
          sensitivity: 'confidential',
          date: '2024-08-10',
          category: 'hostilities',
          severity: 3,
          verification: 'unverified',
        },
      },
      'test',
    );
  });
}, 600_000);
afterAll(() => server?.stop());

const oapif = () => `OAPIF:${server.base}/ogc`;

/** A raw HTTP GET (no automatic decompression): status, headers and the bytes as sent. */
function raw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(`${server.base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GDAL (ogrinfo) reads the OGC API of the built server', () => {
  it('lists every public collection', () => {
    const r = ogrinfo(oapif(), ['-so']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("using driver `OAPIF' successful");
    for (const layer of layerNames) expect(r.stdout).toMatch(new RegExp(`^\\d+: ${layer}( \\(|$)`, 'm'));
  });

  it('reads the Zamzam site with its attributes, paging through next links', () => {
    // PAGE_SIZE=5: GDAL asks for 5 features at a time and follows the next links to the end.
    const r = ogrinfo(oapif(), ['-oo', 'PAGE_SIZE=5', '-al'], ['sites']);
    expect(r.status).toBe(0);
    const features = r.stdout.split('OGRFeature(sites)').slice(1);
    const zamzam = features.find((f) => f.includes('id (String) = sd_zamzam'));
    expect(zamzam).toBeDefined();
    expect(zamzam).toContain('name (String) = Zamzam IDP camp');
    expect(zamzam).toContain('nameAr (String) = معسكر زمزم للنازحين');
    expect(zamzam).toContain('kind (String) = idp_camp');
    expect(zamzam).toContain('country (String) = SDN');
    expect(zamzam).toMatch(/POINT \(25\.31\d* 13\.48\d*\)/);
    const ids = features.map((f) => f.match(/id \(String\) = (\S+)/)?.[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(10);
    expect(r.stdout).not.toContain('gdal_secret_camp');
  });

  it('sends a spatial filter as bbox and gets only what lies inside', () => {
    const r = ogrinfo(oapif(), ['-spat', '25.2', '13.3', '25.4', '13.6', '-al'], ['sites']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('id (String) = sd_zamzam');
    expect(r.stdout).not.toContain('id (String) = sd_nyala');
    expect(r.stdout).not.toContain('gdal_secret_camp');
  });

  it('finds no restricted or confidential record in any collection', () => {
    const r = ogrinfo(oapif(), ['-al', '-oo', 'PAGE_SIZE=1000']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OGRFeature(incidents)');
    expect(r.stdout).not.toMatch(
      /gdal_secret|Staff safe house|sensitivity \(String\) = (restricted|confidential)/,
    );
  });
});

describe('HTTP caching and compression of the built server', () => {
  const path = '/ogc/collections/sites/items?limit=100';

  it('gzips for a client that accepts gzip; it decodes to the same body; a 304 has no body', async () => {
    const plain = await raw(path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await raw(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gz.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(gunzipSync(gz.body).toString()).toBe(plain.body.toString());
    const etag = String(gz.headers.etag);
    const again = await raw(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(etag);
  });

  it('serves an anonymous export with a file name, and the public situation with an ETag', async () => {
    const gpx = await raw('/export/corridors.gpx?asOf=2024-08-15', { 'accept-encoding': 'br' });
    expect(gpx.status).toBe(200);
    expect(gpx.headers['content-type']).toBe('application/gpx+xml; charset=utf-8');
    expect(gpx.headers['content-disposition']).toBe(
      'attachment; filename="sudan-darfur-2023-2025-corridors-2024-08-15.gpx"',
    );
    expect(gpx.headers['content-encoding']).toBe('br');
    const trpc = await raw('/api/trpc/situation.get');
    expect(trpc.status).toBe(200);
    expect(trpc.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect(trpc.body.toString()).not.toContain('gdal_secret');
    const revalidated = await raw('/api/trpc/situation.get', { 'if-none-match': String(trpc.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.byteLength).toBe(0);
  });
});
