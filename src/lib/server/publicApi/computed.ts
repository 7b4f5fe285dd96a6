import { seriesWith, type Analyzer } from '$lib/domain/analysis';
import type { AnalysisReport, Series } from '$lib/domain/schemas';

// Results kept per analyzer (one per snapshot of the public data, so a change of the data starts afresh):
// the trends page and API clients ask for the same few dates and series again and again, and a weekly series
// over a scenario's range takes about a second and a half to compute.
const KEEP = 16;
const byAnalyzer = new WeakMap<Analyzer, Map<string, unknown>>();

function remembered<T>(analyzer: Analyzer, key: string, compute: () => T): T {
  let m = byAnalyzer.get(analyzer);
  if (!m) byAnalyzer.set(analyzer, (m = new Map()));
  if (m.has(key)) {
    const v = m.get(key) as T;
    // Most recently used last, so the oldest is dropped first.
    m.delete(key);
    m.set(key, v);
    return v;
  }
  const v = compute();
  m.set(key, v);
  if (m.size > KEEP) m.delete(m.keys().next().value as string);
  return v;
}

/** The analysis of `date` with the default parameters. */
export const reportOn = (analyzer: Analyzer, date: string): AnalysisReport =>
  remembered(analyzer, `report ${date}`, () => analyzer.analyze(date));

/** The series from `from` to `to` every `stepDays` days, at most `maxPoints` points. */
export const seriesBetween = (
  analyzer: Analyzer,
  from: string,
  to: string,
  stepDays: number,
  maxPoints: number,
): Series =>
  remembered(analyzer, `series ${from} ${to} ${stepDays}`, () =>
    seriesWith(analyzer, from, to, stepDays, { maxPoints }),
  );
