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
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    // Comparisons, not Math.min and Math.max: this loop over a million items runs once per grid, largely
    // before the optimising compiler takes over, where each of those is a call (the numbers are finite, so
    // the bounds are the same).
    for (let i = 0; i < 4 * n; i += 2) {
      const x = boxes[i];
      const y = boxes[i + 1];
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
    if (n === 0) x0 = y0 = x1 = y1 = 0;
    // No closure reads x0..y1: a variable a closure captures lives in a context object, where every double
    // written in the loop above became a new heap number (most of the 240 MB this constructor allocated).
    let cell = Math.max(cellSize, 1e-9);
    while ((Math.floor((x1 - x0) / cell) + 1) * (Math.floor((y1 - y0) / cell) + 1) > SegmentGrid.MAX_CELLS)
      cell *= 2;
    this.x0 = x0;
    this.y0 = y0;
    this.cell = cell;
    this.nx = Math.floor((x1 - x0) / cell) + 1;
    this.ny = Math.floor((y1 - y0) / cell) + 1;
    const { nx, ny } = this;
    // Two passes over the boxes, the first counting the items of each cell, the second placing them, with the
    // arithmetic of column() and row() inline rather than a method call per item and corner.
    const count = new Int32Array(nx * ny + 1);
    let start = count;
    let items = count;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < n; i++) {
        const ax = boxes[4 * i];
        const ay = boxes[4 * i + 1];
        const bx = boxes[4 * i + 2];
        const by = boxes[4 * i + 3];
        let cx0 = Math.floor(((ax < bx ? ax : bx) - x0) / cell);
        let cy0 = Math.floor(((ay < by ? ay : by) - y0) / cell);
        let cx1 = Math.floor(((ax < bx ? bx : ax) - x0) / cell);
        let cy1 = Math.floor(((ay < by ? by : ay) - y0) / cell);
        cx0 = cx0 < 0 ? 0 : cx0 >= nx ? nx - 1 : cx0;
        cy0 = cy0 < 0 ? 0 : cy0 >= ny ? ny - 1 : cy0;
        cx1 = cx1 < 0 ? 0 : cx1 >= nx ? nx - 1 : cx1;
        cy1 = cy1 < 0 ? 0 : cy1 >= ny ? ny - 1 : cy1;
        for (let cy = cy0; cy <= cy1; cy++)
          for (let cx = cx0; cx <= cx1; cx++)
            if (pass === 0) count[cy * nx + cx + 1]++;
            else items[count[cy * nx + cx]++] = i;
      }
      if (pass === 0) {
        for (let c = 0; c < nx * ny; c++) count[c + 1] += count[c];
        start = count.slice();
        items = new Int32Array(start[nx * ny]);
      }
    }
    this.start = start;
    this.items = items;
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
