import { parseSituation, type Situation } from '$lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';

/**
 * The real-shaped network at `scale` with a fifth of its roads opened on 2024-06-01: before that date, sites
 * join other junctions, so a test that switches dates meets sites whose attachment changed.
 */
export function walksWithOpenedRoads(scale: number): Situation {
  const walks = parseSituation(generateWalkSituationInput(walkOptionsAt(scale)).input);
  const opened = (r: (typeof walks.roads)[number]) => ({
    ...r,
    properties: { ...r.properties, validFrom: '2024-06-01' },
  });
  return {
    ...walks,
    roads: walks.roads.map((r, i) => (i % 5 === 0 && !r.properties.validFrom ? opened(r) : r)),
  };
}
