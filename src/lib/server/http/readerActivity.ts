// Whether readers are being answered: background work (the map's warm-up of the next dates,
// `verdictsWarmUp.ts`) runs only when none is, so it never takes a core from a reader's request.
// Counted in `handle` (src/hooks.server.ts) for every request SvelteKit answers, and for the map data's
// revalidations answered before SvelteKit (`publishEarlyRevalidation`).

let inFlight = 0;
let lastEnded = 0;

/** A reader's request has arrived; `readerLeft` must follow. */
export function readerArrived(): void {
  inFlight++;
}

/** A reader's request has been answered (its response handed to the server to write). */
export function readerLeft(): void {
  inFlight--;
  lastEnded = performance.now();
}

/**
 * How long to wait until no reader has been answered for `quietMs` (0: quiet now). A request in flight
 * counts as the whole `quietMs` again: its writing and the next request of the same page follow.
 */
export function untilReadersQuiet(quietMs: number): number {
  if (inFlight > 0) return quietMs;
  return Math.max(0, lastEnded + quietMs - performance.now());
}
