// A read after a write reads what changed (migration 0023, `readSituationSince`): after each kind of write, every
// visibility level's situation is, byte for byte, what a whole read gives (`readSituation`), while the features no
// write touched stay the objects of the last read, and a level that sees no write keeps its situation object; a write
// that leaves the roads, crossings and sites as they were leaves the level's road network too. On PGlite and
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { AnyFeature, Situation } from '$lib/domain/schemas';
import { layerNames } from '$lib/domain/schemas';
import { visibleSensitivities, type Viewer } from '$lib/server/auth/roles';
import type { OpenDatabase } from '$lib/server/db/client';
import {
  createFeature,
  deleteFeature,
  getFeature,
  insertFeatures,
  readSituation,
  updateFeature,
} from '$lib/server/db/featureRepository';
import { readSituationSince } from '$lib/server/db/readSituationSince';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { SituationStore } from '$lib/server/situation/situationStore';
import { seededDatabase, type SeededDatabase } from './helpers/seededDatabase';
import { engines } from './helpers/testServices';

const geodata = loadSituationFromDir('geodata');
const ADMIN: Viewer = { id: 1, email: 'admin@example.org', role: 'admin' };
const EDITOR: Viewer = { id: 2, email: 'editor@example.org', role: 'editor' };
const viewers: [string, Viewer][] = [
  ['public', null],
  ['staff', EDITOR],
  ['admin', ADMIN],
];

const site = (id: string, name: string, sensitivity = 'public') => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.31, 13.49] },
  properties: { id, name, source: 'test', kind: 'idp_camp', country: 'SDN', sensitivity },
});
const byId = (s: Situation) => {
  const out = new Map<string, AnyFeature>();
  for (const layer of layerNames) for (const f of s[layer] as AnyFeature[]) out.set(f.properties.id, f);
  return out;
};

