declare global {
  interface Window {
    /** Tiled map: the date the panels show the verdicts of, and `performance.now()` when they were filled. */
    __corridorPanels?: { date: string; ms: number };
  }
}

/**
 * Runs `run` once the browser has drawn its next frame (a task after the frame's callbacks, so after the
 * map's render): for work the reader sees less urgently than the map.
 */
export function afterNextFrame(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}
