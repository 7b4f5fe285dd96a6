import type { LayerName } from '$lib/domain/schemas';
import { fieldOfTag, hxlRules, ruleOfTag } from './hxl';
import { normalizeKey } from './text';

/** A column of a table: its (unique) header, its HXL tag, the group-row label above it. */
export interface TableColumn {
  name: string;
  tag?: string;
  group?: string;
}

/**
 * Header names (normalized: lower case, `_ - . : / ( )` as spaces) that say which field a column holds, in
 * English and Arabic. `exact` names are tried on every column before `contains` words, so `latitude` beats
 * a column that merely mentions it. Checked against the real files in `docs/import.md`.
 */
const headerNames: Record<string, { exact: string[]; contains?: string[] }> = {
  lat: {
    exact: [
      'lat',
      'latitude',
      'gps latitude',
      'y',
      'lat y',
      'latitude y',
      'lat dd',
      'decimal latitude',
      'y coord',
      'خط العرض',
      'العرض',
      'دائرة العرض',
    ],
    contains: ['latitude', 'خط العرض'],
  },
  lon: {
    exact: [
      'lon',
      'long',
      'lng',
      'longitude',
      'gps longitude',
      'x',
      'lon x',
      'longitude x',
      'lon dd',
      'long dd',
      'decimal longitude',
      'x coord',
      'خط الطول',
      'الطول',
    ],
    contains: ['longitude', 'خط الطول'],
  },
  id: {
    exact: [
      'id',
      'site id',
      'site code',
      'location id',
      'location code',
      'reg location',
      'ssid',
      'code',
      'uid',
      'identifier',
      'event id',
      'event id cnty',
      'feature id',
    ],
  },
  name: {
    exact: [
      'name',
      'site name',
      'location name',
      'location',
      'site',
      'camp name',
      'camp',
      'name en',
      'name english',
      'english name',
      'الاسم',
      'اسم الموقع',
    ],
  },
  nameAr: {
    exact: [
      'name ar',
      'name arabic',
      'arabic name',
      'location arabic',
      'location name arabic',
      'site name arabic',
      'name in arabic',
      'الاسم بالعربية',
      'الاسم بالعربي',
    ],
    contains: ['arabic'],
  },
  date: {
    exact: [
      'date',
      // UCDP GED: the event's first day, not `source_date` (the date of the report), which comes first.
      'date start',
      'assessment date',
      'event date',
      'report date',
      'reporting date',
      'survey date',
      'as of',
      'التاريخ',
    ],
    contains: ['date', 'تاريخ'],
  },
  source: { exact: ['source', 'sources', 'data source', 'المصدر'] },
  sourceUrl: { exact: ['source url', 'url', 'link'] },
  sensitivity: { exact: ['sensitivity', 'classification level', 'visibility'] },
  note: { exact: ['note', 'comment', 'comments', 'remarks'] },
  validFrom: { exact: ['valid from', 'valid on', 'start date', 'from'] },
  validTo: { exact: ['valid to', 'valid until', 'end date', 'to'] },
  population: {
    exact: [
      'population',
      'individuals',
      'idps',
      'idp individuals',
      'idps individuals',
      'persons',
      'people',
      'total individuals',
      'ind',
      'عدد الأفراد',
      'الأفراد',
    ],
    contains: ['individuals'],
  },
  households: {
    exact: ['households', 'hhs', 'hh', 'families', 'idp households', 'الأسر'],
    contains: ['households'],
  },
  kind: {
    exact: [
      'kind',
      'site type',
      'location classification',
      'classification',
      'site kind',
      'camp type',
      'type',
      // OpenStreetMap (HOT exports): `place=village`, `place=town`…
      'place',
    ],
  },
  country: {
    exact: ['country', 'country code', 'iso3', 'iso 3', 'country iso3', 'adm0 pcode', 'البلد', 'الدولة'],
  },
  hub: { exact: ['hub', 'supply hub'] },
  precisionKm: { exact: ['precision km', 'precisionkm'] },
  ipcPhase: { exact: ['ipc phase', 'ipc', 'phase', 'ipc phase classification', 'ipcphase'] },
  famine: { exact: ['famine', 'famine finding'] },
  category: { exact: ['category', 'access category', 'constraint category', 'event type'] },
  subType: { exact: ['sub event type', 'subtype', 'sub type'] },
  severity: { exact: ['severity', 'severity level'] },
  verification: { exact: ['verification', 'verified', 'verification status'] },
  description: { exact: ['description', 'notes', 'details', 'summary', 'الوصف'] },
  fatalities: { exact: ['fatalities', 'deaths', 'killed', 'dead'] },
  status: { exact: ['status', 'crossing status'] },
  countries: { exact: ['countries'] },
  class: { exact: ['class', 'road class', 'highway', 'road type'] },
  impassableMonths: { exact: ['impassable months', 'impassablemonths'] },
  fromSiteId: { exact: ['from site', 'from site id', 'fromsiteid', 'origin'] },
  toSiteId: { exact: ['to site', 'to site id', 'tositeid', 'destination'] },
  actorId: { exact: ['actor', 'actor id', 'actorid', 'held by', 'controlled by'] },
  confidence: { exact: ['confidence'] },
  pcode: { exact: ['pcode', 'p code', 'admin pcode'] },
  level: { exact: ['level', 'admin level', 'adm level'] },
  parentPcode: { exact: ['parent pcode', 'parentpcode', 'parent'] },
  ...Object.fromEntries(
    [4, 3, 2, 1].flatMap((n) => {
      const unit = {
        1: ['state', 'province', 'governorate'],
        2: ['locality', 'district'],
        3: ['admin3'],
        4: ['admin4'],
      }[n]!;
      return [
        [
          `adm${n}Pcode`,
          {
            exact: [
              `adm${n} pcode`,
              `admin${n} pcode`,
              `admin${n}pcode`,
              `adm${n} code`,
              `admin${n} code`,
              ...unit.flatMap((u) => [`${u} code`, `${u} pcode`]),
            ],
          },
        ],
        [
          `adm${n}Name`,
          {
            exact: [`adm${n} name`, `admin${n} name`, `adm${n} en`, ...unit.flatMap((u) => [u, `${u} name`])],
          },
        ],
      ];
    }),
  ),
};

