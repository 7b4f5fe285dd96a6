// The editor's field labels and hints in the interface's language, by field key. The English texts are the
// ones of layerForms.ts (kept there for the forms' structure); a key without words here shows those.
import { m } from '$lib/paraglide/messages';
import type { FieldSpec } from './layerForms';

const LABELS: Record<string, () => string> = {
  name: m.field_name,
  nameAr: m.field_nameAr,
  source: m.field_source,
  sensitivity: m.field_sensitivity,
  validFrom: m.field_validFrom,
  validTo: m.field_validTo,
  severity: m.field_severity,
  actorId: m.field_actorId,
  confidence: m.field_confidence,
  actorA: m.field_actorA,
  actorB: m.field_actorB,
  kind: m.field_kind,
  country: m.field_country,
  hub: m.field_hub,
  status: m.field_status,
  countries: m.field_countries,
  class: m.field_class,
  fromSiteId: m.field_fromSiteId,
  toSiteId: m.field_toSiteId,
  description: m.field_description,
  date: m.field_date,
  category: m.field_category,
  verification: m.field_verification,
  pcode: m.field_pcode,
  level: m.field_level,
  parentPcode: m.field_parentPcode,
};

const HINTS: Record<string, () => string> = {
  country: m.field_country_hint,
  status: m.field_status_hint,
  pcode: m.field_pcode_hint,
};

export function fieldLabel(f: FieldSpec): string {
  return LABELS[f.key]?.() ?? f.label;
}

export function fieldHint(f: FieldSpec): string | undefined {
  return f.hint && (HINTS[f.key]?.() ?? f.hint);
}
