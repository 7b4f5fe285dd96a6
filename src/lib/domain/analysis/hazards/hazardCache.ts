/**
 * Remembers what a hazard feature does to the road network, keyed by the identity of its geometry object
 * and a string of the parameters that matter. Stored features keep their geometry object between analyses,
 * so a re-analysis recomputes only hazards whose geometry (e.g. a moved front line) or parameters changed.
 */
export class HazardCache {
  private readonly byGeometry = new WeakMap<object, Map<string, unknown>>();

  get<T>(geometry: object, key: string, compute: () => T): T {
    let inner = this.byGeometry.get(geometry);
    if (!inner) {
      inner = new Map();
      this.byGeometry.set(geometry, inner);
    }
    if (inner.has(key)) return inner.get(key) as T;
    const value = compute();
    inner.set(key, value);
    return value;
  }
}
