import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
import { contentHash } from '../http/contentVersion';
import type { SnapshotStamp } from '../situation/situationStore';
import type { Content, SharedVerdicts } from './sharedVerdicts';
import { snapshotId } from './snapshotIds';

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/**
 * Default bound of the archive: 128 MiB of compressed bodies. The default scenario's whole range (992 dates)
 * takes about 2 MiB; at the bench's Sudan scale a date takes 30–170 KiB, so about 110 MiB for its 731 dates.
 */
export const VERDICTS_ARCHIVE_BYTES = 128 * 1024 * 1024;

/** What `keep` did with a body. */
export type Kept = 'kept' | 'full' | 'stale';

interface Shelf extends SnapshotStamp {
  /** Brotli-compressed bodies by date. */
  bodies: Map<string, Buffer>;
}

/**
 * The map's verdicts of every date of a snapshot (one situation object per visibility level and
 * content), as brotli-compressed bodies of `/map/verdicts.json`: what the warm-up's walk of the scenario's range
 * made in the background (`verdictsWarmUp.ts`), so that any date the reader moves to is answered without an
 * analysis. Compressed because a date's body is 280–850 KiB at Sudan scale and a fifth of that compressed,
 * and decompressing one takes 1–3 ms.
 *
 * A level's content only moves on (`SnapshotStamp.since` grows), so a snapshot of a level older than one
 * being kept will never be asked for again: its shelf is dropped then, and a body of an older snapshot is
 * refused (`stale`). A snapshot whose content a write left unchanged keeps its shelf. Another level's shelf
 * may be of content the data has moved on from too, but that is known only once the level is read again.
 *
 * Bounded in bytes: once full, the shelves of other levels' older content (older `since`) are dropped to make
 * room, oldest first, as they may well be stale; failing that, nothing more is kept (the walk stops; other
 * dates are analysed when asked, as without the archive). Nothing else is evicted, as a date dropped would
 * only be analysed again by the walk.
 */
export class VerdictsArchive {
  private readonly shelves = new Map<number, Shelf>();
  private bytes = 0;

  /**
   * `maxBytes` 0 turns the archive (and so the walk of the range) off. `shared`, on PostgreSQL: the archive in
   * the database, which every date kept here goes to and a date missing here is looked for in.
   */
  constructor(
    readonly maxBytes = VERDICTS_ARCHIVE_BYTES,
    private readonly shared?: SharedVerdicts,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** Whether the verdicts of `date` of `snapshot` are kept. */
  has(snapshot: object, date: string): boolean {
    return this.shelves.get(snapshotId(snapshot))?.bodies.has(date) ?? false;
  }

  /** The body of the verdicts of `date` of `snapshot` as kept, brotli-compressed, if kept. */
  packed(snapshot: object, date: string): Buffer | undefined {
    return this.shelves.get(snapshotId(snapshot))?.bodies.get(date);
  }

  /**
   * The body of the verdicts of `date` of `snapshot` (UTF-8 JSON), if kept here, or, given the snapshot's
   * `stamp`, in the shared archive (then kept here too).
   */
  async body(
    snapshot: object,
    date: string,
    stamp?: SnapshotStamp,
  ): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const packed =
      this.packed(snapshot, date) ?? (stamp && (await this.fromShared(snapshot, stamp, date))?.packed);
    if (!packed) return undefined;
    const body = await decompress(packed);
    return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  }

  /**
   * Keeps here the verdicts of `date` of `snapshot` another instance (or this one before it started again)
   * kept in the shared archive, if any: what `place` did, or undefined when the shared archive has none (or
   * there is none, or it failed: logged, and the date is then analysed as without it).
   */
  async bring(snapshot: object, stamp: SnapshotStamp, date: string): Promise<Kept | undefined> {
    return (await this.fromShared(snapshot, stamp, date))?.kept;
  }

  /** `bring`, with the bytes brought (kept here or not: a full archive answers them all the same). */
  private async fromShared(
    snapshot: object,
    stamp: SnapshotStamp,
    date: string,
  ): Promise<{ packed: Buffer; kept: Kept } | undefined> {
    if (!this.shared || !this.enabled) return undefined;
    try {
      const packed = await this.shared.packed(this.contentOf(snapshot, stamp), date);
      return packed && { packed, kept: this.place(snapshot, stamp, date, packed) };
    } catch (e) {
      console.error(`corridor: reading the shared verdicts of ${date} failed:`, e);
      return undefined;
    }
  }

  /**
   * Keeps `body`, the verdicts of `date` of `snapshot`, of the level and content version `stamp`; here, and in
   * the shared archive when there is one.
   */
  async keep(snapshot: object, stamp: SnapshotStamp, date: string, body: Uint8Array): Promise<Kept> {
    const packed = await compress(body, {
      params: {
        // As `compress.ts` answers: about as fast as gzip's default, and smaller.
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    });
    const first = !this.shelves.has(snapshotId(snapshot));
    const kept = this.place(snapshot, stamp, date, packed);
    if (kept === 'kept' && this.shared) {
      const content = this.contentOf(snapshot, stamp);
      try {
        // The level's new content: its older content's rows will not be asked for again.
        if (first) await this.shared.dropOthers(content);
        await this.shared.keep(content, date, packed);
      } catch (e) {
        // Kept here all the same; other instances analyse the date themselves.
        console.error(`corridor: keeping the shared verdicts of ${date} failed:`, e);
      }
    }
    return kept;
  }

  private contentOf(snapshot: object, stamp: SnapshotStamp): Content {
    return { level: stamp.level, hash: contentHash(snapshot) };
  }

  /** Keeps `packed` here: the level's older content goes, room is made from other levels' older content. */
  private place(snapshot: object, stamp: SnapshotStamp, date: string, packed: Buffer): Kept {
    const id = snapshotId(snapshot);
    for (const [other, shelf] of this.shelves) {
      if (other === id || shelf.level !== stamp.level) continue;
      if (shelf.since > stamp.since) return 'stale';
      this.drop(other);
    }
    let shelf = this.shelves.get(id);
    const before = shelf?.bodies.get(date)?.byteLength ?? 0;
    const fits = () => this.bytes - before + packed.byteLength <= this.maxBytes;
    if (!fits()) {
      const older = [...this.shelves]
        .filter(([, s]) => s.since < stamp.since)
        .sort(([, a], [, b]) => a.since - b.since);
      for (const [other] of older) if (!fits()) this.drop(other);
      if (!fits()) return 'full';
    }
    if (!shelf) this.shelves.set(id, (shelf = { ...stamp, bodies: new Map() }));
    shelf.bodies.set(date, packed);
    this.bytes += packed.byteLength - before;
    return 'kept';
  }

  private drop(id: number) {
    for (const packed of this.shelves.get(id)?.bodies.values() ?? []) this.bytes -= packed.byteLength;
    this.shelves.delete(id);
  }

  /** What the archive holds (for tests and the docs' figures). */
  use(): { snapshots: number; dates: number; bytes: number; maxBytes: number } {
    let dates = 0;
    for (const shelf of this.shelves.values()) dates += shelf.bodies.size;
    return { snapshots: this.shelves.size, dates, bytes: this.bytes, maxBytes: this.maxBytes };
  }
}
