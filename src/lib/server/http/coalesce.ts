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

/**
 * Concurrent calls with the same key share one run of `work` (the analysis of one date for one version of
 * the data: computed once however many requests ask for it at the same moment). Unlike `coalesce`, a call
 * joins the run in flight: the key must name everything the result depends on (the data's version
 * included), so a run started before the call answers it as well as a new one would. A failed run is not
 * kept: the next call starts another.
 */
export function sharedRuns<K, T>(): (key: K, work: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<K, Promise<T>>();
  return (key, work) => {
    let run = inFlight.get(key);
    if (!run) {
      run = work().finally(() => inFlight.delete(key));
      inFlight.set(key, run);
    }
    return run;
  };
}
