import type { Scenario, Situation } from '$lib/domain/schemas';
import { layerNames } from '$lib/domain/schemas';

/**
 * Above this many features (every layer, every date, that the viewer may see) the map page draws from vector
 * tiles and the server's verdicts instead of loading the whole situation and analysing it in the browser.
 * The default scenario holds a few hundred; the Sudan-scale benchmark about 60,000, whose whole situation is
 * 16 MB of JSON. docs/scaling.md, "The map at scale".
 */
export const TILED_MAP_THRESHOLD = 20_000;

export type MapMode = 'whole' | 'tiled';

/** What the map page asks first: the scenario, how much there is, and so which way it loads its data. */
export interface MapMeta {
  scenario: Scenario;
  features: number;
  threshold: number;
  mode: MapMode;
}

export function mapMeta(situation: Situation, threshold = TILED_MAP_THRESHOLD): MapMeta {
  const features = layerNames.reduce((n, l) => n + situation[l].length, 0);
  return {
    scenario: situation.scenario,
    features,
    threshold,
    mode: features > threshold ? 'tiled' : 'whole',
  };
}
