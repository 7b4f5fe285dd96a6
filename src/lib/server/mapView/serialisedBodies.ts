import { LRUCache } from 'lru-cache';

/**
 * Bytes of serialised bodies kept: the verdicts of a date are about 880 KiB at Sudan scale, so some thirty
 * dates and visibility levels; the smaller default scenario's, thousands.
 */
export const SERIALISED_BODIES_BYTES = 32 * 1024 * 1024;

// A snapshot (`SituationStore`: one situation object per visibility level and data version) is numbered the
// first time a body of it is kept, so the cache's keys are (snapshot, what) without holding the snapshot: the
// bodies of a replaced snapshot are never asked for again and age out, oldest first.
const snapshotIds = new WeakMap<object, number>();
let nextId = 0;
const idOf = (snapshot: object) => {
  let id = snapshotIds.get(snapshot);
  if (id === undefined) snapshotIds.set(snapshot, (id = nextId++));
  return id;
};

const bodies = new LRUCache<string, Uint8Array<ArrayBuffer>>({
  maxSize: SERIALISED_BODIES_BYTES,
  // A body bigger than the whole bound is answered, not kept (`set` refuses it).
  sizeCalculation: (b) => Math.max(1, b.byteLength),
});
const building = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const utf8 = new TextEncoder();

/**
 * The UTF-8 body `serialise` makes of `snapshot` for `what` (e.g. a date's verdicts), serialised once per
 * (snapshot, what) while it stays in the cache: a full answer of the map's verdicts re-serialised about
 * 880 KiB of JSON each time. Concurrent first requests share one serialisation. A `Response` copies the bytes
 * it is given, so the kept ones are never handed out to be changed.
 */
export function serialisedBody(
  snapshot: object,
  what: string,
  serialise: () => Promise<string>,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${idOf(snapshot)}|${what}`;
  const kept = bodies.get(key);
  if (kept) return Promise.resolve(kept);
  let run = building.get(key);
  if (!run) {
    run = serialise()
      .then((text) => {
        const body = utf8.encode(text) as Uint8Array<ArrayBuffer>;
        bodies.set(key, body);
        return body;
      })
      .finally(() => building.delete(key));
    building.set(key, run);
  }
  return run;
}

/** What the cache holds (for tests and the docs' figures). */
export function serialisedBodiesUse(): { entries: number; bytes: number; maxBytes: number } {
  return { entries: bodies.size, bytes: bodies.calculatedSize, maxBytes: SERIALISED_BODIES_BYTES };
}
