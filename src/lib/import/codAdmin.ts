// OCHA's Common Operational Datasets for administrative boundaries (COD-AB) name their fields by level:
// `adm2_pcode`, `adm2_name` (English), `adm2_name1` in the language `lang1` (Arabic in Sudan's), the parent's
// `adm1_pcode`, and `valid_on` / `valid_to`. This reads them for the admin layer.

/**
 * The admin fields of a COD-AB feature's properties, or undefined when they are not COD-AB's. The level is
 * the deepest `admN_pcode` present.
 *
 * @example codAdminValues({ adm1_pcode: 'SD19', adm1_name: 'Abyei PCA', adm1_name1: 'إدارية أبيي', lang1: 'ar' })
 * // { pcode: 'SD19', level: 1, name: 'Abyei PCA', nameAr: 'إدارية أبيي', … }
 */
export function codAdminValues(props: Record<string, unknown>): Record<string, unknown> | undefined {
  const lower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
  const get = (k: string) => {
    const key = lower.get(k);
    return key === undefined ? undefined : props[key];
  };
  const level = [4, 3, 2, 1, 0].find((n) => typeof get(`adm${n}_pcode`) === 'string');
  if (level === undefined) return undefined;
  const out: Record<string, unknown> = {
    pcode: get(`adm${level}_pcode`),
    level,
    name: get(`adm${level}_name`) ?? get(`adm${level}_en`) ?? get(`adm${level}_ref_name`),
  };
  // The Arabic name is in whichever numbered name field the `langN` fields say is Arabic.
  for (const n of ['', '1', '2', '3']) {
    if (get(`lang${n}`) === 'ar') {
      const v = get(`adm${level}_name${n}`);
      if (typeof v === 'string' && v.trim()) out.nameAr = v;
    }
  }
  out.nameAr ??= get(`adm${level}_ar`);
  if (level > 0) out.parentPcode = get(`adm${level - 1}_pcode`);
  out.validFrom = get('valid_on') ?? get('validon');
  out.validTo = get('valid_to') ?? get('validto');
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && v !== null));
}
