// OpenStreetMap health facilities (HOT Export Tool, HDX "health facilities"): `amenity` or `healthcare`
// (`hospital`, `clinic`, `doctors`…), `name`, `name:ar`, `operator`, `osm_id`. Points.
import type { ImportPreset } from './types';

const facility = 'health_facility';

export const osmHealth: ImportPreset = {
  name: 'osm-health',
  label: 'OpenStreetMap health facilities',
  layer: 'sites',
  required: [
    ['amenity', 'healthcare'],
    ['name', 'name:en'],
  ],
  typical: [
    ['healthcare'],
    ['amenity'],
    ['name:ar'],
    ['healthcare:speciality'],
    ['operator'],
    ['operator:type'],
    ['beds'],
    ['osm_id', '@id'],
  ],
  fields: {
    name: ['name', 'name:en'],
    nameAr: ['name:ar'],
    // `amenity` is on hospitals, clinics, doctors and pharmacies old and new; `healthcare`, the newer tag,
    // is read when the export has no `amenity` column.
    kind: ['amenity', 'healthcare'],
    id: ['osm_id', '@id'],
  },
  values: {
    kind: {
      hospital: facility,
      clinic: facility,
      doctors: facility,
      health_post: facility,
      health_centre: facility,
      centre: facility,
      dentist: facility,
      pharmacy: facility,
      laboratory: facility,
      birthing_centre: facility,
      nutrition_centre: facility,
    },
  },
};
