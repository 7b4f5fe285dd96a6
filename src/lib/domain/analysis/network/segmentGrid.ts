/**
 * A uniform grid over boxes (4 numbers per item in `boxes`), stored as compressed rows: the items of cell
 * c are `items[start[c] .. start[c + 1])`, in item order. Dense, so it suits one country's extent; the cell
 * grows when the extent would need more than MAX_CELLS cells. Built in two linear passes.
 * An item's 4 numbers are two corners in either order: `[minX, minY, maxX, maxY]`, or a segment's two ends
 * `[x0, y0, x1, y1]`, whose box is their extent, so that the road network's packed segments serve as boxes
 * without a copy.
 */
import type { BoxIndex } from '../../geo/createBoxIndex';

export class SegmentGrid implements BoxIndex {
  static readonly MAX_CELLS = 4_000_000;
  readonly x0: number;
  readonly y0: number;
  readonly cell: number;
  readonly nx: number;
  readonly ny: number;
  readonly start: Int32Array;
  readonly items: Int32Array;

  constructor(
    readonly boxes: Float64Array,
    cellSize: number,
  ) {
    const n = boxes.length / 4;
    // Each loop over the items is a function of its own: this constructor runs a few times per build, mostly
    // before the optimising compiler takes over. One function holding all the loops was compiled while its
    // first loop ran, then thrown back to the interpreter as each later loop met code with no type feedback
    // yet, and the interpreter boxes every double it computes (65 MB per million items).
    const [x0, y0, x1, y1] = n === 0 ? [0, 0, 0, 0] : extentOf(boxes);
    let cell = Math.max(cellSize, 1e-9);
    while ((Math.floor((x1 - x0) / cell) + 1) * (Math.floor((y1 - y0) / cell) + 1) > SegmentGrid.MAX_CELLS)
      cell *= 2;
    this.x0 = x0;
    this.y0 = y0;
    this.cell = cell;
    this.nx = Math.floor((x1 - x0) / cell) + 1;
    this.ny = Math.floor((y1 - y0) / cell) + 1;
    // Two passes over the boxes, the first counting the items of each cell, the second placing them. The
    // first notes the cell of each item that lies in one cell alone (most of them: cells are about three
    // segments long), so that the second finds it without the four divisions that make a cell range.
    const cells = this.nx * this.ny;
    const count = new Int32Array(cells + 1);
    const onlyCell = new Int32Array(n);
    countPerCell(boxes, x0, y0, cell, this.nx, this.ny, count, onlyCell);
    sumInPlace(count);
    this.items = new Int32Array(count[cells]);
    placeItems(boxes, x0, y0, cell, this.nx, this.ny, count, onlyCell, this.items);
    // Placing advanced each cell's start to the next cell's: shifted up by one, the counts are the starts
    // again, without a copy of a table that has up to MAX_CELLS entries.
    count.copyWithin(1, 0, cells);
    count[0] = 0;
    this.start = count;
  }

  column(x: number): number {
    const c = Math.floor((x - this.x0) / this.cell);
    return c < 0 ? 0 : c >= this.nx ? this.nx - 1 : c;
  }

  row(y: number): number {
    const c = Math.floor((y - this.y0) / this.cell);
    return c < 0 ? 0 : c >= this.ny ? this.ny - 1 : c;
  }

  get size(): number {
    return this.boxes.length / 4;
  }

  /**
   * Items whose box meets the query box (and pass `filter`), in the order of the cells (row by row) in which
   * each is first met (no particular order, as flatbush). An item spanning several cells of the query is taken
   * in one alone, the first the scan meets: the later of the query's first column and the item's, and the later
   * of the two first rows (the item's found by the arithmetic that placed it, so it is a cell holding it). That
   * is found from the item's box, which the test reads anyway; a table of the items already met, which this
   * replaces, cost a read and a write at a scattered place per item met, and was most of the time of a search.
   */
  search(minX: number, minY: number, maxX: number, maxY: number, filter?: (i: number) => boolean): number[] {
    const out: number[] = [];
    if (this.items.length === 0) return out;
    // No callback per item (only with a filter): one cost more than the test it made.
    const b = this.boxes;
    const { start, items, nx } = this;
    const cx0 = this.column(minX);
    const cx1 = this.column(maxX);
    const cy0 = this.row(minY);
    const cy1 = this.row(maxY);
    for (let cy = cy0; cy <= cy1; cy++)
      for (let cx = cx0; cx <= cx1; cx++) {
        const c = cy * nx + cx;
        const end = start[c + 1];
        for (let k = start[c]; k < end; k++) {
          const i = items[k];
          const ax = b[4 * i];
          const bx = b[4 * i + 2];
          const loX = ax < bx ? ax : bx;
          if (loX > maxX || (ax < bx ? bx : ax) < minX) continue;
          const ay = b[4 * i + 1];
          const by = b[4 * i + 3];
          const loY = ay < by ? ay : by;
          if (loY > maxY || (ay < by ? by : ay) < minY) continue;
          // Taken in its first cell of the query alone.
          if ((cx !== cx0 && this.column(loX) !== cx) || (cy !== cy0 && this.row(loY) !== cy)) continue;
          if (!filter || filter(i)) out.push(i);
        }
      }
    return out;
  }

