import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { situationVisibleAt } from '$lib/domain/visibility';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const base = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const restrictedCamp = {
  ...base.sites[0],
  properties: { ...base.sites[0].properties, id: 'staff_camp', sensitivity: 'restricted' as const },
};
const situation = { ...base, sites: [...base.sites, restrictedCamp] };

describe('situationVisibleAt', () => {
  it('keeps only the records of the given sensitivities, in every layer, without touching its input', () => {
    const before = JSON.stringify(situation);
    const pub = situationVisibleAt(situation, ['public']);
    expect(pub.sites.map((s) => s.properties.id)).not.toContain('staff_camp');
    expect(pub.sites).toHaveLength(base.sites.length);
    expect(pub.corridors).toHaveLength(base.corridors.length);
    expect(pub.scenario).toBe(situation.scenario);
    const staff = situationVisibleAt(situation, ['public', 'restricted']);
    expect(staff.sites.map((s) => s.properties.id)).toContain('staff_camp');
    expect(JSON.stringify(situation)).toBe(before);
  });
});
