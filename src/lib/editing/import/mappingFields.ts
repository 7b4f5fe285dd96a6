// The fields of a layer a table column can feed, and their labels, for the column-mapping selects.
// Pure; tested in tests/unit.
import type { LayerName } from '$lib/domain/schemas/layers';
import { layerFields } from '$lib/import/columnDetection';
import type { ImportPreview } from '$lib/import/types';

const labels: Record<string, string> = {
  id: 'Id',
  name: 'Name',
  nameAr: 'Name in Arabic',
  lat: 'Latitude',
  lon: 'Longitude',
  date: 'Date',
  population: 'Population',
  households: 'Households',
  source: 'Source',
  sourceUrl: 'Source link',
  sensitivity: 'Sensitivity',
  note: 'Note',
  kind: 'Kind',
  country: 'Country',
  hub: 'Supply hub',
  precisionKm: 'Position precision (km)',
  ipcPhase: 'IPC phase',
  famine: 'Famine finding',
  validFrom: 'Valid from',
  validTo: 'Valid until',
  category: 'Category',
  subType: 'Sub-type',
  severity: 'Severity',
  verification: 'Verification',
  description: 'Description',
  fatalities: 'Fatalities',
  status: 'Status',
  countries: 'Countries',
  class: 'Road class',
  impassableMonths: 'Impassable months',
  fromSiteId: 'From site',
  toSiteId: 'To site',
  actorId: 'Actor',
  confidence: 'Confidence',
  pcode: 'P-code',
  level: 'Admin level',
  parentPcode: 'Parent P-code',
};

/** A field's label: `Latitude` for `lat`, `Admin 2 P-code` for `adm2Pcode`; an unknown field by its name. */
export function fieldLabel(field: string): string {
  const admin = /^adm([1-4])(Pcode|Name|NameAr)$/.exec(field);
  if (admin) {
    const what = { Pcode: 'P-code', Name: 'name', NameAr: 'name in Arabic' }[admin[2]];
    return `Admin ${admin[1]} ${what}`;
  }
  return labels[field] ?? field;
}

/**
 * The fields offered in the mapping: those the importer reads for the layer (the position first, as it is
 * what a table most often gets wrong), then any other field the parser mapped, so a mapping it made is
 * always visible.
 */
export function mappingFields(layer: LayerName, preview: Pick<ImportPreview, 'mapping'> | null): string[] {
  const own = [...(layerFields[layer] ?? [])];
  const first = ['lat', 'lon', 'id', 'name', 'nameAr'].filter((f) => own.includes(f));
  const base = [...first, ...own.filter((f) => !first.includes(f))];
  const extra = Object.keys(preview?.mapping?.fields ?? {}).filter((f) => !base.includes(f));
  return [...base, ...extra];
}
