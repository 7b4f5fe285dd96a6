import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorsWithBackersOn, backersOn, scenarioVisibleAt } from '$lib/domain/actorBackers';
import { scenarioSchema } from '$lib/domain/schemas';
import { situationVisibleAt } from '$lib/domain/visibility';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// Actors' backers are records with a sensitivity like any feature (issue 11): a restricted claim is seen by
// staff only and never by the public.
const dir = join(import.meta.dirname, '..', 'fixtures', 'protection-needs');
const fixture = loadSituationFromDir(dir, dir);
const claimIds = (s: { actors: { backers: { id: string }[] }[] }) =>
  s.actors.flatMap((a) => a.backers.map((c) => c.id));

describe('backer claims', () => {
  it('the public sees public claims only; staff also restricted ones', () => {
    expect(claimIds(scenarioVisibleAt(fixture.scenario, ['public']))).toEqual([
      'claim_public_arms',
      'claim_later',
    ]);
    expect(claimIds(scenarioVisibleAt(fixture.scenario, ['public', 'restricted']))).toEqual([
      'claim_public_arms',
      'claim_restricted_cash',
      'claim_later',
    ]);
    // The situation filter used by the change feed filters the claims too, and leaves the input alone.
    expect(claimIds(situationVisibleAt(fixture, ['public']).scenario)).not.toContain('claim_restricted_cash');
    expect(claimIds(fixture.scenario)).toContain('claim_restricted_cash');
  });

  it('a claim shows from the date it was made public', () => {
    const gov = fixture.scenario.actors[0];
    expect(backersOn(gov, '2024-02-29').map((c) => c.id)).toEqual([]);
    expect(backersOn(gov, '2024-08-15').map((c) => c.id)).toEqual([
      'claim_public_arms',
      'claim_restricted_cash',
    ]);
    const on = actorsWithBackersOn(scenarioVisibleAt(fixture.scenario, ['public']), '2024-08-15');
    expect(on.map((a) => [a.actor.id, a.claims.map((c) => c.id)])).toEqual([
      ['gov', ['claim_public_arms']],
      ['reb', []],
    ]);
  });

  it('refuses a claim without source, with a bad confidence, or an id used twice, naming where', () => {
    const base = structuredClone(fixture.scenario) as Record<string, unknown> & typeof fixture.scenario;
    const bad = structuredClone(base);
    bad.actors[0].backers[0] = { ...bad.actors[0].backers[0], source: '', confidence: 'certain' as 'low' };
    const issues = (s: unknown) =>
      scenarioSchema.safeParse(s).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues(bad)).toEqual([
      expect.stringMatching(/^actors\.0\.backers\.0\.confidence: .*"low"\|"medium"\|"high"/),
      'actors.0.backers.0.source: must name the source of the claim',
    ]);
    const twice = structuredClone(base);
    twice.actors[1].backers[0].id = 'claim_public_arms';
    expect(issues(twice)).toEqual(['actors.1.backers.0.id: claim id "claim_public_arms" is used twice']);
  });

  it('the default scenario cites a source and a confidence for every claim', () => {
    const sudan = loadSituationFromDir('geodata');
    const claims = sudan.scenario.actors.flatMap((a) => a.backers);
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) {
      expect(c.source.length).toBeGreaterThan(10);
      expect(['low', 'medium', 'high']).toContain(c.confidence);
    }
  });
});
