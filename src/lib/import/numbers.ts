import { westernDigits } from './text';

/**
 * Reads a number as people write it in humanitarian spreadsheets. `kind` settles the one real ambiguity, a
 * single comma: in a coordinate (`12,5061`) it is a decimal comma, in a count (`1,300`) a thousands separator.
 * Spaces and non-breaking spaces between digit groups are thousands separators. Undefined when it is not a
 * number.
 *
 * @example parseNumber('12,50615', 'coordinate') // 12.50615
 * @example parseNumber('1,300', 'count') // 1300
 */
export function parseNumber(
  raw: string,
  kind: 'coordinate' | 'count' | 'decimal' = 'decimal',
): number | undefined {
  let s = westernDigits(raw)
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return undefined;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) && kind !== 'coordinate') s = s.replace(/,/g, '');
  else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A whole number (counts, phases, levels); undefined when absent or not whole. */
export function parseInteger(raw: string): number | undefined {
  const n = parseNumber(raw, 'count');
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}
