import { bboxOfGeometry } from '$lib/domain/geo/bboxOfGeometry';
import { layerNames, type Situation } from '$lib/domain/schemas';
import { featuresOf } from '../export/selectFeatures';
import { CRS84 } from './params';
import { temporalExtent } from './temporal';

const TITLES: Record<string, [title: string, description: string]> = {
  areas: [
    'Areas of control',
    'Polygons held by an actor over a validity interval, with a confidence (assessed, claimed, contested). Approximate in the default scenario.',
  ],
  frontlines: [
    'Front lines',
    'Lines between areas held by opposing actors, each with the two actors and its validity.',
  ],
  sites: [
    'Sites',
    'Camps, towns, supply hubs and airports, with dated population, IPC phase and famine figures.',
  ],
  crossings: [
    'Crossings',
    'International border crossings and crossline points, with their dated status history (open, restricted, closed).',
  ],
  roads: [
    'Roads',
    'The road network by class (primary, secondary, track), with the months in which a road is impassable.',
  ],
  corridors: ['Aid corridors', 'Named aid routes from a hub to the place they serve.'],
  incidents: [
    'Incidents',
    'Dated access incidents by ACAPS/OCHA access-constraint category, with severity 0–3 and verification state.',
  ],
  constraints: [
    'Access constraints',
    'Dated obstacles that are not incidents: floods, bridges out, checkpoints, minefields, curfews.',
  ],
  admin: [
    'Administrative boundaries',
    'Administrative areas (OCHA common operational datasets) with their P-codes.',
  ],
};

/** The layers the OGC API serves, every layer of the schemas. */
export const collectionIds = (): string[] => [...layerNames];

/** Title and description of a collection; a layer added later gets its name until it is described here. */
export function collectionTitle(id: string): { title: string; description: string } {
  const [title, description] = TITLES[id] ?? [id.charAt(0).toUpperCase() + id.slice(1), `The ${id} layer.`];
  return { title, description };
}

/** Spatial (bbox of the features, or the scenario's extent when there are none) and temporal extent. */
export function collectionExtent(situation: Situation, id: string) {
  const features = featuresOf(situation, id);
  let box: [number, number, number, number] = [...situation.scenario.extent];
  if (features.length) {
    box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of features) {
      const b = bboxOfGeometry(f.geometry);
      box = [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])];
    }
  }
  const interval = temporalExtent(features.map((f) => f.properties));
  return {
    spatial: { bbox: [box], crs: CRS84 },
    ...(interval && {
      temporal: { interval: [interval], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' },
    }),
  };
}
