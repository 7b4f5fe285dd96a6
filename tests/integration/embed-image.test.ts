// The embed's still image (/embed/image.svg and /embed/image.png, docs/embed.md) on a real embedded database:
// a public surface for other sites' pages and for print, so it draws public records only, WHOEVER asks.
import type { Situation } from '$lib/domain/schemas';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { embedImageDocument } from '$lib/server/embed/image/embedImage';
import { parseEmbedOptions } from '$lib/map/embedOptions';
import { readEnv } from '$lib/server/env';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { startServices, type Services } from '$lib/server/services';
import type { SituationStore } from '$lib/server/situation/situationStore';

const SECRET = 'secret_image_camp';
const SECRET_AR = 'مخيم_سري';
let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  // A restricted camp of three million people beside El Fasher: were it drawn, it would be the largest
  // circle of the image and its first label.
  await createFeature(
    services.database.db,
    'sites',
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [25.35, 13.63] },
      properties: {
        id: SECRET,
        name: SECRET,
        nameAr: SECRET_AR,
        source: 'staff',
        sensitivity: 'restricted',
        kind: 'idp_camp',
        country: 'SDN',
        figures: [{ date: '2024-06-01', population: 3_000_000, source: 'staff' }],
      },
    },
    'test',
  );
  await new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 50));
});
afterAll(() => services.database.close());

const admin = { id: 2, email: 'a@example.org', role: 'admin' as const };

async function get(
  format: 'svg' | 'png',
  query: string,
  o: { viewer?: unknown; headers?: HeadersInit } = {},
) {
  const mod = (await import(/* @vite-ignore */ `../../src/routes/embed/image.${format}/+server`)) as {
    GET: (e: unknown) => Promise<Response>;
  };
  const url = new URL(`/embed/image.${format}?${query}`, 'http://localhost');
  return mod.GET({
    request: new Request(url, { headers: o.headers }),
    url,
    params: {},
    locals: { viewer: o.viewer ?? null },
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature (PNG spec §5.2, §11.2.2). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('/embed/image.svg', () => {
  it('would draw the restricted camp from the staff analysis: the probe is one a leak would show', async () => {
    const staffStore = {
      analyzerFor: () => services.store.analyzerFor(admin),
      publicVersionOf: (situation: Situation) => services.store.publicVersionOf(situation),
    } as unknown as SituationStore;
    const svg = await embedImageDocument(
      staffStore,
      parseEmbedOptions(new URLSearchParams('date=2024-08-20')),
      { width: 800, height: 600 },
      'en',
    );
    expect(svg).toContain(`data-id="${SECRET}"`);
  });

  it('draws the public situation only, the same for an administrator as for an anonymous reader', async () => {
    const query = 'date=2024-08-20&sel=sd_zamzam';
    const anonymous = await get('svg', query);
    const signedIn = await get('svg', query, { viewer: admin });
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(anonymous.headers.get('cache-control')).toMatch(/^public/);
    const body = await anonymous.text();
    expect(await signedIn.text()).toBe(body);
    expect(body).not.toContain(SECRET);
    // What a reader sees: the title, the date, El Fasher's label, the selected camp's halo.
    expect(body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="800" height="600"/);
    expect(body).toContain('Situation on 20 August 2024');
    expect(body).toContain('El Fasher');
    expect(body).toContain('class="selection"');
  });

  it('never draws the halo of a restricted record named by sel=', async () => {
    const body = await (await get('svg', `date=2024-08-20&sel=${SECRET}&lang=ar`, { viewer: admin })).text();
    expect(body).not.toContain('class="selection"');
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain(SECRET_AR);
  });

  it('labels sites in Arabic with lang=ar', async () => {
    const ar = await (await get('svg', 'date=2024-08-20&lang=ar')).text();
    const en = await (await get('svg', 'date=2024-08-20&lang=en')).text();
    expect(ar).toContain('>الفاشر<');
    expect(en).not.toContain('>الفاشر<');
    expect(en).toContain('>El Fasher (Al Fashir)<');
  });

  it('answers 304 without a body to the ETag it gave, and a new body to another', async () => {
    const first = await get('svg', 'date=2024-08-20&plain=1');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('svg', 'date=2024-08-20&plain=1', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get('svg', 'date=2024-08-21&plain=1', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('falls back on malformed parameters rather than refusing them, as /embed does', async () => {
    const plain = await (await get('svg', 'date=2024-08-20')).text();
    const mangled = await get(
      'svg',
      'date=2024-08-20&map=99/x/y&bbox=27,11,22,16&width=abc&height=-3&sel=<b>',
    );
    expect(mangled.status).toBe(200);
    expect(await mangled.text()).toBe(plain);
  });
});

describe('/embed/image.png', () => {
  it('is a PNG of the asked size, the same for an administrator as for an anonymous reader', async () => {
    const query = 'date=2024-08-20&width=640&height=480&lang=ar';
    const anonymous = await get('png', query);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await anonymous.arrayBuffer());
    expect(pngSize(bytes)).toEqual({ width: 640, height: 480 });
    // A drawn map, not an empty canvas: a flat 640 × 480 PNG compresses to a few hundred bytes.
    expect(bytes.length).toBeGreaterThan(20_000);
    const signedIn = new Uint8Array(await (await get('png', query, { viewer: admin })).arrayBuffer());
    expect(Buffer.from(signedIn).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);

  it('keeps width= and height= inside 200–2400 px, and has an ETag of its own', async () => {
    const res = await get('png', 'date=2024-08-20&width=abc&height=10');
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 800, height: 200 });
    const svg = await get('svg', 'date=2024-08-20&width=abc&height=10');
    expect(res.headers.get('etag')).not.toBe(svg.headers.get('etag'));
    const again = await get('png', 'date=2024-08-20&width=abc&height=10', {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  }, 60_000);
});
