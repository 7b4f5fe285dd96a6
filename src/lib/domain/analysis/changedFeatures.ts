/** The features in one list and not the other (features are never mutated, so the same object is the same). */
export function changedFeatures<T extends object>(last: readonly T[], now: readonly T[]): T[] {
  if (last === now) return [];
  const before = new Set(last);
  const after = new Set(now);
  return [...now.filter((f) => !before.has(f)), ...last.filter((f) => !after.has(f))];
}
