import { describe, expect, it } from 'vitest';
import { isOfflineCacheable, isOfflinePath, isRevalidatedPath, pageKey } from '$lib/offline/offlinePaths';

describe('what the service worker keeps', () => {
  it('keeps the map shell and data, nothing of the staff pages or the rest of the API', () => {
    for (const p of [
      '/',
      '/embed',
      '/api/trpc/situation.get',
      '/map/meta.json',
      '/basemap/countries.geojson',
      '/fonts/NotoSans-Regular.woff2',
    ])
      expect(isOfflinePath(p), p).toBe(true);
    for (const p of [
      '/plan',
      '/data',
      '/admin',
      '/api/trpc/features.get',
      '/api/trpc/plans.list',
      '/export/sites.csv',
      '/login',
    ])
      expect(isOfflinePath(p), p).toBe(false);
  });

  it('never keeps an answer marked private or no-store (every answer to a signed-in account)', () => {
    const answer = (cacheControl: string | null, status = 200) =>
      new Response('{}', { status, headers: cacheControl ? { 'cache-control': cacheControl } : {} });
    expect(isOfflineCacheable(answer('public, max-age=60, must-revalidate'))).toBe(true);
    expect(isOfflineCacheable(answer(null))).toBe(true);
    expect(isOfflineCacheable(answer('private, no-store'))).toBe(false);
    expect(isOfflineCacheable(answer('no-store'))).toBe(false);
    expect(isOfflineCacheable(answer('public', 500))).toBe(false);
  });

  it("asks the server again for the map's data, not for the app's files", () => {
    for (const p of ['/api/trpc/situation.get', '/map/meta.json', '/embed/situation.json'])
      expect(isRevalidatedPath(p), p).toBe(true);
    for (const p of [
      '/',
      '/_app/immutable/entry/start.js',
      '/fonts/NotoSans-Regular.woff2',
      '/basemap/countries.geojson',
    ])
      expect(isRevalidatedPath(p), p).toBe(false);
  });

  it('keeps a page under its path and language too, so a changed date or view reopens offline', () => {
    const key = (u: string) => pageKey(new URL(u));
    expect(key('https://corridor.example/?date=2024-08-20&map=7/13.6/25.3')).toBe(
      key('https://corridor.example/'),
    );
    expect(key('https://corridor.example/?lang=ar&date=2024-08-20')).toBe(
      'https://corridor.example/?lang=ar',
    );
    expect(key('https://corridor.example/embed?lang=fr&plain=1')).not.toBe(
      key('https://corridor.example/?lang=fr'),
    );
  });
});
