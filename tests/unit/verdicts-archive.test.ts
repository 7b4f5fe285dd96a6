// The archive of the map's verdicts (`verdictsArchive.ts`): bodies come back byte for byte, per snapshot; a
// newer data version drops the older snapshots' dates and refuses theirs; nothing is kept past the bound.
import { describe, expect, it } from 'vitest';
import { VerdictsArchive } from '$lib/server/mapView/verdictsArchive';

const body = (date: string, n = 2000) =>
  new TextEncoder().encode(JSON.stringify({ asOf: date, sites: Array.from({ length: n }, (_, i) => [i]) }));

describe('the archive of the verdicts', () => {
  it('gives back the bytes kept, per snapshot and date, compressed meanwhile', async () => {
    const archive = new VerdictsArchive(1024 * 1024);
    const [publicLevel, staffLevel] = [{}, {}];
    expect(await archive.keep(publicLevel, 7, '2024-01-01', body('2024-01-01'))).toBe('kept');
    expect(await archive.keep(staffLevel, 7, '2024-01-01', body('2024-01-01', 10))).toBe('kept');
    expect(await archive.body(publicLevel, '2024-01-01')).toEqual(body('2024-01-01'));
    expect(await archive.body(staffLevel, '2024-01-01')).toEqual(body('2024-01-01', 10));
    expect(archive.has(publicLevel, '2024-01-02')).toBe(false);
    expect(await archive.body(publicLevel, '2024-01-02')).toBeUndefined();
    const use = archive.use();
    expect(use).toMatchObject({ snapshots: 2, dates: 2 });
    expect(use.bytes).toBeLessThan(body('2024-01-01').byteLength / 4);
  });

  it('drops the dates of older data once a newer snapshot keeps one, and refuses theirs after', async () => {
    const archive = new VerdictsArchive(1024 * 1024);
    const [before, after] = [{}, {}];
    await archive.keep(before, 3, '2024-01-01', body('2024-01-01'));
    expect(await archive.keep(after, 4, '2024-01-01', body('2024-01-01', 5))).toBe('kept');
    expect(archive.has(before, '2024-01-01')).toBe(false);
    expect(await archive.keep(before, 3, '2024-01-02', body('2024-01-02'))).toBe('stale');
    expect(archive.use()).toMatchObject({ snapshots: 1, dates: 1 });
  });

  it('keeps nothing past its bound, and nothing at all when off', async () => {
    const small = new VerdictsArchive(200);
    const snapshot = {};
    let kept = 0;
    for (let day = 1; day <= 20; day++) {
      const date = `2024-01-${String(day).padStart(2, '0')}`;
      if ((await small.keep(snapshot, 1, date, body(date, 20))) === 'kept') kept++;
      else break;
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(20);
    expect(small.use().bytes).toBeLessThanOrEqual(200);
    const off = new VerdictsArchive(0);
    expect(off.enabled).toBe(false);
    expect(await off.keep(snapshot, 1, '2024-01-01', body('2024-01-01'))).toBe('full');
  });
});
