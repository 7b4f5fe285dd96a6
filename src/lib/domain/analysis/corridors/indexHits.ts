import type { BoxIndex } from '../../geo/createBoxIndex';

/**
 * What a box index search finds, written into one reusable typed array rather than a new list per search:
 * a corridor's stored-feature stretches search three indexes per segment of every corridor on the first
 * analysis, and those lists were most of what that part allocated.
 */
export class IndexHits {
  items = new Int32Array(64);
  count = 0;

  /** The search's filter: records the item and declines it, so the search's own list stays empty. */
  private readonly collect = (i: number): boolean => {
    if (this.count === this.items.length) {
      const grown = new Int32Array(2 * this.items.length);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.count++] = i;
    return false;
  };

  /** Searches `index` (in the order its `search` would list them); the items are `items[0 .. count)`. */
  search(index: BoxIndex, minX: number, minY: number, maxX: number, maxY: number): number {
    this.count = 0;
    index.search(minX, minY, maxX, maxY, this.collect);
    return this.count;
  }
}
