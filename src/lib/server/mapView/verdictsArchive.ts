import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
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

interface Shelf {
  /** The data version the snapshot was read at. */
  version: number;
  /** Brotli-compressed bodies by date. */
  bodies: Map<string, Buffer>;
}

/**
 * The map's verdicts of every date of a snapshot (one situation object per visibility level and data
 * version), as brotli-compressed bodies of `/map/verdicts.json`: what the warm-up's walk of the scenario's range
 * made in the background (`verdictsWarmUp.ts`), so that any date the reader moves to is answered without an
 * analysis. Compressed because a date's body is 280–850 KiB at Sudan scale and a fifth of that compressed,
 * and decompressing one takes 1–3 ms.
 *
 * Bounded in bytes: once full, nothing more is kept (the walk stops; other dates are analysed when asked, as
 * without the archive). Nothing is evicted to make room, as a date dropped would only be analysed again by
 * the walk. Data versions only grow, so a snapshot read at an older version than one being kept will never
 * be asked for again: its shelf is dropped then, and a body of an older snapshot is refused (`stale`).
 */
export class VerdictsArchive {
  private readonly shelves = new Map<number, Shelf>();
  private bytes = 0;

  /** `maxBytes` 0 turns the archive (and so the walk of the range) off. */
  constructor(readonly maxBytes = VERDICTS_ARCHIVE_BYTES) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** Whether the verdicts of `date` of `snapshot` are kept. */
  has(snapshot: object, date: string): boolean {
    return this.shelves.get(snapshotId(snapshot))?.bodies.has(date) ?? false;
  }

  /** The body of the verdicts of `date` of `snapshot` (UTF-8 JSON), if kept. */
  async body(snapshot: object, date: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const packed = this.shelves.get(snapshotId(snapshot))?.bodies.get(date);
    if (!packed) return undefined;
    const body = await decompress(packed);
    return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  }

  /** Keeps `body`, the verdicts of `date` of `snapshot` read at data version `version`. */
  async keep(snapshot: object, version: number, date: string, body: Uint8Array): Promise<Kept> {
    const packed = await compress(body, {
      params: {
        // As `compress.ts` answers: about as fast as gzip's default, and smaller.
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    });
    for (const [id, shelf] of this.shelves) {
      if (shelf.version > version) return 'stale';
      if (shelf.version < version) this.drop(id);
    }
    const id = snapshotId(snapshot);
    let shelf = this.shelves.get(id);
    const before = shelf?.bodies.get(date)?.byteLength ?? 0;
    if (this.bytes - before + packed.byteLength > this.maxBytes) return 'full';
    if (!shelf) this.shelves.set(id, (shelf = { version, bodies: new Map() }));
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
