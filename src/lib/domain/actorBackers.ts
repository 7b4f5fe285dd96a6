import type { Actor, BackerClaim, Scenario, Sensitivity } from './schemas';

/**
 * The scenario with only the backer claims of the given sensitivities (e.g. `['public']` for the public).
 * Claims live in the scenario document rather than a layer, so every read of the scenario for a viewer goes
 * through here, as features go through the database's sensitivity filter. Input is not mutated; it is
 * returned as it is when it has no claim to hide.
 */
export function scenarioVisibleAt(s: Scenario, sensitivities: readonly Sensitivity[]): Scenario {
  // Nothing hidden: the same object, so whatever is keyed on the scenario stays valid.
  if (s.actors.every((a) => (a.backers ?? []).every((c) => sensitivities.includes(c.sensitivity)))) return s;
  return {
    ...s,
    actors: s.actors.map((a) => ({
      ...a,
      // Documents stored before claims existed have no `backers`.
      backers: (a.backers ?? []).filter((c) => sensitivities.includes(c.sensitivity)),
    })),
  };
}

/** The claims about an actor known on `date` (made public on or before it), oldest first, then by id. */
export function backersOn(actor: Actor, date: string): BackerClaim[] {
  return (actor.backers ?? [])
    .filter((c) => c.date <= date)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Each actor with the claims known on `date`, in the scenario's order. */
export function actorsWithBackersOn(
  scenario: Scenario,
  date: string,
): { actor: Actor; claims: BackerClaim[] }[] {
  return scenario.actors.map((actor) => ({ actor, claims: backersOn(actor, date) }));
}
