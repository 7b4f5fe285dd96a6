// HXL, the Humanitarian Exchange Language (https://hxlstandard.org/standard/1-1final/): a row of hashtags
// such as `#adm2+pcode` or `#affected+idps+ind` under (or instead of) the header row says what each column
// holds, whatever its header says. Tags are read here; `columnDetection.ts` prefers them to header names.

/** A tag split into its hashtag and attributes: `#Affected +IDPs +ind` → `affected`, {idps, ind}. */
export interface HxlTag {
  hashtag: string;
  attributes: Set<string>;
}

const TAG = /^#\s*([A-Za-z][A-Za-z0-9_]*)((\s*\+\s*[A-Za-z][A-Za-z0-9_]*)*)\s*$/;

export function parseHxlTag(cell: string): HxlTag | undefined {
  const m = TAG.exec(cell.trim());
  if (!m) return undefined;
  const attributes = new Set(
    m[2]
      .split('+')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
  );
  return { hashtag: m[1].toLowerCase(), attributes };
}

/**
 * A hashtag row: more than half of its non-empty cells are HXL tags (the rule HXL tools use, so a row with
 * one stray `#` in a comment is not mistaken for one). Columns without a tag are allowed.
 */
export function isHashtagRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length === 0) return false;
  const tags = filled.filter((c) => parseHxlTag(c) !== undefined).length;
  return tags > 0 && tags * 2 > filled.length;
}

/** Which HXL tag feeds which field: the first rule a tag satisfies wins, so specific rules come first. */
interface HxlRule {
  field: string;
  hashtag: string;
  /** Attributes the tag must have. */
  with?: string[];
  /** Attributes the tag must not have. */
  without?: string[];
}

export const hxlRules: readonly HxlRule[] = [
  { field: 'lat', hashtag: 'geo', with: ['lat'] },
  { field: 'lon', hashtag: 'geo', with: ['lon'] },
  { field: 'nameAr', hashtag: 'loc', with: ['name', 'i_ar'] },
  { field: 'nameAr', hashtag: 'loc', with: ['name', 'ar'] },
  { field: 'name', hashtag: 'loc', with: ['name'] },
  { field: 'name', hashtag: 'site', with: ['name'] },
  { field: 'id', hashtag: 'loc', with: ['code'] },
  { field: 'id', hashtag: 'site', with: ['code'] },
  { field: 'id', hashtag: 'event', with: ['id'] },
  { field: 'id', hashtag: 'event', with: ['code'] },
  ...[4, 3, 2, 1, 0].flatMap((level) => [
    { field: `adm${level}Pcode`, hashtag: `adm${level}`, with: ['pcode'] },
    { field: `adm${level}Pcode`, hashtag: `adm${level}`, with: ['code'] },
    { field: `adm${level}NameAr`, hashtag: `adm${level}`, with: ['name', 'i_ar'] },
    { field: `adm${level}Name`, hashtag: `adm${level}`, with: ['name'] },
  ]),
  { field: 'households', hashtag: 'affected', with: ['hh'] },
  { field: 'households', hashtag: 'affected', with: ['households'] },
  { field: 'households', hashtag: 'population', with: ['hh'] },
  { field: 'fatalities', hashtag: 'affected', with: ['killed'] },
  { field: 'population', hashtag: 'affected', with: ['idps'] },
  { field: 'population', hashtag: 'affected', with: ['ind'] },
  { field: 'population', hashtag: 'population', without: ['hh'] },
  // UCDP's HXL: `#date+start` is the event's first day; `#date+year` only its year.
  { field: 'date', hashtag: 'date', with: ['start'] },
  { field: 'date', hashtag: 'date', without: ['year', 'end'] },
  { field: 'date', hashtag: 'date' },
  { field: 'category', hashtag: 'event', with: ['type'], without: ['sub'] },
  { field: 'subType', hashtag: 'event', with: ['type', 'sub'] },
  { field: 'description', hashtag: 'description' },
  { field: 'description', hashtag: 'event', with: ['description'] },
  { field: 'source', hashtag: 'meta', with: ['source'] },
  { field: 'source', hashtag: 'source' },
  { field: 'country', hashtag: 'country', with: ['code'] },
  { field: 'severity', hashtag: 'severity' },
  { field: 'status', hashtag: 'status' },
  { field: 'kind', hashtag: 'loc', with: ['type'] },
  { field: 'kind', hashtag: 'site', with: ['type'] },
];

/**
 * The index of the first rule a tag satisfies, or -1: of two columns tagged for one field, the one whose
 * rule comes first wins (`#date+start` over `#date+year`), whatever their order in the file.
 */
export function ruleOfTag(tag: string): number {
  const t = parseHxlTag(tag);
  if (!t) return -1;
  return hxlRules.findIndex(
    (r) =>
      r.hashtag === t.hashtag &&
      (r.with ?? []).every((a) => t.attributes.has(a)) &&
      !(r.without ?? []).some((a) => t.attributes.has(a)),
  );
}

/** The field a tag feeds, or undefined for tags Corridor does not use (they stay plain columns). */
export function fieldOfTag(tag: string): string | undefined {
  return hxlRules[ruleOfTag(tag)]?.field;
}
