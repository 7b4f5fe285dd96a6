import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Situation } from '$lib/domain/schemas';
import type { LayerGroup } from '$lib/map/layerGroups';
import { areaProperties, siegeProperties } from '$lib/map/mapData';

/** Tile properties: flat and small (MVT keeps numbers, strings and booleans). */
export type TileProperties = Record<string, string | number | boolean>;

const feature = (geometry: Geometry, properties: TileProperties): Feature<Geometry, TileProperties> => ({
  type: 'Feature',
  geometry,
  properties,
});

/**
 * Every feature of the situation, of every date, per layer group, with the few properties the map's style
 * and its lists read and that do not depend on the date: id, name, kind, actor, class. What changes with the
 * date (whether the feature counts, a road's impassability in the month, a corridor's status, a site's flags
 * or population, a crossing's status) is not here: it comes with the verdicts of the date, applied as feature
 * state (`tiledStyle.ts`), so a date change fetches no geometry. Roads and incidents, the most numerous, carry
 * no name: nothing on the map shows it, and their details come from the server. Input is not mutated.
 *
 * @example tileFeatures(situation).roads.features[0].properties // { id, class }
 */
export function tileFeatures(
  situation: Situation,
): Record<LayerGroup, FeatureCollection<Geometry, TileProperties>> {
  const actors = new Map(situation.scenario.actors.map((a) => [a.id, a]));
  const collection = (features: Feature<Geometry, TileProperties>[]) => ({
    type: 'FeatureCollection' as const,
    features,
  });
  const areas = situation.areas.map((f) =>
    feature(f.geometry, { ...areaProperties(f, actors), part: 'area' }),
  );
  // Siege rings are drawn with the areas of control, as in `mapDataOn`.
  const sieges = situation.constraints
    .filter((c) => c.properties.kind === 'siege')
    .map((c) => feature(c.geometry, { ...siegeProperties(c, actors) }));
  return {
    admin: collection(
      situation.admin.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          pcode: f.properties.pcode,
          level: f.properties.level,
        }),
      ),
    ),
    areas: collection([...areas, ...sieges]),
    frontlines: collection(
      situation.frontlines.map((f) => feature(f.geometry, { id: f.properties.id, name: f.properties.name })),
    ),
    roads: collection(
      situation.roads.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          class: f.properties.class,
        }),
      ),
    ),
    corridors: collection(
      situation.corridors.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          part: 'corridor',
        }),
      ),
    ),
    sites: collection(
      situation.sites.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          nameAr: f.properties.nameAr ?? '',
          kind: f.properties.kind,
          hub: f.properties.hub,
        }),
      ),
    ),
    crossings: collection(
      situation.crossings.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          nameAr: f.properties.nameAr ?? '',
          kind: f.properties.kind,
        }),
      ),
    ),
    incidents: collection(
      situation.incidents.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          category: f.properties.category,
          severity: f.properties.severity,
        }),
      ),
    ),
  };
}
