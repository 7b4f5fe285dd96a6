import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { SegmentGrid } from '$lib/domain/analysis/network/segmentGrid';

// The grid's constructor places an item that lies in one cell alone from the cell its counting pass noted, and
// turns the counts back into the cells' starts in place. These compare its cells with those of the plain
// construction: every cell of every item's box, items in index order within a cell.

/** Each cell's items, found by testing every item's cell range, as [start, items]. */
function plainCells(grid: SegmentGrid, boxes: Float64Array): [number[], number[]] {
  const lists: number[][] = Array.from({ length: grid.nx * grid.ny }, () => []);
  for (let i = 0; i < boxes.length / 4; i++) {
    const [ax, ay, bx, by] = boxes.subarray(4 * i, 4 * i + 4);
    for (let cy = grid.row(Math.min(ay, by)); cy <= grid.row(Math.max(ay, by)); cy++)
      for (let cx = grid.column(Math.min(ax, bx)); cx <= grid.column(Math.max(ax, bx)); cx++)
        lists[cy * grid.nx + cx].push(i);
  }
  const start = [0];
  for (const list of lists) start.push(start[start.length - 1] + list.length);
  return [start, lists.flat()];
}

describe('SegmentGrid cells', () => {
  it('holds each item in every cell its box overlaps, in index order, with the plain starts', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = mulberry32(7000 + seed);
      const n = Math.floor(rand() * 500);
      const boxes = new Float64Array(4 * n);
      for (let i = 0; i < n; i++) {
        const x = rand() * 10;
        const y = rand() * 10;
        // Mostly small boxes (one cell), some spanning several cells, some points on cell borders.
        const w = rand() < 0.15 ? rand() * 3 : rand() < 0.2 ? 0 : rand() * 0.2;
        const h = rand() < 0.15 ? rand() * 3 : rand() < 0.2 ? 0 : rand() * 0.2;
        const [px, py] = rand() < 0.1 ? [Math.round(x), Math.round(y)] : [x, y];
        boxes.set(rand() < 0.5 ? [px, py, px + w, py + h] : [px + w, py + h, px, py], 4 * i);
      }
      const grid = new SegmentGrid(boxes, 0.1 + rand());
      const [start, items] = plainCells(grid, boxes);
      expect([...grid.start], `seed ${seed}`).toEqual(start);
      expect([...grid.items], `seed ${seed}`).toEqual(items);
    }
  });
});
