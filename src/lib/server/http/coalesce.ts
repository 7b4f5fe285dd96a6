/**
 * Overlapping calls of an async read share runs, without ever answering from data older than the call:
 * a call made while a run is in flight waits for it to end and joins the next run, which starts after the
 * call was made. Under load, one run serves every request that arrived during the previous one (the
 * situation store checks the database once per read; at 1,000 requests/s that check is the cost).
 *
 * @example
 * const read = coalesce(() => store.situationFor(null));
 * await Promise.all([read(), read(), read()]); // two reads of the store, not three
 */
export function coalesce<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const run: Promise<T> = read().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
