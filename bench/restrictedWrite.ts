/**
 * A write the public does not see, on the server's situation store (`SituationStore`), in one process: the
 * Sudan-scale situation of `npm run bench:map` (bench/generate.ts, `SUDAN_SCALE`, scaled by BENCH_MAP_SCALE,
 * default 1) seeded into an embedded database in memory; the public situation read, its content hash made (as
 * the public ETags make it), and the map's verdicts of the default date and of a far date made, as the route
 * makes them. Then, three times:
 * 1. a restricted camp is written; the public situation is read again (the store compares its content's hash
 *    with the last one's), and the two dates' verdicts are asked again;
 * 2. a public camp is written (the baseline: the public content changed, which is what every write did to the
 *    public snapshot before the store compared contents): the same;
 * 3. a public incident is written: the same, the new analyzer taking the road network of the last one.
 * Prints, for each, the wall and CPU time of the re-read, whether the public situation object was kept and the road
 * network taken or built, and of each date's verdicts after it; and the ratio of the time to both dates' verdicts
 * after each write. The re-read takes the rows written since the last read (`readSituationSince`); a whole read of
 * the public situation (`readSituation`, what every re-read was before) is timed after it, as its baseline.
 *
 * Then the change feed's recording after a write (`recordStatusChanges`), which compares the verdicts of every
 * visibility level: first as at server start (no store: a whole read of every record, each level analysed), then
 * for a restricted camp and a public incident, each written twice. After the first write the recording reads and
 * analyses for itself as it did before (the baseline); after the second it takes the store's situations and
 * analyses (`FeedSource`). Prints the wall and CPU time of each, where its situations came from and the changes
 * it recorded, the ratio, and the live heap before and after (the store then holds every level's situation).
 *
 * Last, the public situation read again after a restricted and a public incident, once the store holds every level
 * (its levels share their records: the public is made from the administrators' level), against a store that holds
 * the public level alone.
 * `npm run bench:write`
 */
import { rmSync } from 'node:fs';
import { openDatabase } from '../src/lib/server/db/client';
import { createFeature, readSituation, seedSituation } from '../src/lib/server/db/featureRepository';
import { recordStatusChanges } from '../src/lib/server/feed';
import { loadSituationFromDir } from '../src/lib/server/geodata/loadSituationFromDir';
import { contentHash } from '../src/lib/server/http/contentVersion';
import { VerdictsArchive } from '../src/lib/server/mapView/verdictsArchive';
import { verdictsBody } from '../src/lib/server/mapView/verdictsBody';
import { SituationStore } from '../src/lib/server/situation/situationStore';
import { generateSituationInput, sudanScaled } from './generate';
import { collectGarbage, loadAverages, wallAndCpu } from './measure';
import { scenarioFolder } from './scenarioFolder';

const SCALE = Number(process.env.BENCH_MAP_SCALE ?? 1);
const FAR = '2024-06-01';
const n = (x: number) => Math.round(x).toLocaleString('en-US');

// The generated scenario as a scenario folder, seeded as the server seeds `geodata/`.
const generated = generateSituationInput(sudanScaled(SCALE, 4));
const geodata = scenarioFolder(generated, 'write-bench');
const loaded = loadSituationFromDir(geodata);
const first = loaded.scenario.defaultAsOf ?? loaded.scenario.timeRange.to;
const db = await openDatabase({ dataDir: 'memory://', migrationsFolder: 'drizzle' });
const wall = performance.now();
await seedSituation(db.db, loaded);
console.log(
  `Sudan scale ×${SCALE}: seeded in ${n((performance.now() - wall) / 1000)} s; dates ${first} and ${FAR}; ` +
    `load ${loadAverages()}`,
);

const store = new SituationStore(db.db, loaded.scenario.id);
// The walk's archive is off: the dates are analysed when asked, as before the walk reaches them.
const archive = new VerdictsArchive(0);

/** Both dates' public verdicts, as the route answers them; the wall time of each. */
async function bothDates(): Promise<number[]> {
  const times: number[] = [];
  for (const date of [first, FAR]) {
    const situation = await store.situationFor(null);
    times.push((await wallAndCpu(() => verdictsBody(store, archive, situation, date))).wall);
  }
  return times;
}

const read = await wallAndCpu(() => store.situationFor(null));
contentHash(read.value);
const before = await bothDates();
console.log(
  `first view: public situation read in ${n(read.wall)} ms; verdicts ${n(before[0]!)} ms (${first}), ` +
    `${n(before[1]!)} ms (${FAR})`,
);

const camp = (id: string, sensitivity: string) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.3, 13.6] },
  properties: { id, name: id, source: 'bench', sensitivity, kind: 'idp_camp', country: 'SDN' },
});
// An incident on the first date: no part of the road network (roads, crossings, sites), which the new analyzer then
// takes from the last one (src/lib/domain/analysis/network/roadNetworkOf.ts), where a new camp makes it build its own.
const incident = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.35, 13.62] },
  properties: {
    id: 'bench_public_incident',
    name: 'bench incident',
    source: 'bench',
    date: first,
    category: 'hostilities',
    severity: 3,
    verification: 'verified',
  },
};
const writes = [
  {
    label: 'a restricted camp',
    kind: 'restricted',
    layer: 'sites',
    feature: camp('bench_restricted_camp', 'restricted'),
  },
  { label: 'a public camp', kind: 'public', layer: 'sites', feature: camp('bench_public_camp', 'public') },
  { label: 'a public incident', kind: 'incident', layer: 'incidents', feature: incident },
] as const;

