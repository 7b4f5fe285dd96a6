// Which tile writer serves the vector tiles, chosen once when the server starts (docs/scaling.md, "Vector
// tiles"): PostGIS where the database has it (migration 0021 added `features.tile_geom`), MapLibre's geojson-vt
// and vt-pbf otherwise (the embedded PGlite has no PostGIS). Responses name the writer in `x-tiles-made-by`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Situation } from '$lib/domain/schemas';
import type { LayerGroup } from '$lib/map/layerGroups';
import { visibleSensitivities, type Viewer } from '../auth/roles';
import type { OpenDatabase } from '../db/client';
import { hasTileGeometry, postgisAvailable, postgisTile } from './postgisTiles';

/** The migration that adds `features.tile_geom` where PostGIS is there (drizzle/). */
const TILE_GEOMETRY_MIGRATION = '0021_tile_geometry.sql';
import { checkTileRange, vectorTile } from './vectorTiles';

export type TileMaker = 'postgis' | 'geojson-vt';

/**
 * The tile writer for this database, with the line the server logs about it at start (none on PGlite). Where
 * PostGIS became available after migration 0021 ran (installed on the server later), the migration's statement
 * is run again here: it is idempotent and does nothing where it cannot (the role may not create the extension),
 * so an operator who installs PostGIS gets PostGIS tiles on the next start without touching SQL.
 */
export async function chooseTileMaker(
  database: OpenDatabase,
  migrationsFolder?: string,
): Promise<{ maker: TileMaker; log?: string }> {
  if (database.engine !== 'postgres') return { maker: 'geojson-vt' };
  if (await hasTileGeometry(database.db))
    return { maker: 'postgis', log: 'corridor: vector tiles made by PostGIS (ST_AsMVT)' };
  if (migrationsFolder && (await postgisAvailable(database.db))) {
    console.log('corridor: PostGIS is available since migration 0021 ran: adding the tile geometry now');
    await database.db.execute(sql.raw(readFileSync(join(migrationsFolder, TILE_GEOMETRY_MIGRATION), 'utf8')));
    if (await hasTileGeometry(database.db))
      return { maker: 'postgis', log: 'corridor: vector tiles made by PostGIS (ST_AsMVT)' };
  }
  return {
    maker: 'geojson-vt',
    log: 'corridor: vector tiles cut in JavaScript: the database has no PostGIS (see migration 0021)',
  };
}

export interface TileRequest {
  maker: TileMaker;
  database: OpenDatabase;
  viewer: Viewer;
  /** The situation the viewer may see (`situationForView`): the JavaScript tiles are cut from it. */
  situation: Situation;
  group: LayerGroup;
  z: number;
  x: number;
  y: number;
}

/**
 * One layer group's tile of what the viewer may see, made by `maker`. Coordinates outside the pyramid throw
 * `TileRangeError` on either path.
 */
export function makeTile(r: TileRequest): Promise<Uint8Array> {
  checkTileRange(r.z, r.x, r.y);
  if (r.maker === 'geojson-vt') return Promise.resolve(vectorTile(r.situation, r.group, r.z, r.x, r.y));
  return postgisTile(r.database.db, {
    group: r.group,
    z: r.z,
    x: r.x,
    y: r.y,
    sensitivities: visibleSensitivities(r.viewer),
    actors: r.situation.scenario.actors,
  });
}
