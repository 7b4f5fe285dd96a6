// Areas of control drawn by hand or taken from a conflict map (DeepState-style exports, a polygon drawn in
// geojson.io or Google Earth): the outline is all they hold. Who holds it, how sure and since when cannot be
// read from them: the preset asks for them as fixed values.
import type { ImportPreset } from './types';

export const controlAreas: ImportPreset = {
  name: 'control-areas',
  label: 'hand-drawn control areas',
  layer: 'areas',
  required: [],
  typical: [['name'], ['description'], ['fill'], ['stroke'], ['styleUrl'], ['fill-opacity']],
  fields: { name: ['name', 'Name', 'title'], note: ['description'] },
  ask: ['actorId', 'confidence', 'validFrom'],
  offeredForLayer: true,
  needs: '--set actorId=ACTOR --set confidence=assessed|claimed|contested --set validFrom=YYYY-MM-DD',
};
