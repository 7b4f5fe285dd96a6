import type { StatusChange, SubjectKind } from './types';

const KIND_WORDS: Record<StatusChange['subjectKind'], string> = {
  corridor: 'Corridor',
  crossing: 'Crossing',
  site: 'Site',
  import: 'Import',
};

/** Statuses and access classes in plain words (the map's legend says the same). */
const VALUE_WORDS: Record<string, string> = {
  open: 'open',
  at_risk: 'at risk',
  blocked: 'blocked',
  restricted: 'restricted',
  closed: 'closed',
  internal: 'internal access',
  crossline_only: 'crossline only',
  cross_border_only: 'cross-border only',
  cut_off: 'cut off',
  inactive: 'not active (emptied, destroyed, closed or relocated)',
};

const CAUSE_WORDS: Record<string, string> = {
  edit: 'after an edit',
  delete: 'after a deletion',
  restore: 'after a restore',
  import: 'after an import',
  seed: 'after the scenario was loaded',
  date: 'as the date moved on',
};

/** At most this many reasons are written out; the rest are counted. */
const MAX_REASONS = 8;

export const valueWords = (v: string | null) => (v === null ? 'none' : (VALUE_WORDS[v] ?? v));
export const kindWords = (k: SubjectKind) => KIND_WORDS[k];

/** `Corridor Adré → Nyala: open → blocked`; a subject new on the map or gone from it says so. */
export function changeTitle(
  c: Pick<StatusChange, 'subjectKind' | 'subjectName' | 'before' | 'after'>,
): string {
  const what = `${KIND_WORDS[c.subjectKind]} ${c.subjectName}`;
  if (c.before === null) return `${what}: ${valueWords(c.after)} (new)`;
  if (c.after === null) return `${what}: ${valueWords(c.before)} → no longer counts`;
  return `${what}: ${valueWords(c.before)} → ${valueWords(c.after)}`;
}

/** The reasons of the new verdict, one line each, in plain words. */
export function reasonLines(c: Pick<StatusChange, 'reasons' | 'after'>): string[] {
  if (c.after === null) return ['It was deleted, has ended, or is no longer public.'];
  if (c.reasons.length === 0)
    return [
      c.after === 'open' || c.after === 'internal' ? 'Nothing stands in the way on this date.' : '',
    ].filter(Boolean);
  const lines = c.reasons.slice(0, MAX_REASONS).map((r) => r.detail.replace(/[.\s]+$/, ''));
  if (c.reasons.length > MAX_REASONS) lines.push(`and ${c.reasons.length - MAX_REASONS} more`);
  return lines;
}

/**
 * One paragraph for a feed reader: what is now true on which date, what it was, what caused it and why.
 * `withActor` adds who made the write (staff only: the public feeds never name accounts).
 */
export function changeSummary(c: StatusChange, withActor = false): string {
  const cause = CAUSE_WORDS[c.cause] ?? `after: ${c.cause}`;
  const by = withActor && c.actor && c.cause !== 'date' ? ` by ${c.actor}` : '';
  const field = c.field === 'access' ? 'access' : 'status';
  const head =
    c.after === null
      ? `${c.subjectName} no longer counts on ${c.asOf} (its ${field} was ${valueWords(c.before)}), ${cause}${by}.`
      : `${c.subjectName}: ${field} ${valueWords(c.after)} on ${c.asOf}${c.before === null ? '' : ` (was ${valueWords(c.before)})`}, ${cause}${by}.`;
  const why = reasonLines(c);
  const restricted =
    c.sensitivity === 'public' ? '' : ' Staff only: this change depends on records that are not public.';
  return `${head}${why.length ? ` Why: ${why.join('; ')}.` : ''}${restricted}`;
}
