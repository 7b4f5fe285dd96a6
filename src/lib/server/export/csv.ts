import type { Cell } from './layerColumns';

/** A table to write: one header and one HXL hashtag per column, then the rows. */
export interface Table {
  headers: string[];
  hxl: string[];
  rows: Cell[][];
}

// A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) gets a leading
// apostrophe, as OWASP's CSV-injection advice says; numbers are written as numbers and never altered.
const FORMULA = /^[=+\-@\t\r]/;

function cell(v: Cell): string {
  if (v === undefined) return '';
  let s = typeof v === 'string' ? v : String(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled) with the HXL hashtag row right under the header, preceded
 * by a UTF-8 byte order mark so that spreadsheets read Arabic names as UTF-8.
 *
 * @example
 * toCsv({ headers: ['name'], hxl: ['#loc+name'], rows: [['Zamzam, North Darfur']] })
 * // '\uFEFFname\r\n#loc+name\r\n"Zamzam, North Darfur"\r\n'
 */
export function toCsv(t: Table): string {
  const line = (cells: Cell[]) => cells.map(cell).join(',') + '\r\n';
  return '\uFEFF' + line(t.headers) + line(t.hxl) + t.rows.map(line).join('');
}
