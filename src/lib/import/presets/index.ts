// The presets for common sources, how well a file's columns fit each one, and the column mapping a preset
// gives a file. A preset is offered, never forced: the importer reads a file as before unless the user (or
// the mapping remembered for the source) names one. Pure.
import type { ProblemCode } from '../problemCodes';
import type { LayerName } from '$lib/domain/schemas';
import type { TableColumn } from '../columnDetection';
import { parseHxlTag } from '../hxl';
import { normalizeKey } from '../text';
import type { ColumnMapping } from '../types';
import { geoBoundaries, gadm } from './boundaries';
import { conflictAggregates } from './conflictAggregates';
import { controlAreas } from './controlAreas';
import { hotOsmPlaces } from './hotOsmPlaces';
import { ipcApi } from './ipcApi';
import { osmHealth } from './osmHealth';
import type { ColumnNames, ImportPreset, PresetFit } from './types';
import { ucdpGed } from './ucdpGed';

export type { ImportPreset, PresetFit } from './types';

/** Every preset, in the order `corridor import --presets` lists them. */
export const PRESETS: readonly ImportPreset[] = [
  hotOsmPlaces,
  osmHealth,
  ucdpGed,
  conflictAggregates,
  geoBoundaries,
  gadm,
  ipcApi,
  controlAreas,
];

/** Below this a fit is not offered (half of the score comes from having every required column). */
export const OFFER_SCORE = 0.5;

export function findPreset(name: string): ImportPreset | undefined {
  const key = name.trim().toLowerCase();
  return PRESETS.find((p) => p.name === key);
}

/** The column of `columns` that `names` means, or undefined: header names first, then HXL tags. */
export function findColumn(columns: readonly TableColumn[], names: ColumnNames): string | undefined {
  for (const name of names) {
    if (name.startsWith('#')) {
      const wanted = parseHxlTag(name);
      if (!wanted) continue;
      const hit = columns.find((c) => {
        const tag = c.tag ? parseHxlTag(c.tag) : undefined;
        return (
          tag !== undefined &&
          tag.hashtag === wanted.hashtag &&
          [...wanted.attributes].every((a) => tag.attributes.has(a))
        );
      });
      if (hit) return hit.name;
    } else {
      const key = normalizeKey(name);
      const hit = columns.find((c) => normalizeKey(c.name.replace(/ \(\d+\)$/, '')) === key);
      if (hit) return hit.name;
    }
  }
  return undefined;
}

/** The fit of one preset, 0 when it is not to be offered. */
function scoreOf(p: ImportPreset, columns: readonly TableColumn[], layer: LayerName | undefined): number {
  const typical = p.typical.filter((names) => findColumn(columns, names) !== undefined).length;
  const share = p.typical.length === 0 ? 1 : typical / p.typical.length;
  if (p.offeredForLayer) {
    // Nothing tells such a file apart but what it lacks: offered on its layer when no column gives what
    // the preset asks for.
    if (layer !== p.layer) return 0;
    const asked = (p.ask ?? []).some((field) => findColumn(columns, [field]) !== undefined);
    return asked ? 0 : OFFER_SCORE;
  }
  if (p.required.length === 0) return 0;
  if (!p.required.every((names) => findColumn(columns, names) !== undefined)) return 0;
  return OFFER_SCORE + share * (1 - OFFER_SCORE);
}

/**
 * The presets a file's columns fit, best first: only those whose every required column is present (or, for
 * a preset offered by layer, the layer chosen). `layer` is the layer the user chose, when known.
 *
 * @example presetFits([{ name: 'type_of_violence' }, { name: 'date_start' }, { name: 'latitude' }, { name: 'longitude' }])
 * // [{ name: 'ucdp-ged', label: 'UCDP GED', layer: 'incidents', score: 0.5 }]
 */
export function presetFits(columns: readonly TableColumn[], layer?: LayerName): PresetFit[] {
  return PRESETS.map((p) => ({ p, score: scoreOf(p, columns, layer) }))
    .filter((x) => x.score >= OFFER_SCORE)
    .sort((a, b) => b.score - a.score)
    .map(({ p, score }) => ({
      name: p.name,
      label: p.label,
      layer: p.layer,
      score: Math.round(score * 100) / 100,
    }));
}

/** The column mapping a preset gives a file with these columns: only fields whose column the file has. */
export function presetMapping(p: ImportPreset, columns: readonly TableColumn[]): ColumnMapping {
  const fields: Record<string, string> = {};
  for (const [field, names] of Object.entries(p.fields)) {
    const column = findColumn(columns, names);
    if (column !== undefined) fields[field] = column;
  }
  const values = Object.fromEntries(
    Object.entries(p.values ?? {}).filter(([field]) => fields[field] !== undefined),
  );
  return {
    preset: p.name,
    fields,
    ...(p.set ? { set: { ...p.set } } : {}),
    ...(Object.keys(values).length > 0 ? { values } : {}),
  };
}

/**
 * A mapping with its preset filled in under it: what the user (or the remembered mapping) gives wins over
 * the preset, field by field. With problems when the preset is unknown, made for another layer, or asks for
 * fixed values not given; the mapping is then the given one.
 */
export function withPreset(
  given: ColumnMapping | undefined,
  presetName: string | undefined,
  columns: readonly TableColumn[],
  layer: LayerName,
): {
  mapping: ColumnMapping | undefined;
  problems: { code: ProblemCode; message: string; suggestion: string }[];
} {
  const name = presetName ?? given?.preset;
  if (name === undefined) return { mapping: given, problems: [] };
  const p = findPreset(name);
  if (!p)
    return {
      mapping: given,
      problems: [
        {
          code: 'unknown_preset',
          message: `there is no preset "${name}"`,
          suggestion: `the presets are ${PRESETS.map((x) => x.name).join(', ')} (corridor import --presets)`,
        },
      ],
    };
  if (p.layer !== layer)
    return {
      mapping: given,
      problems: [
        {
          code: 'preset_wrong_layer',
          message: `the ${p.label} preset (${p.name}) imports into the ${p.layer} layer, not ${layer}`,
          suggestion: `choose the ${p.layer} layer`,
        },
      ],
    };
  const base = presetMapping(p, columns);
  const set = { ...base.set, ...given?.set };
  const values = { ...base.values, ...given?.values };
  const mapping: ColumnMapping = {
    ...given,
    preset: p.name,
    fields: { ...base.fields, ...given?.fields },
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(Object.keys(values).length > 0 ? { values } : {}),
  };
  const missing = (p.ask ?? []).filter((field) => !set[field]?.trim());
  const problems = missing.length
    ? [
        {
          code: 'preset_needs_fixed_value' as const,
          message: `the ${p.label} preset needs a fixed value for ${missing.join(', ')}: the file cannot say them`,
          suggestion: p.needs ?? `give ${missing.map((f) => `--set ${f}=…`).join(' ')}`,
        },
      ]
    : [];
  return { mapping, problems };
}
