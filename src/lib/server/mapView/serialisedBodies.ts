import { LRUCache } from 'lru-cache';
import { snapshotId } from './snapshotIds';

/**
 * Bytes of serialised bodies kept: the verdicts of a date are about 880 KiB at Sudan scale, so some thirty
 * dates and visibility levels; the smaller default scenario's, thousands.
 */
export const SERIALISED_BODIES_BYTES = 32 * 1024 * 1024;

// Keyed by (snapshot number, what): a replaced snapshot's bodies are never asked for again and age out.
const bodies = new LRUCache<string, Uint8Array<ArrayBuffer>>({
  maxSize: SERIALISED_BODIES_BYTES,
  // A body bigger than the whole bound is answered, not kept (`set` refuses it).
  sizeCalculation: (b) => Math.max(1, b.byteLength),
});
const building = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const utf8 = new TextEncoder();

/**
 * The UTF-8 body `serialise` makes (as text, or as UTF-8 bytes) of `snapshot` for `what` (e.g. a date's
 * verdicts), serialised once per (snapshot, what) while it stays in the cache: a full answer of the map's
 * verdicts re-serialised about 880 KiB of JSON each time. Concurrent first requests share one serialisation.
 * A `Response` copies the bytes it is given, so the kept ones are never handed out to be changed.
 */
export function serialisedBody(
  snapshot: object,
  what: string,
  serialise: () => Promise<string | Uint8Array<ArrayBuffer>>,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${snapshotId(snapshot)}|${what}`;
  const kept = bodies.get(key);
  if (kept) return Promise.resolve(kept);
  let run = building.get(key);
  if (!run) {
    run = serialise()
      .then((made) => {
        const body = typeof made === 'string' ? (utf8.encode(made) as Uint8Array<ArrayBuffer>) : made;
        bodies.set(key, body);
        return body;
      })
      .finally(() => building.delete(key));
    building.set(key, run);
  }
  return run;
}

/** The body kept for (`snapshot`, `what`), if any, without counting it as used. */
export function keptBody(snapshot: object, what: string): Uint8Array<ArrayBuffer> | undefined {
  return bodies.peek(`${snapshotId(snapshot)}|${what}`);
}

/** What the cache holds (for tests and the docs' figures). */
export function serialisedBodiesUse(): { entries: number; bytes: number; maxBytes: number } {
  return { entries: bodies.size, bytes: bodies.calculatedSize, maxBytes: SERIALISED_BODIES_BYTES };
}
