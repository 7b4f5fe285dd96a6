// The archive of the map's verdicts (`verdictsArchive.ts`): bodies come back byte for byte, per snapshot; a
// level's newer content drops that level's older snapshots' dates and refuses theirs, and leaves other levels';
// nothing is kept past the bound.
import { describe, expect, it } from 'vitest';
import { VerdictsArchive } from '$lib/server/mapView/verdictsArchive';

const PUBLIC = (since: number) => ({ level: 'public', since });
const STAFF = (since: number) => ({ level: 'public,restricted', since });

const body = (date: string, n = 2000) =>
  new TextEncoder().encode(JSON.stringify({ asOf: date, sites: Array.from({ length: n }, (_, i) => [i]) }));

describe('the archive of the verdicts', () => {
  it('gives back the bytes kept, per snapshot and date, compressed meanwhile', async () => {
    const archive = new VerdictsArchive(1024 * 1024);
    const [publicLevel, staffLevel] = [{}, {}];
    expect(await archive.keep(publicLevel, PUBLIC(7), '2024-01-01', body('2024-01-01'))).toBe('kept');
    expect(await archive.keep(staffLevel, STAFF(7), '2024-01-01', body('2024-01-01', 10))).toBe('kept');
    expect(await archive.body(publicLevel, '2024-01-01')).toEqual(body('2024-01-01'));
    expect(await archive.body(staffLevel, '2024-01-01')).toEqual(body('2024-01-01', 10));
    expect(archive.has(publicLevel, '2024-01-02')).toBe(false);
    expect(await archive.body(publicLevel, '2024-01-02')).toBeUndefined();
    const use = archive.use();
    expect(use).toMatchObject({ snapshots: 2, dates: 2 });
    expect(use.bytes).toBeLessThan(body('2024-01-01').byteLength / 4);
  });

  it("drops a level's older content once a newer snapshot of it keeps a date, and refuses its dates after", async () => {
    const archive = new VerdictsArchive(1024 * 1024);
    const [before, after, staff] = [{}, {}, {}];
    await archive.keep(before, PUBLIC(3), '2024-01-01', body('2024-01-01'));
    await archive.keep(staff, STAFF(2), '2024-01-01', body('2024-01-01', 10));
    expect(await archive.keep(after, PUBLIC(4), '2024-01-01', body('2024-01-01', 5))).toBe('kept');
    expect(archive.has(before, '2024-01-01')).toBe(false);
    expect(await archive.keep(before, PUBLIC(3), '2024-01-02', body('2024-01-02'))).toBe('stale');
    // Another level's content is not older for it: the staff's older snapshot stays and takes more dates.
    expect(archive.has(staff, '2024-01-01')).toBe(true);
    expect(await archive.keep(staff, STAFF(2), '2024-01-02', body('2024-01-02', 10))).toBe('kept');
    expect(archive.use()).toMatchObject({ snapshots: 2, dates: 3 });
  });

  it("makes room by dropping other levels' older content, never newer", async () => {
    const packed = async (b: Uint8Array) => {
      const probe = new VerdictsArchive(1024 * 1024);
      await probe.keep({}, PUBLIC(1), 'd', b);
      return probe.use().bytes;
    };
    const one = await packed(body('2024-01-01', 300));
    const archive = new VerdictsArchive(Math.round(one * 1.5));
    const [oldStaff, newStaff, publicLevel] = [{}, {}, {}];
    expect(await archive.keep(oldStaff, STAFF(2), '2024-01-01', body('2024-01-01', 300))).toBe('kept');
    expect(await archive.keep(publicLevel, PUBLIC(5), '2024-01-01', body('2024-01-01', 300))).toBe('kept');
    expect(archive.has(oldStaff, '2024-01-01')).toBe(false);
    // The staff's new content is newer than the public shelf's, which goes; the public's next date cannot push
    // out that newer shelf in turn.
    expect(await archive.keep(newStaff, STAFF(9), '2024-01-01', body('2024-01-01', 300))).toBe('kept');
    expect(archive.has(publicLevel, '2024-01-01')).toBe(false);
    expect(await archive.keep(publicLevel, PUBLIC(5), '2024-01-02', body('2024-01-02', 300))).toBe('full');
    expect(archive.has(newStaff, '2024-01-01')).toBe(true);
  });

  it('keeps nothing past its bound, and nothing at all when off', async () => {
    const small = new VerdictsArchive(200);
    const snapshot = {};
    let kept = 0;
    for (let day = 1; day <= 20; day++) {
      const date = `2024-01-${String(day).padStart(2, '0')}`;
      if ((await small.keep(snapshot, PUBLIC(1), date, body(date, 20))) === 'kept') kept++;
      else break;
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(20);
    expect(small.use().bytes).toBeLessThanOrEqual(200);
    const off = new VerdictsArchive(0);
    expect(off.enabled).toBe(false);
    expect(await off.keep(snapshot, PUBLIC(1), '2024-01-01', body('2024-01-01'))).toBe('full');
  });
});
