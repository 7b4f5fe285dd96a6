import { describe, expect, it } from 'vitest';
import {
  copiesOverLimits,
  isOfflineCacheable,
  isOfflinePath,
  isRevalidatedPath,
  pageKey,
} from '$lib/offline/offlinePaths';

describe('what the service worker keeps', () => {
  it('keeps the map shell and data, nothing of the staff pages or the rest of the API', () => {
    for (const p of [
      '/',
      '/embed',
      '/api/trpc/situation.get',
      '/map/meta.json',
      '/map/verdicts.json',
      '/tiles/roads/5/19/14.mvt',
      '/map/features/cor_adre_nyala',
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
    for (const p of [
      '/api/trpc/situation.get',
      '/map/meta.json',
      '/embed/situation.json',
      '/map/verdicts.json',
      '/map/features/cor_adre_nyala',
    ])
      expect(isRevalidatedPath(p), p).toBe(true);
    for (const p of [
      '/',
      '/_app/immutable/entry/start.js',
      '/fonts/NotoSans-Regular.woff2',
      '/basemap/countries.geojson',
      '/tiles/roads/5/19/14.mvt',
    ])
      expect(isRevalidatedPath(p), p).toBe(false);
  });

  it('keeps a bounded number of tiles, dates and feature details, dropping the oldest put first', () => {
    const o = 'https://corridor.example';
    const details = ['cor_a', 'cor_b'].map((id) => `${o}/map/features/${id}?date=2024-05-01`);
    const tiles = Array.from({ length: 5 }, (_, i) => `${o}/tiles/roads/8/${i}/3.mvt`);
    const dates = ['2024-05-01', '2024-05-02', '2024-05-03'].map((d) => `${o}/map/verdicts.json?date=${d}`);
    const others = [`${o}/`, `${o}/map/meta.json`, `${o}/_app/immutable/entry/start.js`];
    // As the cache lists them: in the order they were last put, kinds interleaved.
    const keys = [
      others[0],
      tiles[0],
      dates[0],
      tiles[1],
      others[1],
      tiles[2],
      dates[1],
      tiles[3],
      dates[2],
      details[0],
      tiles[4],
      details[1],
      others[2],
    ];
    expect(copiesOverLimits(keys, { tiles: 3, verdicts: 2, features: 1 })).toEqual([
      tiles[0],
      tiles[1],
      dates[0],
      details[0],
    ]);
    expect(copiesOverLimits(keys, { tiles: 5, verdicts: 3, features: 2 })).toEqual([]);
    // The app's shell and the map's mode are never trimmed, however many.
    expect(copiesOverLimits(others, { tiles: 0, verdicts: 0, features: 0 })).toEqual([]);
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
