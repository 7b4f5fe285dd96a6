/** Where the points of a line chart of dated values go in an SVG box, and its axis ticks. Pure. */
import { dayNumber as day } from '$lib/domain/calendarDays';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 720, height: 300, left: 72, right: 16, top: 28, bottom: 36 };

/**
 * The y axis of values up to `max`: a step of 1, 2, 2.5 or 5 times a power of ten, and as many steps (at most
 * five) as reach `max`, so the ticks read 0, 1M, 2M, 3M rather than 0, 1.25M, 2.5M.
 */
export function yAxis(max: number): { step: number; top: number } {
  if (max <= 0) return { step: 1, top: 4 };
  const p = 10 ** Math.floor(Math.log10(max / 4));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * p;
    if (step * 4 >= max) return { step, top: Math.ceil(max / step) * step };
  }
  return { step: 10 * p, top: Math.ceil(max / (10 * p)) * 10 * p };
}

/** Compact axis labels: 2,000,000 → "2M", 250,000 → "250k", 12 → "12". */
export function compact(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${+(n / 1e3).toFixed(0)}k`;
  return String(n);
}

/** How the axes write a value and a month (`YYYY-MM-DD` of its first day): the interface passes its language's. */
export interface AxisLabels {
  value: (n: number) => string;
  month: (date: string) => string;
}

const ENGLISH_LABELS: AxisLabels = {
  value: compact,
  month: (date) =>
    new Date(`${date}T00:00:00Z`).toLocaleString('en-GB', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
};

/**
 * The positions of `points` (dates in order, values ≥ 0) in `box`: x by date, y from 0 at the bottom to a
 * round maximum at the top (`yAxis`); an x tick on the first day of every quarter (every year when the range
 * is longer than four years).
 */
export function chartGeometry(
  points: { date: string; value: number }[],
  box: ChartBox = DEFAULT_BOX,
  labels: AxisLabels = ENGLISH_LABELS,
) {
  const x0 = day(points[0].date);
  const span = Math.max(1, day(points[points.length - 1].date) - x0);
  const axis = yAxis(Math.max(0, ...points.map((p) => p.value)));
  const yMax = axis.top;
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  const x = (date: string) => box.left + ((day(date) - x0) / span) * innerW;
  const y = (v: number) => box.top + innerH - (v / yMax) * innerH;
  const xy = points.map((p) => ({ x: x(p.date), y: y(p.value) }));
  const yTicks = Array.from({ length: Math.round(yMax / axis.step) + 1 }, (_, i) => {
    const v = axis.step * i;
    return { value: v, y: y(v), label: labels.value(v) };
  });
  const months = span > 4 * 366 ? 12 : 3;
  const xTicks: { x: number; label: string; major: boolean }[] = [];
  const first = new Date(points[0].date + 'T00:00:00Z');
  const d = new Date(Date.UTC(first.getUTCFullYear(), Math.ceil(first.getUTCMonth() / months) * months, 1));
  for (; d.getTime() / 86_400_000 <= x0 + span; d.setUTCMonth(d.getUTCMonth() + months)) {
    const iso = d.toISOString().slice(0, 10);
    if (iso < points[0].date) continue;
    xTicks.push({
      x: x(iso),
      // January: kept on narrow screens, where the other labels would overlap.
      major: d.getUTCMonth() === 0,
      label: labels.month(iso),
    });
  }
  const path = xy.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
  return { xy, yTicks, xTicks, path, yMax, plot: { x: box.left, y: box.top, width: innerW, height: innerH } };
}
