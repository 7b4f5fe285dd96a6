// Vector tiles made by PostGIS (`ST_AsMVT`, `ST_AsMVTGeom`) from the features' `tile_geom` (migration 0021),
// with the layers, properties and visibility of the JavaScript tiles (`tileFeatures.ts`, `vectorTiles.ts`):
// tests/integration/postgis-tiles.test.ts decodes both and compares them.
import { sql, type SQL } from 'drizzle-orm';
import type { Actor, Sensitivity } from '$lib/domain/schemas';
import type { LayerGroup } from '$lib/map/layerGroups';
import type { Database } from '../db/client';
import { valuesHiddenAt } from '$lib/map/tileZooms';
import { TILE_BUFFER, TILE_EXTENT, TILE_MAX_ZOOM } from './vectorTiles';

/** Is `tile_geom` there, that is did migration 0021 find PostGIS? */
export async function hasTileGeometry(db: Database): Promise<boolean> {
  const found = await db.execute(
    sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = 'features' and column_name = 'tile_geom'`,
  );
  return (found as unknown as { rows: unknown[] }).rows.length > 0;
}

/** Could PostGIS be used: is it created in this database, or installed on the server for creating it? */
export async function postgisAvailable(db: Database): Promise<boolean> {
  const found = await db.execute(sql`select 1 from pg_available_extensions where name = 'postgis'`);
  return (found as unknown as { rows: unknown[] }).rows.length > 0;
}

// A property of the stored feature as it is in the JSON (a number stays a number, a boolean a boolean).
const prop = (name: string) => sql.raw(`f.properties -> '${name}'`);
const orEmpty = (name: string) => sql.raw(`coalesce(f.properties -> '${name}', '""'::jsonb)`);
const text = (value: string) => sql.raw(`'"${value}"'::jsonb`);

/**
 * The MVT properties of each group's features, as `tileFeatures` gives them, built as one `jsonb` object per
 * feature (`ST_AsMVT` writes its keys as the feature's properties). `actors` is a `jsonb` parameter: id → the
 * actor's name and colour, from the scenario the viewer may see.
 */
function propertiesOf(group: LayerGroup, actors: SQL): SQL {
  const base = sql`'id', ${prop('id')}, 'name', ${prop('name')}`;
  switch (group) {
    case 'admin':
      return sql`jsonb_build_object(${base}, 'pcode', ${prop('pcode')}, 'level', ${prop('level')})`;
    case 'areas': {
      const actor = sql`(${actors} -> (f.properties ->> 'actorId'))`;
      // An area names its actor and colour (`areaProperties`); a siege ring its besieging actor (`siegeProperties`).
      return sql`case when f.layer = 'areas'
        then jsonb_build_object(${base}, 'actorId', ${prop('actorId')},
          'actorName', coalesce(${actor} -> 'name', ${prop('actorId')}),
          'color', coalesce(${actor} -> 'color', ${text('#777777')}),
          'confidence', ${prop('confidence')}, 'part', ${text('area')})
        else jsonb_build_object(${base}, 'part', ${text('siege')}, 'actorId', ${orEmpty('actorId')},
          'actorName', coalesce(${actor} -> 'name', ${orEmpty('actorId')}))
        end`;
    }
    case 'frontlines':
      return sql`jsonb_build_object(${base})`;
    case 'roads':
      return sql`jsonb_build_object('id', ${prop('id')}, 'class', ${prop('class')})`;
    case 'corridors':
      return sql`jsonb_build_object(${base}, 'part', ${text('corridor')})`;
    case 'sites':
      return sql`jsonb_build_object(${base}, 'nameAr', ${orEmpty('nameAr')}, 'kind', ${prop('kind')}, 'hub', ${prop('hub')})`;
    case 'crossings':
      return sql`jsonb_build_object(${base}, 'nameAr', ${orEmpty('nameAr')}, 'kind', ${prop('kind')})`;
    case 'incidents':
      return sql`jsonb_build_object('id', ${prop('id')}, 'category', ${prop('category')}, 'severity', ${prop('severity')})`;
  }
}

/** The stored layers a group draws: the areas of control and, with them, the siege rings (as `mapDataOn`). */
function layersOf(group: LayerGroup): SQL {
  if (group === 'areas')
    return sql`(f.layer = 'areas' or (f.layer = 'constraints' and f.properties ->> 'kind' = 'siege'))`;
  return sql`f.layer = ${group}`;
}

/** The width of the Web Mercator world in metres (EPSG:3857's units): 2π × 6,378,137. */
const WORLD_M = 2 * Math.PI * 6_378_137;

/**
 * What geojson-vt leaves out of a tile below its last zoom, left out here too so that both tiles hold the same
 * features: a line shorter than its tolerance (3 tile units) and a polygon smaller than its square (9 square
 * units), measured on the whole feature before clipping, as geojson-vt does. geojson-vt tests each ring and
 * each line of a multi-line; this tests the whole feature, so it keeps the rare multipolygon made only of
 * specks that geojson-vt would drop. Points are always kept.
 */
/** geojson-vt's tolerance at zoom z (3 tile units) in metres; 0 at the last zoom, as geojson-vt has it. */
const toleranceAt = (z: number) => (z >= TILE_MAX_ZOOM ? 0 : (3 * WORLD_M) / (2 ** z * TILE_EXTENT));

function bigEnough(z: number): SQL {
  if (z >= TILE_MAX_ZOOM) return sql`true`;
  const tolerance = toleranceAt(z);
  return sql`case ST_Dimension(f.tile_geom)
      when 1 then ST_Length(f.tile_geom) >= ${tolerance}::float8
      when 2 then ST_Area(f.tile_geom) >= ${tolerance * tolerance}::float8
      else true end`;
}

/**
 * The geometry with fewer vertices below the last zoom, within geojson-vt's tolerance (Douglas–Peucker, as
 * geojson-vt simplifies), so that both tiles weigh about the same. Collapsed features are kept, as the size
 * test above decides what is left out; a closed line (a perimeter drawn as a frontline) is not simplified, as
 * it would collapse to a line that ends where it starts, which `ST_AsMVTGeom` leaves out and geojson-vt keeps.
 */
function simplified(z: number): SQL {
  if (z >= TILE_MAX_ZOOM) return sql`f.tile_geom`;
  return sql`case when ST_Dimension(f.tile_geom) = 1 and ST_IsClosed(f.tile_geom) then f.tile_geom
    else ST_Simplify(f.tile_geom, ${toleranceAt(z)}::float8, true) end`;
}

/**
 * Whether a feature is in the tiles of zoom z (`tileZooms.ts`, as `vectorTiles.ts` filters its indexes): its
 * value of the group's key is not one of those that enter the tiles at a higher zoom. The values are compared
 * as text, as `tileMinZoom` compares them (a severity 2 is '2').
 */
function shownAt(group: LayerGroup, z: number): SQL {
  const hidden = valuesHiddenAt(group, z);
  if (!hidden) return sql`true`;
  return sql`coalesce(f.properties ->> ${hidden.key}, '') not in (${sql.join(
    hidden.values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

export interface PostgisTileRequest {
  group: LayerGroup;
  z: number;
  x: number;
  y: number;
  /** What the viewer may see (`visibleSensitivities`): records of other sensitivities are left out. */
  sensitivities: readonly Sensitivity[];
  /** The scenario's actors the viewer may see, for the areas' names and colours. */
  actors: readonly Pick<Actor, 'id' | 'name' | 'color'>[];
}

/**
 * The tile `z/x/y` of one layer group made by PostGIS, or an empty tile where the group has nothing. The
 * caller checks the coordinates (`checkTileRange`) and that `tile_geom` exists (`hasTileGeometry`). Deleted
 * records are left out, as `readSituation` leaves them out of the situation the JavaScript tiles are cut from.
 */
export async function postgisTile(db: Database, r: PostgisTileRequest): Promise<Uint8Array> {
  const actors = Object.fromEntries(r.actors.map((a) => [a.id, { name: a.name, color: a.color }]));
  const actorsParam = sql`${JSON.stringify(actors)}::jsonb`;
  const { z, x, y } = r;
  // The index finds the features whose box meets the tile and its buffer; ST_AsMVTGeom clips them to it and
  // snaps them to the tile's grid (it returns null for what is left with nothing, e.g. a sliver under a unit).
  const result = await db.execute(sql`
    with tile as (
      select ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) as envelope,
        ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${TILE_BUFFER / TILE_EXTENT}::float8) as search
    ), drawn as (
      select ST_AsMVTGeom(${simplified(z)}, tile.envelope, ${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true) as geom,
        ${propertiesOf(r.group, actorsParam)} as properties
      from features f, tile
      where f.deleted_at is null
        and f.sensitivity in (select jsonb_array_elements_text(${JSON.stringify(r.sensitivities)}::jsonb))
        and ${layersOf(r.group)}
        and f.tile_geom && tile.search
        and ${bigEnough(z)}
        and ${shownAt(r.group, z)}
      order by f.id
    )
    select ST_AsMVT(drawn.*, ${r.group}::text, ${TILE_EXTENT}::int, 'geom') as mvt from drawn where geom is not null`);
  const row = (result as unknown as { rows: { mvt: Uint8Array | null }[] }).rows[0];
  return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array(0);
}
