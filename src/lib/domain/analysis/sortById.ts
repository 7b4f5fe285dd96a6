/** Comparator putting features in id order: everything the analysis outputs is sorted this way. */
export function byId(a: { properties: { id: string } }, b: { properties: { id: string } }): number {
  return compareStrings(a.properties.id, b.properties.id);
}

/** Locale-independent string order, so output does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