  /** Not offered by the grid (nearest-first search is what the tree is for). */
  neighbors(): number[] {
    throw new Error('SegmentGrid does not search by distance');
  }

  /** `search`'s items, in its order, given to `f` one by one. */
  forEach(minX: number, minY: number, maxX: number, maxY: number, f: (i: number) => void): void {
    for (const i of this.search(minX, minY, maxX, maxY)) f(i);
  }
}

/** The extent of the items' corners, `[minX, minY, maxX, maxY]`. */
function extentOf(boxes: Float64Array): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  // Math.min and Math.max, not comparisons and assignments: V8 kept the loop written with `if (x < x0) x0 = x`
  // out of its optimised code and boxed every coordinate read (64 MB per million items), where this form is
  // compiled to plain arithmetic. The numbers are finite, so the bounds are the same.
  for (let i = 0; i < boxes.length; i += 2) {
    x0 = Math.min(x0, boxes[i]);
    y0 = Math.min(y0, boxes[i + 1]);
    x1 = Math.max(x1, boxes[i]);
    y1 = Math.max(y1, boxes[i + 1]);
  }
  return [x0, y0, x1, y1];
}

/** The column or row of coordinate `v` on an axis starting at `origin`, with `n` cells of size `cell`. */
function cellOn(v: number, origin: number, cell: number, n: number): number {
  const c = Math.floor((v - origin) / cell);
  return c < 0 ? 0 : c >= n ? n - 1 : c;
}

/**
 * The cells that the box of the item whose numbers start at `boxes[i]` overlaps: columns `range[0] ..
 * range[2]` and rows `range[1] .. range[3]`, written into `range` (no array per item). The two passes of the
 * constructor share it, so that they cannot place an item in other cells than they counted for it.
 */
function cellRange(
  boxes: Float64Array,
  i: number,
  x0: number,
  y0: number,
  cell: number,
  nx: number,
  ny: number,
  range: Int32Array,
): void {
  const ax = boxes[i];
  const ay = boxes[i + 1];
  const bx = boxes[i + 2];
  const by = boxes[i + 3];
  range[0] = cellOn(ax < bx ? ax : bx, x0, cell, nx);
  range[1] = cellOn(ay < by ? ay : by, y0, cell, ny);
  range[2] = cellOn(ax < bx ? bx : ax, x0, cell, nx);
  range[3] = cellOn(ay < by ? by : ay, y0, cell, ny);
}

/**
 * Adds one to `count[c + 1]` for each cell c that each item's box overlaps; `onlyCell[item]` is that cell when
 * the box overlaps one alone, -1 when it overlaps several.
 */
function countPerCell(
  boxes: Float64Array,
  x0: number,
  y0: number,
  cell: number,
  nx: number,
  ny: number,
  count: Int32Array,
  onlyCell: Int32Array,
): void {
  const range = new Int32Array(4);
  for (let i = 0; i < boxes.length; i += 4) {
    cellRange(boxes, i, x0, y0, cell, nx, ny, range);
    const cx0 = range[0];
    const cy0 = range[1];
    const cx1 = range[2];
    const cy1 = range[3];
    onlyCell[i / 4] = cx0 === cx1 && cy0 === cy1 ? cy0 * nx + cx0 : -1;
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) count[cy * nx + cx + 1]++;
  }
}

/** Running sums in place: `count[c]` becomes the sum of `count[0 .. c]`. */
function sumInPlace(count: Int32Array): void {
  for (let c = 1; c < count.length; c++) count[c] += count[c - 1];
}

/**
 * Puts each item in the cells its box overlaps, in item order, at `next[c]` (advanced) for cell c; an item of
 * one cell alone in `onlyCell`'s (see countPerCell).
 */
function placeItems(
  boxes: Float64Array,
  x0: number,
  y0: number,
  cell: number,
  nx: number,
  ny: number,
  next: Int32Array,
  onlyCell: Int32Array,
  items: Int32Array,
): void {
  const range = new Int32Array(4);
  for (let i = 0; i < boxes.length; i += 4) {
    const only = onlyCell[i / 4];
    if (only >= 0) {
      items[next[only]++] = i / 4;
      continue;
    }
    cellRange(boxes, i, x0, y0, cell, nx, ny, range);
    const cx0 = range[0];
    const cx1 = range[2];
    const cy1 = range[3];
    for (let cy = range[1]; cy <= cy1; cy++)
      for (let cx = cx0; cx <= cx1; cx++) items[next[cy * nx + cx]++] = i / 4;
  }
}