describe.each(engines)('a read after a write on $name', ({ url }) => {
  let seeded: SeededDatabase | undefined;
  let handle: OpenDatabase;
  let store: SituationStore;

  beforeAll(async () => {
    seeded = await seededDatabase(url, 'corridor_readsince', geodata);
    handle = seeded.handle;
    store = new SituationStore(handle.db, geodata.scenario.id);
  }, 300_000);
  afterAll(() => seeded?.close());

  /**
   * Each level's situation after `write`: the same JSON as a whole read, every feature whose id `touched` does
   * not name the same object as before (`'every'`: none is, the whole situation was read), and the level's
   * situation object kept when it is in `unseenBy`.
   */
  async function expectReadAfter(
    write: () => Promise<unknown>,
    touched: string[] | 'every',
    unseenBy: string[] = [],
  ) {
    const before = new Map<string, Situation>();
    for (const [name, viewer] of viewers) before.set(name, await store.situationFor(viewer));
    await write();
    for (const [name, viewer] of viewers) {
      const after = await store.situationFor(viewer);
      const whole = await readSituation(handle.db, geodata.scenario.id, visibleSensitivities(viewer));
      expect(JSON.stringify(after), name).toBe(JSON.stringify(whole));
      const was = before.get(name)!;
      if (unseenBy.includes(name)) expect(after, name).toBe(was);
      else expect(after, name).not.toBe(was);
      const old = byId(was);
      let same = 0;
      for (const [id, f] of byId(after)) {
        if (f === old.get(id)) same++;
        else expect(touched === 'every' || touched.includes(id), `${name}: ${id} read again`).toBe(true);
      }
      if (touched === 'every') expect(same).toBe(0);
      else expect(same).toBe(byId(after).size - touched.filter((id) => byId(after).has(id)).length);
    }
  }

  it('reads each kind of write as a whole read gives it, other features kept as they were', async () => {
    // Created and edited by the app.
    await expectReadAfter(() => createFeature(handle.db, 'sites', site('rs_a', 'A'), 'test'), ['rs_a']);
    const a = await getFeature(handle.db, 'rs_a');
    await expectReadAfter(
      () => updateFeature(handle.db, 'rs_a', a!.version, site('rs_a', 'A edited'), 'test'),
      ['rs_a'],
    );
    // Made restricted: gone from the public, edited for staff; made public again.
    const edited = await getFeature(handle.db, 'rs_a');
    await expectReadAfter(
      () => updateFeature(handle.db, 'rs_a', edited!.version, site('rs_a', 'A hidden', 'restricted'), 'test'),
      ['rs_a'],
    );
    const hidden = await getFeature(handle.db, 'rs_a');
    await expectReadAfter(
      () => updateFeature(handle.db, 'rs_a', hidden!.version, site('rs_a', 'A shown'), 'test'),
      ['rs_a'],
    );
    // A confidential record: only the administrator's level sees it, the others keep their situation object.
    await expectReadAfter(
      () => createFeature(handle.db, 'sites', site('rs_c', 'C', 'confidential'), 'test'),
      ['rs_c'],
      ['public', 'staff'],
    );
    // Imported in a batch, then deleted by the app (a soft delete).
    await expectReadAfter(
      () => insertFeatures(handle.db, 'sites', [site('rs_b', 'B'), site('rs_d', 'D', 'restricted')], 'test'),
      ['rs_b', 'rs_d'],
    );
    // Ids whose order depends on the collation ("_", "-", ".", upper case): each goes where the database puts it.
    const odd = ['Rs_Z', 'rs-b', 'rs.b', 'rs_b0', 'RS-A', '0rs', 'zz_rs'];
    await expectReadAfter(
      () =>
        insertFeatures(
          handle.db,
          'sites',
          odd.map((id) => site(id, id)),
          'test',
        ),
      odd,
    );
    const b = await getFeature(handle.db, 'rs_b');
    await expectReadAfter(() => deleteFeature(handle.db, 'rs_b', b!.version, 'test'), ['rs_b']);
    // SQL typed by hand: an edit, a row deleted outright and the scenario renamed. A row deleted outright leaves
    // no mark: the count of rows shows it, and the whole situation is read.
    await expectReadAfter(
      () =>
        handle.db.execute(
          `update features set properties = jsonb_set(properties, '{name}', '"By hand"') where id = 'rs_a'`,
        ),
      ['rs_a'],
    );
    await expectReadAfter(() => handle.db.execute(`delete from features where id = 'rs_a'`), 'every');
    await expectReadAfter(
      () => handle.db.execute(`update scenarios set document = jsonb_set(document, '{name}', '"Renamed"')`),
      [],
    );
    expect((await store.situationFor(null)).scenario.name).toBe('Renamed');
  }, 120_000);

  it('reads the whole situation when a feature listed is in neither the last read nor the rows written', async () => {
    // What a write committed between the two queries can leave: a new row listed but not read.
    const whole = await readSituation(handle.db, geodata.scenario.id, ['public']);
    const missing = whole.sites[0].properties.id;
    const before = { ...whole, sites: whole.sites.slice(1) };
    const read = await readSituationSince(
      handle.db,
      geodata.scenario.id,
      ['public'],
      before,
      await store.dataVersion(),
    );
    expect(read.sites[0].properties.id).toBe(missing);
    expect(JSON.stringify(read)).toBe(JSON.stringify(whole));
  });

  it("gives a level's analyzer after a write of an incident the road network of its last, not after a new site", async () => {
    const last = (await store.analyzerFor(null)).network;
    const incident = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [25.35, 13.62] },
      properties: {
        id: 'rs_incident',
        name: 'Incident',
        source: 'test',
        date: '2024-03-01',
        category: 'hostilities',
        severity: 3,
        verification: 'verified',
      },
    };
    await createFeature(handle.db, 'incidents', incident, 'test');
    const after = await store.analyzerFor(null);
    expect(after.network).toBe(last);
    // The same analyses as an analyzer that builds its own network from a copy of every record.
    const own = createAnalyzer(structuredClone(after.situation));
    expect(own.network).not.toBe(last);
    for (const date of ['2024-03-01', '2024-11-20'])
      expect(JSON.stringify(after.analyze(date))).toBe(JSON.stringify(own.analyze(date)));
    await createFeature(handle.db, 'sites', site('rs_n', 'N'), 'test');
    expect((await store.analyzerFor(null)).network).not.toBe(last);
  });

  it('marks each written row with the data version of its write', async () => {
    await createFeature(handle.db, 'sites', site('rs_m', 'M'), 'test');
    const version = await store.dataVersion();
    const mark = async (id: string) => {
      const r = await handle.db.execute(`select change_mark from features where id = '${id}'`);
      return Number((r as unknown as { rows: { change_mark: unknown }[] }).rows[0].change_mark);
    };
    expect(await mark('rs_m')).toBe(version);
    // Writing the mark by hand is overridden: the trigger sets it.
    await handle.db.execute(`update features set change_mark = 0 where id = 'rs_m'`);
    expect(await mark('rs_m')).toBe(await store.dataVersion());
    expect(await store.dataVersion()).toBe(version + 1);
  });
});
