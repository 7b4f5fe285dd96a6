/**
 * Remembers what a hazard feature does to the road network, keyed by the identity of its geometry object
 * and a string of the parameters that matter. Stored features keep their geometry object between analyses,
 * so a re-analysis recomputes only hazards whose geometry (e.g. a moved front line) or parameters changed.
 */
export class HazardCache {
  private readonly byGeometry = new WeakMap<object, Map<string, unknown>>();

  get<T>(geometry: object, key: string, compute: () => T): T {
    return cachedIn(this.entriesOf(geometry), key, compute);
  }

  /**
   * The entries of one geometry, for a caller that reads several of them: one look-up in the table of every
   * geometry rather than one per entry (each corridor reads five on every analysis).
   */
  entriesOf(geometry: object): Map<string, unknown> {
    let inner = this.byGeometry.get(geometry);
    if (!inner) {
      inner = new Map();
      this.byGeometry.set(geometry, inner);
    }
    return inner;
  }
}

/** The entry `key` of a geometry's entries, computed and kept when absent. */
function cachedIn<T>(entries: Map<string, unknown>, key: string, compute: () => T): T {
  const known = entries.get(key);
  if (known !== undefined || entries.has(key)) return known as T;
  const value = compute();
  entries.set(key, value);
  return value;
}
