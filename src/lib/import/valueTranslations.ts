// A mapping's value translations (`values`): how a source writes a value → the value of the layer, such as
// UCDP's type of violence `3` → `violence_against_civilians`, or a count of deaths from 10 up → severity 3.
// Values the table does not list are passed on as written, for the layer's own reading to check. Pure.
import { parseNumber } from './numbers';
import { normalizeKey } from './text';
import { text } from './toLayer';

export interface Translator {
  (raw: unknown): unknown;
}

const THRESHOLD = /^>=\s*(-?\d+(?:\.\d+)?)$/;

/**
 * A function translating one field's values by `table`: exact keys (compared normalized, so `Isolated
 * dwelling` finds `isolated_dwelling`) first, then the highest `>=N` key a number reaches.
 *
 * @example translator({ '1': 'hostilities', '>=10': 'x' })('1') // 'hostilities'
 */
export function translator(table: Readonly<Record<string, string>>): Translator {
  const exact = new Map<string, string>();
  const thresholds: [number, string][] = [];
  for (const [key, value] of Object.entries(table)) {
    const m = THRESHOLD.exec(key.trim());
    if (m) thresholds.push([Number(m[1]), value]);
    else exact.set(normalizeKey(key), value);
  }
  thresholds.sort((a, b) => b[0] - a[0]);
  return (raw) => {
    const s = text(raw);
    if (s === undefined) return raw;
    const hit = exact.get(normalizeKey(s));
    if (hit !== undefined) return hit;
    if (thresholds.length === 0) return raw;
    const n = typeof raw === 'number' ? raw : parseNumber(s, 'count');
    if (n === undefined || Number.isNaN(n)) return raw;
    const reached = thresholds.find(([from]) => n >= from);
    return reached ? reached[1] : raw;
  };
}

/** The translators of a mapping's `values`, by field. */
export function translators(
  values: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
): Record<string, Translator> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([field, table]) => [field, translator(table)]));
}
