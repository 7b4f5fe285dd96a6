import { scenarioVisibleAt } from './actorBackers';
import { layerNames, type Sensitivity, type Situation } from './schemas';

/**
 * The situation restricted to records of the given sensitivities (e.g. `['public']` for what the public
 * may see). The database does this filtering for reads; this is for a situation already in memory, such as
 * the change feed comparing what each visibility level sees. The scenario's backer claims are filtered the
 * same way. Input is not mutated.
 */
export function situationVisibleAt(s: Situation, sensitivities: readonly Sensitivity[]): Situation {
  const out: Situation = { ...s, scenario: scenarioVisibleAt(s.scenario, sensitivities) };
  for (const layer of layerNames)
    (out as unknown as Record<string, unknown[]>)[layer] = (
      s[layer] as { properties: { sensitivity: Sensitivity } }[]
    ).filter((f) => sensitivities.includes(f.properties.sensitivity));
  return out;
}
