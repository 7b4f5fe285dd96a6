// HOT's OpenStreetMap exports of populated places (Export Tool, HDX "populated places"): `name`, `name:en`,
// `name:ar`, `place`, `population` written as text, `osm_id`. Points, as GeoJSON or CSV.
import type { ImportPreset } from './types';

export const hotOsmPlaces: ImportPreset = {
  name: 'hot-osm-places',
  label: 'HOT OpenStreetMap populated places',
  layer: 'sites',
  required: [['place'], ['name', 'name:en']],
  typical: [['name:ar'], ['name:en'], ['population'], ['osm_id', '@id'], ['osm_type'], ['is_in'], ['source']],
  fields: {
    // `name` is the name used on the ground (Arabic in Sudan), filled wherever a place is named.
    name: ['name', 'name:en'],
    nameAr: ['name:ar'],
    kind: ['place'],
    population: ['population'],
    id: ['osm_id', '@id'],
  },
  values: {
    // OSM's place values: the sites layer keeps towns, whatever their size.
    kind: {
      city: 'town',
      town: 'town',
      village: 'town',
      hamlet: 'town',
      suburb: 'town',
      quarter: 'town',
      neighbourhood: 'town',
      isolated_dwelling: 'town',
      locality: 'town',
      farm: 'town',
    },
  },
  needs: 'the date of the population figures (--date), when the file has population',
};
