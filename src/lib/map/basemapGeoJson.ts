import { area, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import type { BasemapKind } from './basemapLayers';
import { bboxOf } from './bbox';

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Box = [number, number, number, number];

/**
 * Where the basemap keeps its detail: inside `region` (the scenario's extent with a margin) the detailed
 * topology is used; elsewhere the `coarse` one (e.g. Natural Earth 1:110m), whose coasts and borders are
 * plenty for the world seen around the crisis and a seventh of the bytes. Countries the coarse topology
 * does not have (small islands) are left out outside the region.
 */
export interface BasemapDetail {
  coarse: CountriesTopology;
  region: Box;
}

const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export interface BasemapProperties {
  kind: BasemapKind;
  name?: string;
  /** Label size class 0–3, growing with the country's area. */
  rank?: number;
}

/** ~110 m at the equator: finer than the 1:50 million source, and a third smaller than full precision. */
const DECIMALS = 3;
/** ~1.1 km: still finer than the 1:110 million source's own detail, used for the coarse parts. */
const COARSE_DECIMALS = 2;
const round = (v: number, decimals = DECIMALS) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Rounds a line, dropping points that became equal to the previous one. */
function roundLine(line: Position[], decimals = DECIMALS): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = [round(p[0], decimals), round(p[1], decimals)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Rounds a ring, keeping the original when rounding would leave it with fewer than 4 positions. */
function roundRing(ring: Position[], decimals = DECIMALS): Position[] {
  const r = roundLine(ring, decimals);
  return r.length >= 4 ? r : ring;
}

function rankOf(km2: number): number {
  if (km2 >= 1_500_000) return 3;
  if (km2 >= 500_000) return 2;
  if (km2 >= 100_000) return 1;
  return 0;
}

/** The largest polygon of a country: its label goes there, not in the sea between islands. */
function largestPolygon(geometry: Polygon | MultiPolygon): Feature<Polygon> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Feature<Polygon> | undefined;
  let bestArea = -1;
  for (const coordinates of polygons) {
    const f: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates },
    };
    const a = area(f);
    if (a > bestArea) [best, bestArea] = [f, a];
  }
  return best!;
}

/**
 * The offline basemap as one GeoJSON FeatureCollection, from a Natural Earth TopoJSON such as
 * `world-atlas/countries-50m.json`: `land` (the countries merged), `border` lines (shared boundaries only,
 * so coasts are not drawn twice) and one `label` point per country, with its name and a size `rank`.
 *
 * @example basemapGeoJson(topology).features.filter((f) => f.properties.kind === 'label').length // 241
 */
export function basemapGeoJson(
  topology: CountriesTopology,
  detail?: BasemapDetail,
): FeatureCollection<Polygon | MultiPolygon | GeoJSON.MultiLineString | GeoJSON.Point, BasemapProperties> {
  const coarseById = new Map(
    detail ? feature(detail.coarse, detail.coarse.objects.countries).features.map((c) => [c.id, c]) : [],
  );
  // Countries meeting the region come from the detailed topology; the others from the coarse one, where it
  // has them (small islands it lacks are left out).
  const detailed = feature(topology, topology.objects.countries).features.filter(
    (c) => !detail || !c.geometry || meets(bboxOf(c.geometry), detail.region),
  );
  const detailedIds = new Set(detailed.map((c) => c.id));
  const countries = [
    ...detailed,
    ...(detail
      ? feature(topology, topology.objects.countries).features.flatMap((c) => {
          const coarse = detailedIds.has(c.id) ? undefined : coarseById.get(c.id);
          return coarse?.geometry ? [{ ...c, geometry: coarse.geometry }] : [];
        })
      : []),
  ];
  const out: FeatureCollection<
    Polygon | MultiPolygon | GeoJSON.MultiLineString | GeoJSON.Point,
    BasemapProperties
  > = { type: 'FeatureCollection', features: [] };

  // The land as one shape per topology, merged along the countries' shared arcs: a country's polygon would
  // repeat each border it shares (every border twice in all), a third of the basemap's bytes, for a fill of
  // one colour; the borders are their own layer.
  const landOf = (
    t: CountriesTopology,
    keep: (id: string | number | undefined) => boolean,
    decimals: number,
  ) => {
    const merged = merge(
      t,
      // Only polygons merge; a country without geometry has nothing to add to the land.
      t.objects.countries.geometries.filter(
        (g): g is TopoPolygon<{ name: string }> | TopoMultiPolygon<{ name: string }> =>
          (g.type === 'Polygon' || g.type === 'MultiPolygon') && keep(g.id),
      ),
    );
    const ring = (r: Position[]) => roundRing(r, decimals);
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: merged.coordinates.map((p) => p.map(ring)),
    };
    out.features.push({ type: 'Feature', properties: { kind: 'land' }, geometry });
  };
  landOf(topology, (id) => detailedIds.has(id), DECIMALS);
  if (detail) {
    const coarseIds = new Set(countries.filter((c) => !detailedIds.has(c.id)).map((c) => c.id));
    landOf(detail.coarse, (id) => coarseIds.has(id), COARSE_DECIMALS);
  }

  let borders = mesh(topology, topology.objects.countries, (a, b) => a !== b).coordinates;
  if (detail) {
    // Arcs meeting the region from the detailed borders, the others from the coarse ones: arcs are split
    // where borders meet, so the two sets join at junctions without drawing a border twice.
    const inRegion = (line: Position[]) =>
      meets(bboxOf({ type: 'LineString', coordinates: line }), detail.region);
    const coarse = mesh(detail.coarse, detail.coarse.objects.countries, (a, b) => a !== b).coordinates;
    borders = [
      ...borders.filter(inRegion).map((l) => roundLine(l)),
      ...coarse.filter((l) => !inRegion(l)).map((l) => roundLine(l, COARSE_DECIMALS)),
    ];
  } else borders = borders.map((l) => roundLine(l));
  out.features.push({
    type: 'Feature',
    properties: { kind: 'border' },
    geometry: { type: 'MultiLineString', coordinates: borders },
  });

  for (const c of countries) {
    const g = c.geometry as Polygon | MultiPolygon | null;
    const name = c.properties?.name;
    if (!g || !name) continue;
    const main = largestPolygon(g);
    let point = centroid(main);
    if (!booleanPointInPolygon(point, main)) point = pointOnFeature(main);
    const [lon, lat] = point.geometry.coordinates;
    out.features.push({
      type: 'Feature',
      properties: { kind: 'label', name, rank: rankOf(area(main) / 1e6) },
      geometry: { type: 'Point', coordinates: [round(lon), round(lat)] },
    });
  }
  return out;
}
