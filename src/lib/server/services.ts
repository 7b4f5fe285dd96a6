import { version } from '$app/environment';
import { resolve } from 'node:path';
import { HashGate } from './auth/hashGate';
import { SignInThrottle } from './auth/signInThrottle';
import { openDatabase, type OpenDatabase } from './db/client';
import { databaseOptionsOf } from './db/databaseOptionsOf';
import { seedSituation } from './db/featureRepository';
import { readEnv, type Env } from './env';
import { recordStatusChanges } from './feed';
import { loadSituationFromDir } from './geodata/loadSituationFromDir';
import { commitImport } from './import/commitImport';
import { chunkBytesFor, ImportStaging } from './import/importStaging';
import { chooseTileMaker, type TileMaker } from './mapView/tiler';
import { SharedVerdicts } from './mapView/sharedVerdicts';
import { VerdictsArchive } from './mapView/verdictsArchive';
import { SituationStore } from './situation/situationStore';

/**
 * What the server holds for its whole life: the database, the situation store, the sign-in throttle (its
 * state is in the database), the gate that bounds password hashing (per process by design), and the
 * imports being sent from the browser in parts (in the database). docs/scaling.md says what of this may be
 * per process when several instances share one PostgreSQL.
 */
export interface Services {
  database: OpenDatabase;
  store: SituationStore;
  signInThrottle: SignInThrottle;
  hashGate: HashGate;
  importStaging: ImportStaging;
  /** What makes the vector tiles: PostGIS when the database has it, JavaScript otherwise (`tiler.ts`). */
  tileMaker: TileMaker;
  /** The map's verdicts of every date, made in the background (`verdictsWarmUp.ts`), per process. */
  verdictsArchive: VerdictsArchive;
}

/**
 * Starts the server's services: validates the scenario in GEODATA_DIR (invalid data throws a
 * `DataValidationError` naming file, feature and field), opens the database, migrates it and seeds the
 * scenario when it is not there yet (idempotent), then lets the change feed compare (`recordStatusChanges`).
 */
export async function startServices(env: Env = readEnv()): Promise<Services> {
  const situation = loadSituationFromDir(resolve(env.GEODATA_DIR));
  const database = await openDatabase(databaseOptionsOf(env));
  await seedSituation(database.db, situation);
  // The change feed's baseline (first start), or what seeding or the passing days changed since it last
  // compared. A failure there must not keep the map from serving: it is logged, the next write catches up.
  await recordStatusChanges(
    { db: database.db, scenarioId: situation.scenario.id },
    { cause: 'seed', actor: 'seed' },
  ).catch((e: unknown) => console.error(`corridor: change feed: ${(e as Error).message}`));
  const tiles = await chooseTileMaker(database, resolve(env.MIGRATIONS_DIR));
  if (tiles.log) console.log(tiles.log);
  const store = new SituationStore(database.db, situation.scenario.id);
  return {
    database,
    store,
    signInThrottle: new SignInThrottle(database.db),
    hashGate: new HashGate(),
    importStaging: new ImportStaging(
      database.db,
      (features, layer, actor, options) =>
        commitImport(database.db, features, layer, actor, {
          ...options,
          scenarioId: situation.scenario.id,
          // The recording after an import takes the situations the map keeps, as after an edit.
          feedSource: store,
        }),
      { maxChunkBytes: chunkBytesFor(env.BODY_SIZE_LIMIT) },
    ),
    tileMaker: tiles.maker,
    // On PostgreSQL the archive is shared by every instance through the database (`sharedVerdicts.ts`); the
    // embedded database serves one process, which would only hold its archive twice.
    verdictsArchive: new VerdictsArchive(
      Number(env.VERDICTS_ARCHIVE_MB) * 1024 * 1024,
      database.engine === 'postgres' ? new SharedVerdicts(database.db, version) : undefined,
    ),
  };
}

// The one instance of the running server, set by `hooks.server.ts` at start.
let running: Promise<Services> | undefined;

export function services(): Promise<Services> {
  running ??= startServices();
  return running;
}
