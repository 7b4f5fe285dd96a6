import { statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { layerNames, type LayerName } from '../../domain/schemas/layers';
import { parseSituation, type SituationInput } from '../../domain/schemas/parse';
import type { Situation } from '../../domain/schemas/situation';
import { loadSituationFromDir } from '../geodata/loadSituationFromDir';
import { CliUsageError } from './cliError';
import { readJsonFile } from './readJsonFile';

/**
 * The situation named on the command line: one directory laid out like geodata/, or a list of files named
 * `scenario.json` and `<layer>.geojson` (a layer without a file is empty). Throws `DataValidationError`
 * listing every problem, with file names relative to the working directory.
 */
export function loadSituationInput(paths: readonly string[], cwd = process.cwd()): Situation {
  if (paths.length === 0)
    throw new CliUsageError('name a directory laid out like geodata/, or the files of a situation');
  const kindOf = (p: string) => {
    try {
      return statSync(resolve(cwd, p)).isDirectory() ? 'dir' : 'file';
    } catch {
      throw new CliUsageError(`${p}: no such file or directory`);
    }
  };
  if (paths.length === 1 && kindOf(paths[0]) === 'dir')
    return loadSituationFromDir(resolve(cwd, paths[0]), cwd);

  const layers: SituationInput['layers'] = {};
  let scenario: SituationInput['scenario'] | undefined;
  for (const p of paths) {
    if (kindOf(p) === 'dir')
      throw new CliUsageError(`${p} is a directory: give either one directory or a list of files`);
    const abs = resolve(cwd, p);
    const shown = relative(cwd, abs) || p;
    const name = basename(p);
    if (name === 'scenario.json') {
      if (scenario) throw new CliUsageError(`two scenario files: ${scenario.file} and ${shown}`);
      scenario = { file: shown, json: readJsonFile(abs, shown) };
      continue;
    }
    const layer = name.replace(/\.geojson$/, '') as LayerName;
    if (!name.endsWith('.geojson') || !layerNames.includes(layer))
      throw new CliUsageError(
        `${p}: a file must be named scenario.json or <layer>.geojson, with layer one of ${layerNames.join(', ')}`,
      );
    if (layers[layer])
      throw new CliUsageError(`two files for layer ${layer}: ${layers[layer].file} and ${shown}`);
    layers[layer] = { file: shown, json: readJsonFile(abs, shown) };
  }
  if (!scenario) throw new CliUsageError('the files must include scenario.json');
  return parseSituation({ scenario, layers });
}
