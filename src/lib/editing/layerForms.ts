// The editor's forms, per layer: which fields it shows, how the typed values become a feature, and how the
// shared schemas' issues land next to the fields. Pure: no Svelte, no map; tested in tests/unit.
import type { Geometry } from 'geojson';
import {
  confidence,
  constraintKind,
  crossingKind,
  crossingStatus,
  incidentCategory,
  layerGeometryTypes,
  roadClass,
  siteKind,
  verification,
} from '$lib/domain/schemas/layers';
import { sensitivity } from '$lib/domain/schemas/common';
import type { LayerName } from '$lib/domain/schemas/layers';
import { parseLayer } from '$lib/domain/schemas/parse';
import { m } from '$lib/paraglide/messages';

export type FieldKind = 'text' | 'date' | 'number' | 'select' | 'checkbox';

export interface FieldSpec {
  /** The form key; most are property names, a few (actorA, status) are mapped in `buildFeature`. */
  key: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  /** Shown with an asterisk; the schemas decide what is really required. */
  required?: boolean;
  hint?: string;
}

export type FormValues = Record<string, string>;

/** The terra-draw mode that draws a new feature of the layer. */
export type DrawMode = 'point' | 'linestring' | 'polygon';

export const layerLabels: Record<LayerName, string> = {
  get areas() {
    return m.layer_areas();
  },
  get frontlines() {
    return m.layer_frontlines();
  },
  get sites() {
    return m.layer_sites();
  },
  get crossings() {
    return m.layer_crossings();
  },
  get roads() {
    return m.layer_roads();
  },
  get corridors() {
    return m.layer_corridors();
  },
  get incidents() {
    return m.layer_incidents();
  },
  get constraints() {
    return m.layer_constraints();
  },
  get admin() {
    return m.layer_admin();
  },
};

export function drawModeOf(layer: LayerName): DrawMode {
  const first = layerGeometryTypes[layer][0];
  if (first === 'Point') return 'point';
  if (first.endsWith('LineString')) return 'linestring';
  return 'polygon';
}

const common: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'nameAr', label: 'Name in Arabic', kind: 'text' },
  { key: 'source', label: 'Source', kind: 'text', required: true },
  { key: 'sensitivity', label: 'Sensitivity', kind: 'select', options: sensitivity.options },
];
const validity: FieldSpec[] = [
  { key: 'validFrom', label: 'Valid from', kind: 'date' },
  { key: 'validTo', label: 'Valid until (exclusive)', kind: 'date' },
];
const severityField: FieldSpec = {
  key: 'severity',
  label: 'Severity (0–3)',
  kind: 'select',
  options: ['0', '1', '2', '3'],
  required: true,
};

const specific: Record<LayerName, FieldSpec[]> = {
  areas: [
    { key: 'actorId', label: 'Actor id', kind: 'text', required: true },
    { key: 'confidence', label: 'Confidence', kind: 'select', options: confidence.options, required: true },
    ...validity,
  ],
  frontlines: [
    { key: 'actorA', label: 'Actor id (one side)', kind: 'text', required: true },
    { key: 'actorB', label: 'Actor id (other side)', kind: 'text', required: true },
    ...validity,
  ],
  sites: [
    { key: 'kind', label: 'Kind', kind: 'select', options: siteKind.options, required: true },
    { key: 'country', label: 'Country (ISO alpha-3)', kind: 'text', required: true, hint: 'e.g. SDN' },
    { key: 'hub', label: 'Supply hub convoys start from', kind: 'checkbox' },
    ...validity,
  ],
  crossings: [
    { key: 'kind', label: 'Kind', kind: 'select', options: crossingKind.options, required: true },
    {
      key: 'status',
      label: 'Status',
      kind: 'select',
      options: crossingStatus.options,
      required: true,
      hint: 'a change is added to the status history, dated today',
    },
    { key: 'countries', label: 'Countries (ISO alpha-3, comma-separated)', kind: 'text' },
    ...validity,
  ],
  roads: [
    { key: 'class', label: 'Class', kind: 'select', options: roadClass.options, required: true },
    ...validity,
  ],
  corridors: [
    { key: 'fromSiteId', label: 'From site', kind: 'select', options: [] },
    { key: 'toSiteId', label: 'To site', kind: 'select', options: [] },
    { key: 'description', label: 'Description', kind: 'text' },
    ...validity,
  ],
  incidents: [
    { key: 'date', label: 'Date', kind: 'date', required: true },
    { key: 'category', label: 'Category', kind: 'select', options: incidentCategory.options, required: true },
    severityField,
    {
      key: 'verification',
      label: 'Verification',
      kind: 'select',
      options: verification.options,
      required: true,
    },
    { key: 'description', label: 'Description', kind: 'text' },
  ],
  constraints: [
    { key: 'kind', label: 'Kind', kind: 'select', options: constraintKind.options, required: true },
    severityField,
    { key: 'validFrom', label: 'Valid from', kind: 'date', required: true },
    { key: 'validTo', label: 'Valid until (exclusive)', kind: 'date' },
    { key: 'description', label: 'Description', kind: 'text' },
  ],
  admin: [
    { key: 'pcode', label: 'P-code', kind: 'text', required: true, hint: 'e.g. SD02001' },
    {
      key: 'level',
      label: 'Administrative level',
      kind: 'select',
      options: ['0', '1', '2', '3', '4'],
      required: true,
    },
    { key: 'parentPcode', label: 'Parent P-code', kind: 'text' },
    ...validity,
  ],
};

