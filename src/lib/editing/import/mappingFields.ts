// The fields of a layer a table column can feed, and their labels in the interface's language, for the
// column-mapping selects. Pure; tested in tests/unit.
import type { LayerName } from '$lib/domain/schemas/layers';
import { layerFields } from '$lib/import/columnDetection';
import type { ImportPreview } from '$lib/import/types';
import { m } from '$lib/paraglide/messages';

const labels: Record<string, () => string> = {
  id: m.imp_field_id,
  name: m.imp_field_name,
  nameAr: m.imp_field_nameAr,
  lat: m.imp_field_lat,
  lon: m.imp_field_lon,
  date: m.imp_field_date,
  population: m.imp_field_population,
  households: m.imp_field_households,
  source: m.imp_field_source,
  sourceUrl: m.imp_field_sourceUrl,
  sensitivity: m.imp_field_sensitivity,
  note: m.imp_field_note,
  kind: m.imp_field_kind,
  country: m.imp_field_country,
  hub: m.imp_field_hub,
  precisionKm: m.imp_field_precisionKm,
  ipcPhase: m.imp_field_ipcPhase,
  famine: m.imp_field_famine,
  validFrom: m.imp_field_validFrom,
  validTo: m.imp_field_validTo,
  category: m.imp_field_category,
  subType: m.imp_field_subType,
  severity: m.imp_field_severity,
  verification: m.imp_field_verification,
  description: m.imp_field_description,
  fatalities: m.imp_field_fatalities,
  status: m.imp_field_status,
  countries: m.imp_field_countries,
  class: m.imp_field_class,
  impassableMonths: m.imp_field_impassableMonths,
  fromSiteId: m.imp_field_fromSiteId,
  toSiteId: m.imp_field_toSiteId,
  actorId: m.imp_field_actorId,
  confidence: m.imp_field_confidence,
  pcode: m.imp_field_pcode,
  level: m.imp_field_level,
  parentPcode: m.imp_field_parentPcode,
};

/** A field's label: `Latitude` for `lat`, `Admin 2 P-code` for `adm2Pcode`; an unknown field by its name. */
export function fieldLabel(field: string): string {
  const admin = /^adm([1-4])(Pcode|Name|NameAr)$/.exec(field);
  if (admin) {
    const say = { Pcode: m.imp_field_adm_pcode, Name: m.imp_field_adm_name, NameAr: m.imp_field_adm_name_ar }[
      admin[2]
    ];
    return say!({ level: admin[1] });
  }
  return labels[field]?.() ?? field;
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
