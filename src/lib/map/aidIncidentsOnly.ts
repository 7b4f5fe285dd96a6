import type { Situation } from '$lib/domain/schemas';

// `neededProtection` reads, of a situation's incidents, only those of violence against aid, and picks them
// out of all of them on every call: at Sudan scale a date parse for each of 20,000 incidents on every date's
// verdicts (6–7 ms of the 100 ms of a date's verdicts and body). The map's server makes the verdicts of date
// after date from one situation, so the pick by category, which does not depend on the date, is made once per
// situation here; `neededProtection` still picks the date's window out of them. tests/unit/analysis-map-verdicts-body.test.ts
// checks the result stays `neededProtection` of the whole situation.

const views = new WeakMap<Situation, Situation>();

/**
 * `situation` with only its incidents of violence against aid, made on the first call for a situation and kept
 * while it lives, so `situation` must not be mutated after (the server's situations are not).
 */
export function withAidIncidentsOnly(situation: Situation): Situation {
  let view = views.get(situation);
  if (!view) {
    view = {
      ...situation,
      incidents: situation.incidents.filter((i) => i.properties.category === 'violence_against_aid'),
    };
    views.set(situation, view);
  }
  return view;
}
