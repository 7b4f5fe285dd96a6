import { parseSituation, type Situation } from '$lib/domain/schemas';
import { generateSituationInput, SUDAN_SCALE } from '../../bench/generate';

/**
 * The bench's Sudan-scale synthetic situation shrunk to `scale` (roads, sites, incidents and constraints),
 * with four areas, validated: small enough for a unit test to analyse several dates with fresh analyzers.
 */
export function scaledSudanSituation(scale: number, seed: number): Situation {
  return parseSituation(
    generateSituationInput({
      ...SUDAN_SCALE,
      seed,
      roadSegments: Math.round(SUDAN_SCALE.roadSegments * scale),
      sites: Math.round(SUDAN_SCALE.sites * scale),
      incidents: Math.round(SUDAN_SCALE.incidents * scale),
      constraints: Math.round(SUDAN_SCALE.constraints * scale),
      areas: 4,
    }).input,
  );
}
