import type { TableColumn } from './columnDetection';
import { normalizeKey } from './text';

/** FNV-1a, 32 bits: a short, stable signature (not a security measure). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The key a column mapping is remembered under: the format and a signature of the header (names and tags,
 * normalized), so next month's file of the same source, with the same columns, finds its mapping again.
 *
 * @example sourceKeyOf('csv', [{ name: 'Lat' }, { name: 'Lon' }]) // 'csv:2:…'
 */
export function sourceKeyOf(format: string, columns: readonly TableColumn[]): string {
  const signature = columns.map((c) => `${normalizeKey(c.name)}|${c.tag ?? ''}`).join('\u001f');
  return `${format}:${columns.length}:${fnv1a(signature)}`;
}
