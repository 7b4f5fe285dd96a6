// The shape of a spreadsheet exported to CSV: title rows, a group row, the header, an HXL hashtag row, then
// data. Found from the first rows, so a table can be read as a stream without holding the file.
import type { TableColumn } from './columnDetection';
import { isHashtagRow } from './hxl';
import { parseNumber } from './numbers';
import { cleanCell } from './text';

/** One record of the file with the 1-based line it starts on. */
export interface TableRecord {
  line: number;
  cells: string[];
}

export interface TableLayout {
  columns: TableColumn[];
  /** 1-based line of the header row, and of the hashtag row when there is one. */
  headerLine: number;
  hashtagLine?: number;
  /** Text of the rows above the header (titles), where a date of the whole table may be written. */
  titles: string[];
}

/** How many records are looked at to find the header: title blocks longer than this are not expected. */
export const LAYOUT_LOOKAHEAD = 40;

const filledCount = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;
const isNumeric = (c: string) => parseNumber(c) !== undefined;

/** A header row is mostly text; a data row is often mostly numbers. */
function mostlyText(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.filter((c) => !isNumeric(c)).length * 2 >= filled.length;
}

/**
 * Finds the header among the first records: the row just above the HXL hashtag row when there is one;
 * otherwise the first mostly-text row filled at least half as much as the fullest row (title rows such as
 * "DTM SUDAN: IDP Master List 17-Dec-2024" and sparse group rows such as "Round 1 … Round 0" are not).
 * `headerIndex` forces it (the user's mapping says how many lines come before the header).
 */
export function findLayout(
  records: readonly TableRecord[],
  headerIndex?: number,
): { header: number; hashtag?: number } | undefined {
  if (records.length === 0) return undefined;
  const hashtag = records.findIndex((r) => isHashtagRow(r.cells));
  if (headerIndex !== undefined) {
    const forced = Math.min(headerIndex, records.length - 1);
    return { header: forced, hashtag: hashtag === forced + 1 || hashtag === forced ? hashtag : undefined };
  }
  if (hashtag >= 0) {
    const above = records[hashtag - 1];
    const usable =
      above && mostlyText(above.cells) && filledCount(above.cells) * 2 >= filledCount(records[hashtag].cells);
    return { header: usable ? hashtag - 1 : hashtag, hashtag };
  }
  const most = Math.max(...records.map((r) => filledCount(r.cells)));
  const header = records.findIndex((r) => {
    const n = filledCount(r.cells);
    return n >= Math.max(1, Math.ceil(most / 2)) && mostlyText(r.cells);
  });
  return { header: header < 0 ? 0 : header };
}

/**
 * Column names from the header: cleaned, blanks named `column N`, repeats numbered (`Individuals`,
 * `Individuals (2)`) so every column can be named in a mapping; the group row above, when there is one,
 * labels the columns under each of its cells (a merged cell spans until the next label).
 */
export function columnsOf(
  header: readonly string[],
  tags?: readonly string[],
  group?: readonly string[],
): TableColumn[] {
  const seen = new Map<string, number>();
  let groupLabel = '';
  const width = Math.max(header.length, tags?.length ?? 0);
  return Array.from({ length: width }, (_, i) => {
    const base = cleanCell(header[i] ?? '') || cleanCell(tags?.[i] ?? '') || `column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    const column: TableColumn = { name: n === 1 ? base : `${base} (${n})` };
    const tag = cleanCell(tags?.[i] ?? '');
    if (tag.startsWith('#')) column.tag = tag;
    if (group) {
      const g = cleanCell(group[i] ?? '');
      if (g) groupLabel = g;
      if (groupLabel) column.group = groupLabel;
    }
    return column;
  });
}

/**
 * Reads a table record by record: holds the first records until the layout is known, then hands every data
 * row over as it comes. Empty rows are skipped.
 */
export class TableReader {
  private pending: TableRecord[] = [];
  private layout: TableLayout | undefined;

  constructor(
    private readonly onLayout: (layout: TableLayout) => void,
    private readonly onRow: (row: TableRecord) => void,
    private readonly headerIndex?: number,
  ) {}

  push(record: TableRecord): void {
    if (this.layout) {
      if (filledCount(record.cells) > 0) this.onRow(record);
      return;
    }
    if (filledCount(record.cells) === 0 && this.pending.length === 0) return;
    this.pending.push(record);
    const enough =
      this.pending.length >= LAYOUT_LOOKAHEAD ||
      (this.headerIndex === undefined && this.pending.some((r) => isHashtagRow(r.cells)));
    if (enough) this.settle();
  }

  end(): TableLayout | undefined {
    if (!this.layout) this.settle();
    return this.layout;
  }

  private settle(): void {
    const records = this.pending.filter((r) => filledCount(r.cells) > 0);
    this.pending = [];
    const found = findLayout(records, this.headerIndex);
    if (!found) return;
    const header = records[found.header];
    const tagRow = found.hashtag !== undefined ? records[found.hashtag] : undefined;
    const before = records.slice(0, Math.min(found.header, found.hashtag ?? found.header));
    // The last row above the header with several labels is a group row; single-cell rows are titles.
    const groupRow =
      before.length > 0 && filledCount(before[before.length - 1].cells) > 1
        ? before[before.length - 1]
        : undefined;
    const headerCells = found.hashtag === found.header ? [] : header.cells;
    this.layout = {
      columns: columnsOf(headerCells, tagRow?.cells, groupRow?.cells),
      headerLine: header.line,
      hashtagLine: tagRow?.line,
      titles: before
        .filter((r) => r !== groupRow)
        .map((r) => r.cells.map(cleanCell).filter(Boolean).join(' ')),
    };
    this.onLayout(this.layout);
    const dataFrom = Math.max(found.header, found.hashtag ?? -1) + 1;
    for (const r of records.slice(dataFrom)) this.onRow(r);
  }
}
