import type {
  AnalysisParams,
  AnalysisParamsInput,
  Series,
  SeriesPoint,
  Situation,
  Totals,
} from '../../schemas';
import { totalsKeys } from '../../schemas';
import { createAnalyzer, type Analyzer } from '../analyzer';
import { seriesDates, MAX_SERIES_POINTS } from './seriesDates';
import type { EventPhrases } from './eventPhrases';
import { stepEvents } from './stepEvents';

export interface SeriesOptions {
  /** Analysis parameters (defaults as in DESIGN.md §3). */
  params?: AnalysisParamsInput;
  /** Refuse a series of more points than this (default `MAX_SERIES_POINTS`). */
  maxPoints?: number;
}

/**
 * The key figures (`totals`) every `stepDays` days from `from` to `to` (DESIGN.md §4, trends), each point
 * annotated with the events of the data since the previous point that bear on a figure that moved (see
 * `stepEvents`): "Adré – El Geneina crossing reopened" on the point where people cut off drop. The
 * analyzer is made once and re-analyses each date with its memos (only what a date changes is recomputed).
 */
export function seriesOf(
  situation: Situation,
  from: string,
  to: string,
  stepDays = 7,
  options: SeriesOptions = {},
): Series {
  // Checked before the road network is built, so a wrong argument costs nothing.
  seriesDates(from, to, stepDays, options.maxPoints);
  return seriesWith(createAnalyzer(situation), from, to, stepDays, options);
}

/** `seriesOf` with an analyzer already made (the server keeps one per snapshot of the data). */
export function seriesWith(
  analyzer: Analyzer,
  from: string,
  to: string,
  stepDays = 7,
  options: SeriesOptions = {},
): Series {
  const dates = seriesDates(from, to, stepDays, options.maxPoints ?? MAX_SERIES_POINTS);
  const points: SeriesPoint[] = [];
  let last: Totals | undefined;
  for (const date of dates) {
    const report = analyzer.analyze(date, options.params);
    const t = report.totals;
    const point: SeriesPoint = { date, ...t, annotations: [] };
    if (last) {
      const before = last;
      const moved = new Set(totalsKeys.filter((k) => t[k] !== before[k]));
      if (moved.size > 0)
        for (const e of stepEvents(
          analyzer.situation,
          points[points.length - 1].date,
          date,
          report.parameters,
        )) {
          const figures = e.bearsOn.filter((k) => moved.has(k));
          if (figures.length > 0)
            point.annotations.push({
              date: e.date,
              kind: e.kind,
              featureId: e.featureId,
              text: e.text,
              figures,
            });
        }
    }
    points.push(point);
    last = t;
  }
  return { from, to, stepDays, points };
}

/**
 * `series` with its events written from `phrases` (another language's table): the events of each step are
 * found again in the data (cheap: no analysis), and each annotation takes the text of the event of the same
 * date, kind and feature. The series itself is computed once, in English, and shared with the API.
 */
export function withEventPhrases(
  situation: Situation,
  series: Series,
  params: AnalysisParams,
  phrases: EventPhrases,
): Series {
  const points = series.points.map((point, i) => {
    if (i === 0 || point.annotations.length === 0) return point;
    const key = (e: { date: string; kind: string; featureId: string }) =>
      `${e.date}\u0000${e.kind}\u0000${e.featureId}`;
    const texts = new Map(
      stepEvents(situation, series.points[i - 1].date, point.date, params, phrases).map((e) => [
        key(e),
        e.text,
      ]),
    );
    return {
      ...point,
      annotations: point.annotations.map((a) => ({ ...a, text: texts.get(key(a)) ?? a.text })),
    };
  });
  return { ...series, points };
}
