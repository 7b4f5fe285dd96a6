// The situation store's visibility levels share what they both see (`SituationStore.readLevel`): read in any order,
// each level is, byte for byte, what a whole read of it gives, and a record two levels see is one object in both; a
// level whose roads, crossings and sites are another's analyses on that level's road network, with the analyses of
// an analyzer that built its own. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { layerNames, type AnyFeature, type Situation } from '$lib/domain/schemas';
import { visibleSensitivities, type Viewer } from '$lib/server/auth/roles';
import { createFeature, readSituation } from '$lib/server/db/featureRepository';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { SituationStore } from '$lib/server/situation/situationStore';
import { seededDatabase, type SeededDatabase } from './helpers/seededDatabase';
import { engines } from './helpers/testServices';

const geodata = loadSituationFromDir('geodata');
const ADMIN: Viewer = { id: 1, email: 'admin@example.org', role: 'admin' };
const EDITOR: Viewer = { id: 2, email: 'editor@example.org', role: 'editor' };
const PUBLIC: Viewer = null;

const site = (id: string, sensitivity: string) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.31, 13.49] },
  properties: { id, name: id, source: 'test', kind: 'idp_camp', country: 'SDN', sensitivity },
});
const incident = (id: string, sensitivity: string) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.35, 13.62] },
  properties: {
    id,
    name: id,
    source: 'test',
    sensitivity,
    date: '2024-03-01',
    category: 'hostilities',
    severity: 3,
    verification: 'verified',
  },
});
const byId = (s: Situation) => {
  const out = new Map<string, AnyFeature>();
  for (const layer of layerNames) for (const f of s[layer] as AnyFeature[]) out.set(f.properties.id, f);
  return out;
};

describe.each(engines)('visibility levels sharing their records on $name', ({ url }) => {
  let seeded: SeededDatabase | undefined;

  beforeAll(async () => {
    seeded = await seededDatabase(url, 'corridor_levels', geodata);
    const db = seeded.handle.db;
    // Records each level sees differently: a restricted camp and incident, a confidential incident.
    await createFeature(db, 'sites', site('lv_restricted_camp', 'restricted'), 'test');
    await createFeature(db, 'incidents', incident('lv_restricted', 'restricted'), 'test');
    await createFeature(db, 'incidents', incident('lv_confidential', 'confidential'), 'test');
  }, 300_000);
  afterAll(() => seeded?.close());

  /** Each level as a whole read gives it, and each record the same object in every level that sees it. */
  async function expectShared(store: SituationStore) {
    const objects = new Map<string, AnyFeature>();
    for (const viewer of [PUBLIC, EDITOR, ADMIN]) {
      const s = await store.situationFor(viewer);
      const whole = await readSituation(seeded!.handle.db, geodata.scenario.id, visibleSensitivities(viewer));
      expect(JSON.stringify(s)).toBe(JSON.stringify(whole));
      for (const [id, f] of byId(s)) {
        if (objects.has(id)) expect(f, id).toBe(objects.get(id));
        else objects.set(id, f);
      }
    }
    // Every record once: the public's, then what staff add, then the administrators'.
    expect(objects.size).toBe(byId(await store.situationFor(ADMIN)).size);
  }

  it('shares them whichever level is read first', async () => {
    for (const order of [
      [PUBLIC, EDITOR, ADMIN],
      [ADMIN, PUBLIC, EDITOR],
      [EDITOR, ADMIN, PUBLIC],
    ]) {
      const store = new SituationStore(seeded!.handle.db, geodata.scenario.id);
      for (const viewer of order) await store.situationFor(viewer);
      await expectShared(store);
    }
  });

  it('keeps sharing them after writes, and a level takes the road network of another with the same roads and sites', async () => {
    const db = seeded!.handle.db;
    const store = new SituationStore(db, geodata.scenario.id);
    const network = async (viewer: Viewer) => (await store.analyzerFor(viewer)).network;
    // Staff and administrators see the restricted camp: their network is one, the public's another.
    const publicNetwork = await network(PUBLIC);
    const staffNetwork = await network(EDITOR);
    expect(staffNetwork).not.toBe(publicNetwork);
    expect(await network(ADMIN)).toBe(staffNetwork);

    // A confidential camp: the administrators' sites are their own now, the others' situations as they were.
    const publicSituation = await store.situationFor(PUBLIC);
    const staffSituation = await store.situationFor(EDITOR);
    await createFeature(db, 'sites', site('lv_confidential_camp', 'confidential'), 'test');
    expect(await store.situationFor(PUBLIC)).toBe(publicSituation);
    expect(await store.situationFor(EDITOR)).toBe(staffSituation);
    await expectShared(store);
    const adminNetwork = await network(ADMIN);
    expect([publicNetwork, staffNetwork]).not.toContain(adminNetwork);
    expect(await network(EDITOR)).toBe(staffNetwork);

    // A public incident: every level sees it, no network is built again.
    await createFeature(db, 'incidents', incident('lv_public', 'public'), 'test');
    await expectShared(store);
    expect(await network(PUBLIC)).toBe(publicNetwork);
    expect(await network(EDITOR)).toBe(staffNetwork);
    expect(await network(ADMIN)).toBe(adminNetwork);

    // The analyses on a network taken from another level are those of an analyzer that built its own.
    for (const viewer of [EDITOR, ADMIN]) {
      const analyzer = await store.analyzerFor(viewer);
      const own = createAnalyzer(structuredClone(analyzer.situation));
      for (const date of ['2024-03-01', '2024-11-20'])
        expect(JSON.stringify(analyzer.analyze(date))).toBe(JSON.stringify(own.analyze(date)));
    }
  });

  it("gives a level whose sites became another level's that level's road network", async () => {
    const db = seeded!.handle.db;
    const store = new SituationStore(db, geodata.scenario.id);
    const staffNetwork = (await store.analyzerFor(EDITOR)).network;
    const adminNetwork = (await store.analyzerFor(ADMIN)).network;
    expect(adminNetwork).not.toBe(staffNetwork);
    // The confidential camp made restricted: staff now see every site the administrators see.
    await db.execute(
      `update features set sensitivity = 'restricted',
         properties = jsonb_set(properties, '{sensitivity}', '"restricted"') where id = 'lv_confidential_camp'`,
    );
    await expectShared(store);
    expect((await store.analyzerFor(EDITOR)).network).toBe(adminNetwork);
  });
});
