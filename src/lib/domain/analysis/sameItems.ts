/** Whether two lists hold the same items in the same order (`===`); two missing lists are the same. */
export function sameItems<T>(a: ArrayLike<T> | undefined, b: ArrayLike<T> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
