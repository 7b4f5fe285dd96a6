import type { Situation } from './schemas';

/**
 * The situation as the public may see it: only records whose sensitivity is `public`. Every public surface
 * goes through this function. Input is not mutated.
 */
export function publicSituation(s: Situation): Situation {
  const pub = <T extends { properties: { sensitivity: string } }>(list: T[]) =>
    list.filter((f) => f.properties.sensitivity === 'public');
  return {
    scenario: s.scenario,
    areas: pub(s.areas),
    frontlines: pub(s.frontlines),
    sites: pub(s.sites),
    crossings: pub(s.crossings),
    roads: pub(s.roads),
    corridors: pub(s.corridors),
    incidents: pub(s.incidents),
    constraints: pub(s.constraints),
    admin: pub(s.admin),
  };
}
