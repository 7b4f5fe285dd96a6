/** Small helpers the generator shares: rounding, segment keys, joining segments into lines. */

export type Pos = [number, number];

/** Rounds to 6 decimals (about 0.1 m), so that the same vertex written twice compares equal. */
export function round(p: Pos): Pos {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

export function posKey(p: Pos): string {
  const [x, y] = round(p);
  return `${x},${y}`;
}

/** Undirected key of the segment a–b. */
export function segKey(a: Pos, b: Pos): string {
  const ka = posKey(a);
  const kb = posKey(b);
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

/** The segments of a closed ring (first position repeated last, or not). */
export function ringSegments(ring: Pos[]): [Pos, Pos][] {
  const closed = posKey(ring[0]) === posKey(ring[ring.length - 1]) ? ring : [...ring, ring[0]];
  const out: [Pos, Pos][] = [];
  for (let i = 0; i + 1 < closed.length; i++) out.push([closed[i], closed[i + 1]]);
  return out;
}

/**
 * Joins segments that share end points into the fewest lines: walks from the ends of open chains first, then
 * around closed loops. Deterministic for a given input order.
 */
export function joinSegments(segments: [Pos, Pos][]): Pos[][] {
  const unused = new Set(segments.map((_, i) => i));
  const byEnd = new Map<string, number[]>();
  segments.forEach(([a, b], i) => {
    for (const k of [posKey(a), posKey(b)]) byEnd.set(k, [...(byEnd.get(k) ?? []), i]);
  });
  const degree = (k: string) => (byEnd.get(k) ?? []).filter((i) => unused.has(i)).length;
  const walk = (start: Pos): Pos[] => {
    const line: Pos[] = [start];
    let here = start;
    for (;;) {
      const next = (byEnd.get(posKey(here)) ?? []).find((i) => unused.has(i));
      if (next === undefined) return line;
      unused.delete(next);
      const [a, b] = segments[next];
      here = posKey(a) === posKey(here) ? b : a;
      line.push(here);
    }
  };
  const lines: Pos[][] = [];
  // Open chains start at a vertex of odd degree.
  for (const [a, b] of segments) for (const p of [a, b]) if (degree(posKey(p)) % 2 === 1) lines.push(walk(p));
  for (const i of [...unused]) if (unused.has(i)) lines.push(walk(segments[i][0]));
  return lines.filter((l) => l.length > 1);
}

/**
 * A rough closed ring of `n` vertices around a centre, radius in km, with a fixed irregularity so that it reads as
 * hand-drawn rather than as a buffer. Used for the small garrison pockets and for Malha.
 */
export function roughRing(centre: Pos, radiusKm: number, n = 10): Pos[] {
  const kmPerDegLat = 111.32;
  const kmPerDegLon = 111.32 * Math.cos((centre[1] * Math.PI) / 180);
  const ring: Pos[] = [];
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n;
    const r = radiusKm * (1 + 0.18 * Math.sin(3 * k + 1));
    ring.push([
      Math.round((centre[0] + (r * Math.cos(angle)) / kmPerDegLon) * 1e4) / 1e4,
      Math.round((centre[1] + (r * Math.sin(angle)) / kmPerDegLat) * 1e4) / 1e4,
    ]);
  }
  return [...ring, ring[0]];
}
