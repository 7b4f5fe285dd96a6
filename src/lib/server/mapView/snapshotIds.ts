// A snapshot (`SituationStore`: one situation object per visibility level and content) is numbered the
// first time a cache keeps something of it, so the caches' keys are (snapshot, what) without holding the
// snapshot: what a replaced snapshot had is never asked for again and ages out, or is dropped.
const ids = new WeakMap<object, number>();
let next = 0;

/** The number of `snapshot`, the same for the process' life. */
export function snapshotId(snapshot: object): number {
  let id = ids.get(snapshot);
  if (id === undefined) ids.set(snapshot, (id = next++));
  return id;
}
