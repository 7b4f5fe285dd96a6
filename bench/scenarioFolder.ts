import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Generated } from './generate';

/**
 * The generated scenario as a scenario folder (its `scenario.json` and a GeoJSON file per layer) in a new
 * temporary folder named from `prefix`: what the server validates and seeds as it would `geodata/`. The caller
 * removes it.
 */
export function scenarioFolder(generated: Generated, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `corridor-${prefix}-`));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(generated.input.scenario.json));
  for (const [layer, c] of Object.entries(generated.input.layers))
    writeFileSync(join(dir, `${layer}.geojson`), JSON.stringify(c.json));
  return dir;
}
