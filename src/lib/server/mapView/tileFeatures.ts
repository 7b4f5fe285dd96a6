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

/** The validity interval as the style compares it with the date (`''`: open-ended). */
const validity = (p: { validFrom?: string; validTo?: string }) => ({
  from: p.validFrom ?? '',
  to: p.validTo ?? '',
});

/**
 * Every feature of the situation, of every date, per layer group, with the few properties the map's style
 * reads and that do not depend on the date: id, name, kind, actor, class, and the validity interval (`from`,
 * `to`) that the style compares with the map's date (`tiledStyle.ts`). What changes with the date (a
 * corridor's status, a site's flags or population, a crossing's status) is not here: it comes from the
 * verdicts of the date, applied as feature state, so a date change fetches no geometry. Input is not mutated.
 *
 * @example tileFeatures(situation).roads.features[0].properties // { id, name, class, imp: ',6,7,8,', from, to }
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
    feature(f.geometry, { ...areaProperties(f, actors), part: 'area', ...validity(f.properties) }),
  );
  // Siege rings are drawn with the areas of control, as in `mapDataOn`.
  const sieges = situation.constraints
    .filter((c) => c.properties.kind === 'siege')
    .map((c) => feature(c.geometry, { ...siegeProperties(c, actors), ...validity(c.properties) }));
  return {
    admin: collection(
      situation.admin.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          pcode: f.properties.pcode,
          level: f.properties.level,
          ...validity(f.properties),
        }),
      ),
    ),
    areas: collection([...areas, ...sieges]),
    frontlines: collection(
      situation.frontlines.map((f) =>
        feature(f.geometry, { id: f.properties.id, name: f.properties.name, ...validity(f.properties) }),
      ),
    ),
    roads: collection(
      situation.roads.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          class: f.properties.class,
          // The months the road is impassable, comma-framed so the style can look for `,6,` (June).
          imp: f.properties.impassableMonths.length ? `,${f.properties.impassableMonths.join(',')},` : '',
          ...validity(f.properties),
        }),
      ),
    ),
    corridors: collection(
      situation.corridors.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          part: 'corridor',
          ...validity(f.properties),
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
          ...validity(f.properties),
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
          ...validity(f.properties),
        }),
      ),
    ),
    incidents: collection(
      situation.incidents.map((f) =>
        feature(f.geometry, {
          id: f.properties.id,
          name: f.properties.name,
          category: f.properties.category,
          severity: f.properties.severity,
          date: f.properties.date,
        }),
      ),
    ),
  };
}
