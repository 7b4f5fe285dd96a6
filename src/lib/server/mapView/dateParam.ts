import { error } from '@sveltejs/kit';
import { isoDate } from '$lib/domain/schemas';

/** The `date` parameter of a map request (`YYYY-MM-DD`), or `fallback`; a bad one is a 400 naming it. */
export function dateParam(url: URL, fallback?: string): string {
  const raw = url.searchParams.get('date') ?? fallback;
  if (raw === undefined) error(400, 'parameter "date" is missing: give a date as YYYY-MM-DD');
  if (!isoDate.safeParse(raw).success)
    error(400, `date "${raw}" is not a date as YYYY-MM-DD (parameter "date")`);
  return raw;
}