const after: Record<string, number> = {};
for (const { label, kind, layer, feature } of writes) {
  const last = await store.situationFor(null);
  // Held weakly, as the store holds nothing more than the level's last network.
  const lastNetwork = new WeakRef((await store.analyzerFor(null)).network);
  await createFeature(db.db, layer, feature, 'bench');
  const reread = await wallAndCpu(() => store.situationFor(null));
  const whole = await wallAndCpu(() => readSituation(db.db, loaded.scenario.id, ['public']));
  const [shown, far] = await bothDates();
  const network = (await store.analyzerFor(null)).network === lastNetwork.deref() ? 'taken' : 'built';
  after[kind] = reread.wall + shown! + far!;
  console.log(
    `${label} written: public situation read again in ${n(reread.wall)} ms ` +
      `(${n(reread.cpu)} ms CPU), ${reread.value === last ? 'kept' : 'made anew'}, against a whole read's ` +
      `${n(whole.wall)} ms (${n(whole.cpu)} ms CPU): ${(reread.wall / whole.wall).toFixed(2)}×; road network ${network}; ` +
      `verdicts ${n(shown!)} ms (${first}), ${n(far!)} ms (${FAR}); ${n(after[kind])} ms in all`,
  );
}
console.log(
  `after a restricted write, the public's two dates took ${(after.restricted! / after.public!).toFixed(2)}× ` +
    `what they took after a public camp was written (the baseline); after a public incident, ` +
    `${(after.incident! / after.public!).toFixed(2)}×; load ${loadAverages()}`,
);

// The change feed. Its date is the scenario's today (its last day here), not one of the two above.
const scenarioId = loaded.scenario.id;
const byRead = { db: db.db, scenarioId };
const fromStore = { database: db, store };
type Recording = Awaited<ReturnType<typeof wallAndCpu<Awaited<ReturnType<typeof recordStatusChanges>>>>>;
const said = (r: Recording) =>
  `${n(r.wall)} ms (${n(r.cpu)} ms CPU), situations ${r.value.situations === 'source' ? 'from the store' : 'read whole'}, ` +
  `${r.value.changes.length} changes recorded`;
const record = (target: typeof byRead | typeof fromStore) =>
  wallAndCpu(() => recordStatusChanges(target, { cause: 'edit', actor: 'bench' }));
/** The live heap after a full collection, in MB: what the store holds, with the rest of the process. */
const liveHeap = () => {
  collectGarbage();
  return n(process.memoryUsage().heapUsed / 2 ** 20);
};
const heapBefore = liveHeap();
console.log(`change feed: first recording (as at server start): ${said(await record(byRead))}`);
await createFeature(db.db, 'sites', camp('bench_feed_camp_0', 'restricted'), 'bench');
console.log(
  `change feed: the store's first recording (a restricted camp; the staff and admin levels first read, with the ` +
    `public's records; one network built for both): ${said(await record(fromStore))}`,
);
const ratios: string[] = [];
for (const [label, feature] of [
  [
    'a restricted camp',
    (i: number) => ({ layer: 'sites' as const, feature: camp(`bench_feed_camp_${i}`, 'restricted') }),
  ],
  [
    'a public incident',
    (i: number) => ({
      layer: 'incidents' as const,
      feature: { ...incident, properties: { ...incident.properties, id: `bench_feed_incident_${i}` } },
    }),
  ],
] as const) {
  const times: Recording[] = [];
  for (const [i, target] of [byRead, fromStore].entries()) {
    const { layer, feature: f } = feature(i + 1);
    await createFeature(db.db, layer, f, 'bench');
    times.push(await record(target));
  }
  console.log(
    `change feed after ${label}: recorded as before ${said(times[0]!)}; from the store ${said(times[1]!)}`,
  );
  ratios.push(
    `${label}: ${(times[1]!.wall / times[0]!.wall).toFixed(2)}× wall, ${(times[1]!.cpu / times[0]!.cpu).toFixed(2)}× CPU`,
  );
}
console.log(
  `change feed: from the store against as before, ${ratios.join('; ')}; live heap ${heapBefore} MB before the ` +
    `feed's part (the store holding the public level), ${liveHeap()} MB after (every level); resident memory ` +
    `${n(process.memoryUsage.rss() / 2 ** 20)} MB; load ${loadAverages()}`,
);

// The public map after a write, once the store holds every level: the public situation is then its part of the
// administrators' level, read again first. The baseline, in the same run: a store holding the public level alone
// (as the first part's), which reads the rows written since for it.
const publicOnly = new SituationStore(db.db, scenarioId);
// Its content hash made, as the public ETags make it (the store's own public situation has had it since the start).
contentHash(await publicOnly.situationFor(null));
for (const [label, sensitivity] of [
  ['a restricted incident', 'restricted'],
  ['a public incident', 'public'],
] as const) {
  const f = {
    ...incident,
    properties: { ...incident.properties, id: `bench_levels_${sensitivity}`, sensitivity },
  };
  await createFeature(db.db, 'incidents', f, 'bench');
  const alone = await wallAndCpu(() => publicOnly.situationFor(null));
  const held = await wallAndCpu(() => store.situationFor(null));
  const staff = await wallAndCpu(() => store.situationFor({ id: 0, email: 'bench', role: 'editor' }));
  console.log(
    `every level held, ${label} written: public situation read again in ${n(held.wall)} ms (${n(held.cpu)} ms CPU), ` +
      `staff's then in ${n(staff.wall)} ms; a store holding the public alone: ${n(alone.wall)} ms ` +
      `(${n(alone.cpu)} ms CPU); ${(held.wall / alone.wall).toFixed(2)}×`,
  );
}
await db.close();
rmSync(geodata, { recursive: true, force: true });
