import { resolve } from '$app/paths';
import type { DateComparison } from '$lib/domain/schemas';

/**
 * The comparison of two dates from the server (`/compare/export.json`, the same the compare page and the
 * downloads give), of the records the signed-in account may see, or public ones. A refusal (a date outside
 * the scenario) throws with the server's explanation.
 */
export async function fetchComparison(
  from: string,
  to: string,
  signal: AbortSignal,
): Promise<DateComparison> {
  const path = resolve('/compare/export.[format]', { format: 'json' });
  const r = await fetch(`${path}?from=${from}&to=${to}`, { signal });
  const body = (await r.json()) as DateComparison & { description?: string };
  if (!r.ok) throw new Error(body.description ?? `the comparison was refused (${r.status})`);
  return body;
}
