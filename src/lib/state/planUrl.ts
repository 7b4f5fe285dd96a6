import { MAX_ALTERNATIVES, type Place, type PlanRequestInput } from '$lib/domain/schemas';

/** What the planner's address holds: a saved plan's id, or the request itself (a link reopens either). */
export interface PlanUrlState {
  planId?: string;
  from?: Place;
  to?: Place;
  date?: string;
  via: Place[];
  avoid: string[];
  alternatives: number;
}

/** A place as the planner writes it in a field or the address: an id, or `lon,lat` to 5 decimals. */
export function placeText(p: Place | undefined): string {
  if (p === undefined) return '';
  return typeof p === 'string' ? p : `${round5(p.lon)},${round5(p.lat)}`;
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** `lon,lat` (decimal degrees) becomes a position, anything else an id; empty text is no place. */
export function parsePlaceText(text: string): Place | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(t);
  if (m) return { lon: Number(m[1]), lat: Number(m[2]) };
  // A search result reads "Name (id)": the id is what counts.
  const named = /\(([A-Za-z0-9][A-Za-z0-9_.-]*)\)$/.exec(t);
  return named ? named[1] : t;
}

/**
 * The planner's state from its address: `?plan=<id>` for a saved plan, or `from`, `to`, `date`, `via`
 * (places separated by `;`), `avoid` (ids separated by `,`) and `alt` (alternatives, 0–3).
 *
 * @example readPlanUrl(new URLSearchParams('from=td_abeche&to=25.31,13.49&date=2024-08-20'))
 */
export function readPlanUrl(q: URLSearchParams): PlanUrlState {
  const alt = Number(q.get('alt') ?? MAX_ALTERNATIVES);
  return {
    planId: q.get('plan') ?? undefined,
    from: parsePlaceText(q.get('from') ?? ''),
    to: parsePlaceText(q.get('to') ?? ''),
    date: /^\d{4}-\d{2}-\d{2}$/.test(q.get('date') ?? '') ? q.get('date')! : undefined,
    via: (q.get('via') ?? '')
      .split(';')
      .map(parsePlaceText)
      .filter((p): p is Place => p !== undefined),
    avoid: (q.get('avoid') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    alternatives: Number.isInteger(alt) && alt >= 0 && alt <= MAX_ALTERNATIVES ? alt : MAX_ALTERNATIVES,
  };
}

/** The address of a request (a saved plan is addressed by its id alone). */
export function planSearch(s: PlanUrlState): string {
  const q = new URLSearchParams();
  if (s.planId) {
    q.set('plan', s.planId);
    return q.toString();
  }
  if (s.from !== undefined) q.set('from', placeText(s.from));
  if (s.to !== undefined) q.set('to', placeText(s.to));
  if (s.date) q.set('date', s.date);
  if (s.via.length) q.set('via', s.via.map(placeText).join(';'));
  if (s.avoid.length) q.set('avoid', s.avoid.join(','));
  if (s.alternatives !== MAX_ALTERNATIVES) q.set('alt', String(s.alternatives));
  return q.toString();
}

/** The request of a complete state, or undefined while a place or the date is missing. */
export function planRequestOf(s: PlanUrlState): PlanRequestInput | undefined {
  if (s.from === undefined || s.to === undefined || !s.date) return undefined;
  return { asOf: s.date, from: s.from, to: s.to, via: s.via, avoid: s.avoid, alternatives: s.alternatives };
}

/** The query of a route download: the saved plan when the screen shows it unchanged, else the request. */
export function planExportQuery(
  target: { planId: string } | { request: PlanRequestInput },
  rank: number,
): string {
  const q = new URLSearchParams();
  if ('planId' in target) q.set('plan', target.planId);
  else q.set('request', JSON.stringify(target.request));
  q.set('rank', String(rank));
  return q.toString();
}
