// The map's verdicts of a situation are made from that situation's analysis, also when the store hands out
// another since (a write came after it was read): a body kept for one snapshot (`verdictsForView`, the route's,
// the warm-up's and the walk's) is never made from a later one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { publicSituation } from '$lib/server/http/publicSituation';
import { verdictsForView } from '$lib/server/mapView/verdictsForView';
import { startServices, type Services } from '$lib/server/services';
import { decodeVerdicts } from '$lib/map/verdictsWire';
import { campFeature, publicReadsFresh, verdictsFromScratch } from '../helpers/mapTestData';

let services: Services;
beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
});
afterAll(async () => {
  await services.database.close();
});

describe("a situation's verdicts", () => {
  it('are those of that situation after a write, not of the one the store hands out since', async () => {
    const before = await publicSituation(services.store);
    const date = before.scenario.defaultAsOf;
    await createFeature(services.database.db, 'sites', campFeature('later_camp', 'public'), 'test');
    await publicReadsFresh();
    expect(await publicSituation(services.store)).not.toBe(before);
    const wire = await verdictsForView(services.store, before, date);
    expect(JSON.stringify(wire)).toBe(verdictsFromScratch(before, date));
    expect(decodeVerdicts(wire).sites.later_camp).toBeUndefined();
  });
});
