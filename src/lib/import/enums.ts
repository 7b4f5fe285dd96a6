import { normalizeKey } from './text';

/**
 * Reads an enumerated value whatever its case and spelling: `'IDP Camp'`, `'idp_camp'`, `'Camp'` all give
 * `idp_camp` when `synonyms` says so. Undefined when nothing matches (the schema then names the valid values).
 *
 * @example enumValue('Refugee camp', ['idp_camp', 'refugee_camp'], {}) // 'refugee_camp'
 */
export function enumValue<T extends string>(
  raw: string,
  values: readonly T[],
  synonyms: Readonly<Record<string, T>> = {},
): T | undefined {
  const key = normalizeKey(raw);
  if (key === '') return undefined;
  const underscored = key.replace(/ /g, '_');
  const direct = values.find((v) => v === underscored);
  if (direct) return direct;
  return synonyms[key];
}

/** Other words for site kinds found in DTM and CCCM files (keys normalized: lower case, single spaces). */
export const siteKindSynonyms = {
  camp: 'idp_camp',
  'idp camp': 'idp_camp',
  'idp site': 'idp_camp',
  'displacement site': 'idp_camp',
  'gathering site': 'idp_camp',
  gathering: 'idp_camp',
  'collective centre': 'idp_camp',
  'collective center': 'idp_camp',
  settlement: 'town',
  'informal settlement': 'idp_camp',
  'refugee settlement': 'refugee_camp',
  city: 'town',
  village: 'town',
  // OpenStreetMap's place values below a town.
  hamlet: 'town',
  'isolated dwelling': 'town',
  suburb: 'town',
  quarter: 'town',
  locality: 'town',
  neighborhood: 'town',
  neighbourhood: 'town',
  'admin unit': 'town',
  'host community': 'town',
  'urban area': 'town',
  hub: 'supply_hub',
  warehouse: 'supply_hub',
  'logistics hub': 'supply_hub',
  airstrip: 'airport',
  airfield: 'airport',
  hospital: 'health_facility',
  clinic: 'health_facility',
  'health centre': 'health_facility',
  'health center': 'health_facility',
  'health post': 'health_facility',
} as const;

/** OSM `highway` values and common road-class words → the three classes of DESIGN.md §2. */
export const roadClassSynonyms = {
  motorway: 'primary',
  trunk: 'primary',
  'motorway link': 'primary',
  'trunk link': 'primary',
  'primary link': 'primary',
  main: 'primary',
  highway: 'primary',
  tertiary: 'secondary',
  'secondary link': 'secondary',
  'tertiary link': 'secondary',
  unclassified: 'track',
  residential: 'track',
  service: 'track',
  path: 'track',
  'dirt road': 'track',
  unpaved: 'track',
} as const;

export const crossingStatusSynonyms = {
  opened: 'open',
  partially: 'restricted',
  'partially open': 'restricted',
  limited: 'restricted',
  shut: 'closed',
} as const;

export const crossingKindSynonyms = {
  border: 'international',
  'border crossing': 'international',
  'cross border': 'international',
  'cross line': 'crossline',
  'crossline point': 'crossline',
} as const;

export const verificationSynonyms = {
  confirmed: 'verified',
  yes: 'verified',
  true: 'verified',
  unconfirmed: 'unverified',
  no: 'unverified',
  false: 'unverified',
  contested: 'disputed',
} as const;

export const sensitivitySynonyms = {
  internal: 'restricted',
  staff: 'restricted',
  secret: 'confidential',
  open: 'public',
} as const;

export const constraintKindSynonyms = {
  floods: 'flood',
  flooding: 'flood',
  bridge: 'bridge_out',
  'bridge down': 'bridge_out',
  'bridge damaged': 'bridge_out',
  'check point': 'checkpoint',
  roadblock: 'checkpoint',
  mines: 'minefield',
  landmines: 'minefield',
  uxo: 'minefield',
} as const;

export const confidenceSynonyms = {
  confirmed: 'assessed',
  control: 'assessed',
  unconfirmed: 'claimed',
  fighting: 'contested',
} as const;

/** `yes`, `true`, `1`, `x`… → true; `no`, `false`, `0` → false; anything else undefined. */
export function booleanValue(raw: string): boolean | undefined {
  const k = normalizeKey(raw);
  if (['yes', 'y', 'true', '1', 'x', 'نعم'].includes(k)) return true;
  if (['no', 'n', 'false', '0', 'لا'].includes(k)) return false;
  return undefined;
}
