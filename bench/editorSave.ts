/**
 * An editor's save through the built server at the map bench's Sudan scale (bench/generate.ts, `SUDAN_SCALE`,
 * scaled by BENCH_MAP_SCALE, default 1), seeded before the start, with an editor signed in. After the warm-up
 * at start has had BENCH_SAVE_SETTLE_S seconds (default 20), BENCH_SAVES public camps (default 4) are created
 * through the API (`features.create`) one after another, BENCH_SAVE_GAP_S seconds apart (default 15). For
 * each: the time to the save's answer, and the time until its change shows in the camp's public feed
 * (`/feed/site/<id>.json`, asked every 100 ms), which is when its recording ended (README "Change feed"); and
 * the time of the editor's next request, the camp's history (`features.history`, as the editor asks it after a
 * save), sent as soon as the save was answered; and the longest answer of the public feed asked meanwhile (a public
 * reader's request while the recording runs).
 * A save that waits for its recording is answered only then: the first save after a start does, as every
 * save did before (src/lib/server/feed/recordAfterWrite.ts), so the first line is the baseline of this run.
 * `npm run bench:save`
 */
import { rmSync } from 'node:fs';
import { addUser } from '../src/lib/server/auth/userRepository';
import { createSession } from '../src/lib/server/auth/sessionStore';
import { SESSION_COOKIE } from '../src/lib/server/auth/sessionCookie';
import { seedSituation } from '../src/lib/server/db/featureRepository';
import { loadSituationFromDir } from '../src/lib/server/geodata/loadSituationFromDir';
import { startBuiltServer } from '../tests/helpers/builtServer';
import { CAMP_AT, campFeature } from '../tests/helpers/campFeature';
import { generateSituationInput, sudanScaled } from './generate';
import { loadAverages, median } from './measure';
import { scenarioFolder } from './scenarioFolder';

const SCALE = Number(process.env.BENCH_MAP_SCALE ?? 1);
const SETTLE_S = Number(process.env.BENCH_SAVE_SETTLE_S ?? 20);
const SAVES = Number(process.env.BENCH_SAVES ?? 4);
const GAP_S = Number(process.env.BENCH_SAVE_GAP_S ?? 15);
const FEED_POLL_MS = 100;
const FEED_TIMEOUT_MS = 120_000;

const sleep = (wait: number) => new Promise((r) => setTimeout(r, wait));
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;

const generated = generateSituationInput(sudanScaled(SCALE, 4));
const geodata = scenarioFolder(generated, 'save-bench');
const count = Object.values(generated.input.layers).reduce(
  (s, c) => s + (c.json as { features: unknown[] }).features.length,
  0,
);
console.log(
  `An editor's save, ${count.toLocaleString('en-US')} generated features (scale ${SCALE}), load ${loadAverages()}`,
);

let token = '';
const started = performance.now();
const server = await startBuiltServer(
  async (db) => {
    await seedSituation(db, loadSituationFromDir(geodata));
    const editor = await addUser(db, {
      email: 'editor@example.org',
      password: 'correct horse battery',
      role: 'editor',
    });
    token = (await createSession(db, editor!.id)).token;
  },
  { GEODATA_DIR: geodata },
  900_000,
);
console.log(`server started and seeded in ${ms(performance.now() - started)}; waiting ${SETTLE_S} s`);

/** A public camp near El Fasher's latitude, a little further east each time. */
const camp = (i: number) =>
  campFeature(`bench_save_camp_${i}`, 'public', { at: [CAMP_AT[0] + i * 0.01, CAMP_AT[1]] });

async function inPublicFeed(id: string): Promise<boolean> {
  const r = await fetch(`${server.base}/feed/site/${id}.json`);
  if (!r.ok) return false;
  return ((await r.json()) as { items: unknown[] }).items.length > 0;
}

const rows: { answered: number; recorded: number; next: number; held: number }[] = [];
try {
  await sleep(SETTLE_S * 1000);
  for (let i = 0; i < SAVES; i++) {
    const t = performance.now();
    const r = await fetch(`${server.base}/api/trpc/features.create`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `${SESSION_COOKIE}=${token}`,
        origin: server.base,
      },
      body: JSON.stringify({ layer: 'sites', feature: camp(i) }),
    });
    await r.arrayBuffer();
    const answered = performance.now() - t;
    if (r.status !== 200) throw new Error(`save ${i}: ${r.status}`);
    const input = encodeURIComponent(JSON.stringify({ id: camp(i).properties.id }));
    const h = await fetch(`${server.base}/api/trpc/features.history?input=${input}`, {
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    await h.arrayBuffer();
    const next = performance.now() - t - answered;
    if (h.status !== 200) throw new Error(`history ${i}: ${h.status}`);
    // The feed's requests are a public reader's during the recording: the longest is how long one was held.
    let held = 0;
    for (;;) {
      const asked = performance.now();
      const found = await inPublicFeed(camp(i).properties.id);
      held = Math.max(held, performance.now() - asked);
      if (found) break;
      if (performance.now() - t > FEED_TIMEOUT_MS)
        throw new Error(`save ${i}: not in the feed after ${FEED_TIMEOUT_MS / 1000} s`);
      await sleep(FEED_POLL_MS);
    }
    const recorded = performance.now() - t;
    rows.push({ answered, recorded, next, held });
    console.log(
      `save ${i + 1}: answered in ${ms(answered)}; the next request (its history) answered ${ms(next)} later; ` +
        `in the camp's public feed after ${ms(recorded)}; the public feed's longest answer meanwhile ${ms(held)}`,
    );
    if (i + 1 < SAVES) await sleep(GAP_S * 1000);
  }
} finally {
  await server.stop();
  rmSync(geodata, { recursive: true, force: true });
}
const later = rows.slice(1);
if (later.length > 0) {
  const answered = median(later.map((r) => r.answered));
  const recorded = median(later.map((r) => r.recorded));
  const next = median(later.map((r) => r.next));
  const held = median(later.map((r) => r.held));
  console.log(
    `baseline (the first save, which waits for its recording): answered in ${ms(rows[0].answered)}\n` +
      `the saves after it: answered in ${ms(answered)} (median), the next request ${ms(next)} later (median), ` +
      `recorded after ${ms(recorded)} (median), the public feed's longest answer meanwhile ${ms(held)} (median); ` +
      `answer ${(answered / rows[0].answered).toFixed(3)}× the baseline's, ` +
      `${(answered / recorded).toFixed(3)}× their own recording's end; load ${loadAverages()}`,
  );
}
