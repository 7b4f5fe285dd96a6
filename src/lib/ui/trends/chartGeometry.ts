/** Where the points of a line chart of dated values go in an SVG box, and its axis ticks. Pure. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 720, height: 300, left: 72, right: 16, top: 28, bottom: 36 };

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** A "nice" upper bound of the y axis (1, 2 or 5 times a power of ten) at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Compact axis labels: 2,000,000 → "2M", 250,000 → "250k", 12 → "12". */
export function compact(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${+(n / 1e3).toFixed(0)}k`;
  return String(n);
}

/**
 * The positions of `points` (dates in order, values ≥ 0) in `box`: x by date, y from 0 at the bottom to a
 * nice maximum at the top; five y ticks; an x tick on the first day of every quarter (every year when the range
 * is longer than four years).
 */
export function chartGeometry(points: { date: string; value: number }[], box: ChartBox = DEFAULT_BOX) {
  const x0 = day(points[0].date);
  const span = Math.max(1, day(points[points.length - 1].date) - x0);
  const yMax = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  const x = (date: string) => box.left + ((day(date) - x0) / span) * innerW;
  const y = (v: number) => box.top + innerH - (v / yMax) * innerH;
  const xy = points.map((p) => ({ x: x(p.date), y: y(p.value) }));
  const yTicks = [0, 1, 2, 3, 4].map((i) => {
    const v = (yMax * i) / 4;
    return { value: v, y: y(v), label: compact(v) };
  });
  const months = span > 4 * 366 ? 12 : 3;
  const xTicks: { x: number; label: string }[] = [];
  const first = new Date(points[0].date + 'T00:00:00Z');
  const d = new Date(Date.UTC(first.getUTCFullYear(), Math.ceil(first.getUTCMonth() / months) * months, 1));
  for (; d.getTime() / 86_400_000 <= x0 + span; d.setUTCMonth(d.getUTCMonth() + months)) {
    const iso = d.toISOString().slice(0, 10);
    if (iso < points[0].date) continue;
    xTicks.push({
      x: x(iso),
      label: d.toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    });
  }
  const path = xy.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
  return { xy, yTicks, xTicks, path, yMax, plot: { x: box.left, y: box.top, width: innerW, height: innerH } };
}