/** The fields of a layer's form, common ones first. `siteIds` fill the corridors' site pickers. */
export function fieldsOf(
  layer: LayerName,
  siteIds: readonly string[] = [],
  /** The sensitivities the account may give (the server refuses others): an editor's lack `confidential`. */
  sensitivities: readonly string[] = sensitivity.options,
): FieldSpec[] {
  return [...common, ...specific[layer]].map((f) => {
    if (layer === 'corridors' && (f.key === 'fromSiteId' || f.key === 'toSiteId'))
      return { ...f, options: siteIds };
    if (f.key === 'sensitivity')
      return { ...f, options: f.options?.filter((o) => sensitivities.includes(o)) };
    return f;
  });
}

type Props = Record<string, unknown>;

/** The form's values for a feature's properties (empty strings for absent ones). */
export function valuesOf(layer: LayerName, properties: Props): FormValues {
  const v: FormValues = {};
  for (const f of fieldsOf(layer)) {
    const raw = properties[f.key];
    v[f.key] = raw === undefined || raw === null ? '' : String(raw);
  }
  v.sensitivity ||= 'public';
  if (layer === 'frontlines') {
    const ids = (properties.actorIds as string[] | undefined) ?? [];
    v.actorA = ids[0] ?? '';
    v.actorB = ids[1] ?? '';
  }
  if (layer === 'crossings') {
    const history = (properties.statusHistory as { status: string }[] | undefined) ?? [];
    v.status = history.at(-1)?.status ?? '';
    v.countries = ((properties.countries as string[] | undefined) ?? []).join(', ');
  }
  if (layer === 'sites') v.hub = properties.hub ? 'true' : '';
  return v;
}

/**
 * The feature the form describes: the loaded properties (so fields the form does not show are kept),
 * overwritten by the form's values; empty fields are left out, numbers and lists converted.
 */
export function buildFeature(
  layer: LayerName,
  id: string,
  geometry: Geometry | null,
  values: FormValues,
  base: Props = {},
  today: string = new Date().toISOString().slice(0, 10),
): { type: 'Feature'; geometry: Geometry | null; properties: Props } {
  const p: Props = { ...base, id };
  for (const f of fieldsOf(layer)) {
    const raw = (values[f.key] ?? '').trim();
    if (f.key === 'actorA' || f.key === 'actorB' || f.key === 'status' || f.key === 'countries') continue;
    if (f.kind === 'checkbox') p[f.key] = raw === 'true';
    else if (raw === '') delete p[f.key];
    else if (f.key === 'severity' || f.key === 'level') p[f.key] = Number(raw);
    else p[f.key] = raw;
  }
  if (layer === 'frontlines') p.actorIds = [values.actorA?.trim() ?? '', values.actorB?.trim() ?? ''];
  if (layer === 'crossings') {
    p.countries = (values.countries ?? '')
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const history = [...((base.statusHistory as { status: string }[] | undefined) ?? [])];
    const status = values.status ?? '';
    if (status !== '' && history.at(-1)?.status !== status)
      history.push({
        date: history.length === 0 ? ((p.validFrom as string | undefined) ?? today) : today,
        status,
        source: String(p.source ?? ''),
      } as { status: string });
    p.statusHistory = history;
  }
  return { type: 'Feature', geometry, properties: p };
}

/** Where an issue's field shows in the form: `properties.actorIds[1]` → `actorB`, geometry → `geometry`. */
export function formKeyOf(field: string): string {
  if (field.startsWith('geometry') || field === 'type') return 'geometry';
  const m = /^properties\.([A-Za-z]+)(?:\[(\d+)\])?/.exec(field);
  if (!m) return 'form';
  const [, key, index] = m;
  if (key === 'actorIds') return index === '1' ? 'actorB' : 'actorA';
  if (key === 'statusHistory') return 'status';
  return key;
}

/**
 * Validates the feature with the shared schemas, as the server will: the errors by form key (the first
 * reason of each field), empty when the feature is valid.
 */
export function validateFeature(layer: LayerName, feature: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if ((feature as { geometry?: unknown }).geometry == null) {
    errors.geometry = 'draw the feature on the map first';
    return errors;
  }
  const { issues } = parseLayer('(form)', layer, { type: 'FeatureCollection', features: [feature] });
  for (const issue of issues) {
    const key = formKeyOf(issue.field);
    // zod says "expected string, received undefined" for an empty required field: say it plainly.
    const plain = /received undefined$/.test(issue.reason) ? 'is required' : issue.reason;
    const reason = key === 'form' ? `${issue.field}: ${plain}` : plain;
    errors[key] ??= reason;
  }
  return errors;
}

/** A new id for a feature of the layer, readable and unique enough for one editor's session. */
export function newFeatureId(layer: LayerName, now: number = Date.now()): string {
  return `${layer.replace(/s$/, '')}_${now.toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, '0')}`;
}
