/**
 * `label`, asked once per distinct key. For the panels' labels: each is a message looked up in the current
 * language, and a list of thousands of entries names a few dozen distinct ones. Made per call of the code that
 * uses it, as the language may change between calls but not within one.
 *
 * @example const accessLabel = onceEach((a: SiteAccess) => ACCESS_LABELS[a].label);
 */
export function onceEach<K extends string>(label: (key: K) => string): (key: K) => string {
  const known = new Map<K, string>();
  return (key) => {
    let l = known.get(key);
    if (l === undefined) known.set(key, (l = label(key)));
    return l;
  };
}
