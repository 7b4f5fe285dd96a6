/**
 * `key` of each of `items`, each once, in the order they first appear, added to `into`. For the few reasons of
 * a site or stretch: a `Set` per list cost more than looking through a list of a few.
 *
 * @example distinctKeys([{ code: 'a' }, { code: 'b' }, { code: 'a' }], (r) => r.code) // ['a', 'b']
 */
export function distinctKeys<T>(
  items: readonly T[],
  key: (item: T) => string,
  into: string[] = [],
): string[] {
  for (const item of items) {
    const k = key(item);
    if (!into.includes(k)) into.push(k);
  }
  return into;
}