/** The fields each layer reads from a table; a column is only matched to a field of the target layer. */
const common = ['id', 'name', 'nameAr', 'source', 'sourceUrl', 'sensitivity', 'note'];
const validity = ['validFrom', 'validTo'];
const points = ['lat', 'lon'];
const adminLevels = [4, 3, 2, 1].flatMap((n) => [`adm${n}Pcode`, `adm${n}Name`, `adm${n}NameAr`]);
export const layerFields: Record<LayerName, readonly string[]> = {
  areas: [...common, ...validity, 'actorId', 'confidence'],
  frontlines: [...common, ...validity],
  sites: [
    ...common,
    ...validity,
    ...points,
    'kind',
    'country',
    'hub',
    'precisionKm',
    'date',
    'population',
    'ipcPhase',
    'famine',
  ],
  crossings: [...common, ...validity, ...points, 'kind', 'status', 'date', 'countries'],
  roads: [...common, ...validity, 'class', 'impassableMonths'],
  corridors: [...common, ...validity, 'fromSiteId', 'toSiteId', 'description'],
  incidents: [
    ...common,
    ...points,
    // Only for the check that the event plots in the country the file says; the layer does not keep it.
    'country',
    'date',
    'category',
    'subType',
    'severity',
    'verification',
    'description',
    'fatalities',
  ],
  constraints: [...common, ...validity, ...points, 'kind', 'severity', 'description'],
  admin: [
    ...common,
    ...validity,
    'pcode',
    'level',
    'parentPcode',
    'date',
    'population',
    'households',
    ...adminLevels,
  ],
};

/**
 * Every column that may hold a coordinate of `axis`, by tag or header, the detected one first: a file can
 * have several (decimal degrees, packed DMS, the same again at another precision), and the values decide.
 */
export function coordinateColumns(
  columns: readonly TableColumn[],
  axis: 'lat' | 'lon',
  detected: string | undefined,
): string[] {
  const names = headerNames[axis];
  const hits = columns
    .filter((c) => {
      if (c.tag && fieldOfTag(c.tag) === axis) return true;
      const key = normalizeKey(c.name.replace(/ \(\d+\)$/, ''));
      return names.exact.includes(key) || (names.contains ?? []).some((w) => key.includes(w));
    })
    .map((c) => c.name);
  return detected === undefined ? hits : [detected, ...hits.filter((n) => n !== detected)];
}

/**
 * Which column feeds which field of `layer`: HXL tags first (they say what a column holds), then exact
 * header names, then header words. The first column wins, so of two "Individuals" columns the first (in
 * DTM files, the latest round) is used. A field `given` by the user (a remembered mapping) overrides all.
 */
export function detectMapping(
  columns: readonly TableColumn[],
  layer: LayerName,
  given: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const wanted = new Set(layerFields[layer]);
  const fields: Record<string, string> = {};
  const taken = new Set<string>();
  const assign = (field: string, column: string) => {
    if (!wanted.has(field) || fields[field] !== undefined || taken.has(column)) return;
    fields[field] = column;
    taken.add(column);
  };
  for (const [field, column] of Object.entries(given)) {
    fields[field] = column;
    taken.add(column);
  }
  const tagged = columns
    .map((c) => ({ name: c.name, rule: c.tag ? ruleOfTag(c.tag) : -1 }))
    .filter((c) => c.rule >= 0)
    .sort((a, b) => a.rule - b.rule);
  for (const c of tagged) assign(hxlRules[c.rule].field, c.name);
  const keys = columns.map((c) => ({ name: c.name, key: normalizeKey(c.name.replace(/ \(\d+\)$/, '')) }));
  for (const [field, names] of Object.entries(headerNames)) {
    const hit = keys.find((k) => !taken.has(k.name) && names.exact.includes(k.key));
    if (hit) assign(field, hit.name);
  }
  for (const [field, names] of Object.entries(headerNames)) {
    if (!names.contains) continue;
    const hit = keys.find((k) => !taken.has(k.name) && names.contains!.some((w) => k.key.includes(w)));
    if (hit) assign(field, hit.name);
  }
  return fields;
}
