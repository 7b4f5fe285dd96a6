// The IPC API's GeoJSON (areas and points of an analysis): `overall_phase` (1–5), `estimated_population`,
// `title` (the area's name), `from`/`to` (the analysis period), `aar_id`. The points (camps, towns analysed
// apart) are sites; the sites layer takes points only, so area polygons are refused by its schema.
import type { ImportPreset } from './types';

export const ipcApi: ImportPreset = {
  name: 'ipc-api',
  label: 'IPC API',
  layer: 'sites',
  required: [['overall_phase'], ['title', 'area_name', 'name']],
  typical: [
    ['estimated_population', 'population'],
    ['aar_id'],
    ['anl_id'],
    ['from'],
    ['to'],
    ['ipc_period', 'period'],
    ['phase3_population', 'p3plus'],
    ['country'],
  ],
  fields: {
    id: ['aar_id', 'id'],
    name: ['title', 'area_name', 'name'],
    ipcPhase: ['overall_phase'],
    population: ['estimated_population', 'population'],
    // The figures hold from the start of the analysis period.
    date: ['from', 'analysis_date', 'date'],
  },
  set: { kind: 'town', source: 'IPC' },
  needs: 'the kind when the points are camps (--set kind=idp_camp); area polygons are not sites',
};
