import { resolve } from 'node:path';
import type { Situation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '../geodata/loadSituationFromDir';
import { readEnv } from '../env';

/**
 * Where the server gets the situation from. Today: the GeoJSON files of GEODATA_DIR, read and validated
 * once at start (`hooks.server.ts` calls `loadSituation` in `init`, so bad data stops the app there).
 */
let cached: Situation | undefined;

export function loadSituation(): Situation {
  cached ??= loadSituationFromDir(resolve(readEnv().GEODATA_DIR));
  return cached;
}
