// Fixed values (`--set kind=village`, the "Fixed values" of the mapping form): a field every row of a file
// gets when the file has no column for it, such as the actor, confidence and date of a control polygon
// drawn by hand, or the kind of every place in a list of villages. Pure.
import type { LayerName } from '$lib/domain/schemas';
import { layerFields } from './columnDetection';

/** Fields a fixed value may not give: every row has its own position and its own id. */
const PER_ROW = new Set(['lat', 'lon', 'id']);

/** Fields that only a GeoJSON (or KML, GPX) feature carries, besides those a table column may feed. */
const FEATURE_ONLY: Partial<Record<LayerName, readonly string[]>> = {
  incidents: ['actorId'],
  constraints: ['actorId'],
};

/** The fields of `layer` a fixed value may give, in the order of the layer's columns. */
export function settableFields(layer: LayerName): string[] {
  return [...layerFields[layer], ...(FEATURE_ONLY[layer] ?? [])].filter((f) => !PER_ROW.has(f));
}

/**
 * The problems of a set of fixed values for `layer`: a field the layer does not have (or one each row must
 * give itself), or an empty value. Each names the field and lists the fields accepted.
 */
export function fixedValueProblems(set: Readonly<Record<string, string>>, layer: LayerName): string[] {
  const allowed = settableFields(layer);
  const out: string[] = [];
  for (const [field, value] of Object.entries(set)) {
    if (PER_ROW.has(field))
      out.push(`a fixed value cannot give "${field}": each row has its own (map a column to it instead)`);
    else if (!allowed.includes(field))
      out.push(
        `the ${layer} layer has no field "${field}" to fix: fields that take a fixed value are ${allowed.join(', ')}`,
      );
    else if (value.trim() === '') out.push(`the fixed value of "${field}" is empty`);
  }
  return out;
}

/**
 * `field=value` as written on the command line → [field, value]; the value may hold `=` itself.
 * Undefined when there is no `=` or no field before it.
 *
 * @example parseSetArgument('kind=village') // ['kind', 'village']
 */
export function parseSetArgument(arg: string): [string, string] | undefined {
  const i = arg.indexOf('=');
  if (i <= 0) return undefined;
  return [arg.slice(0, i).trim(), arg.slice(i + 1).trim()];
}
