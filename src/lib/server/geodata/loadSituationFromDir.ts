import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DataValidationError,
  layerNames,
  parseSituation,
  type LayerName,
  type Situation,
} from '$lib/domain/schemas';

/** Reads a JSON file; a syntax error becomes a validation issue naming the file instead of a stack trace. */
function readJson(path: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataValidationError([
      { file: shown, field: '(file)', reason: `cannot be read: ${(e as Error).message}` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataValidationError([
      { file: shown, field: '(file)', reason: `is not valid JSON: ${(e as Error).message}` },
    ]);
  }
}

/**
 * Loads a situation from a folder laid out like `geodata/`: `scenario.json` and one `<layer>.geojson` per
 * layer (a missing layer file means an empty layer). File names in errors are relative to `cwd`.
 */
export function loadSituationFromDir(dir: string, cwd = process.cwd()): Situation {
  const shown = (p: string) => relative(cwd, p) || p;
  const scenarioPath = join(dir, 'scenario.json');
  const layers: Partial<Record<LayerName, { file: string; json: unknown }>> = {};
  for (const layer of layerNames) {
    const path = join(dir, `${layer}.geojson`);
    if (existsSync(path)) layers[layer] = { file: shown(path), json: readJson(path, shown(path)) };
  }
  return parseSituation({
    scenario: { file: shown(scenarioPath), json: readJson(scenarioPath, shown(scenarioPath)) },
    layers,
  });
}
