// The two global collections of administrative boundaries people use when OCHA has no COD for a country:
// geoBoundaries (`shapeName`, `shapeType`, `shapeID`, `shapeGroup`) and GADM (`GID_0`, `NAME_1`, `GID_1`…).
// Their keys and parents are read by `boundaryExports.ts` (a key from the collection's ids, the parent by
// overlap when the file names none); the presets name the columns and make the fit visible.
import type { ImportPreset } from './types';

export const geoBoundaries: ImportPreset = {
  name: 'geoboundaries',
  label: 'geoBoundaries',
  layer: 'admin',
  required: [['shapeName'], ['shapeType'], ['shapeID']],
  typical: [['shapeGroup'], ['shapeISO']],
  // `ADM2` reads as level 2: the letters before the number are dropped.
  fields: { name: ['shapeName'], level: ['shapeType'] },
};

export const gadm: ImportPreset = {
  name: 'gadm',
  label: 'GADM',
  layer: 'admin',
  required: [['GID_0'], ['GID_1', 'NAME_0', 'COUNTRY']],
  typical: [['NAME_1'], ['GID_2'], ['NAME_2'], ['TYPE_1', 'ENGTYPE_1'], ['VARNAME_1'], ['NL_NAME_1']],
  // The deepest level the file has names its areas.
  fields: { name: ['NAME_4', 'NAME_3', 'NAME_2', 'NAME_1', 'COUNTRY', 'NAME_0'] },
};
