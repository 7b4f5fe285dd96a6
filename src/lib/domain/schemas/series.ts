import { z } from 'zod';
import { isoDate } from './common';
import { totalsSchema } from './report';

/** The key figures of a date, by name (the fields of `totalsSchema`). */
export const totalsKey = totalsSchema.keyof();
export type TotalsKey = z.infer<typeof totalsKey>;
export const totalsKeys = totalsKey.options;

/** What kind of dated entry of the data an annotation comes from. */
export const seriesEventKind = z.enum([
  'crossing_status',
  'siege_start',
  'siege_end',
  'constraint_start',
  'constraint_end',
  'site_status',
  'famine_finding',
  'famine_finding_end',
  'population',
  'control',
  'frontline',
  'incident',
]);
export type SeriesEventKind = z.infer<typeof seriesEventKind>;

/**
 * A dated event of the data that falls in a step of a series and may explain its jump: a crossing's status
 * entry, a siege or other constraint starting or ending, a site's status change, a famine finding, a new
 * population figure, an area of control or a drawn front line coming into force, a serious incident.
 * `figures` are the figures the event bears on that moved in that step (never empty).
 */
export const seriesAnnotationSchema = z.object({
  date: isoDate,
  kind: seriesEventKind,
  featureId: z.string(),
  /** Plain words, e.g. "Adré – El Geneina crossing reopened". */
  text: z.string(),
  figures: z.array(totalsKey),
});
export type SeriesAnnotation = z.infer<typeof seriesAnnotationSchema>;

/** One date of a series: the totals of that date, and the events since the previous point. */
export const seriesPointSchema = z.object({
  date: isoDate,
  ...totalsSchema.shape,
  annotations: z.array(seriesAnnotationSchema),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** Key figures over a range of dates, every `stepDays` from `from`, `to` always included as the last point. */
export const seriesSchema = z.object({
  from: isoDate,
  to: isoDate,
  stepDays: z.number().int(),
  points: z.array(seriesPointSchema),
});
export type Series = z.infer<typeof seriesSchema>;
