import { asc, eq, gt, notInArray, or, sql } from 'drizzle-orm';
import { layerNames, type AnyFeature, type Sensitivity, type Situation } from '$lib/domain/schemas';
import type { Database, Tx } from './client';
import { levelRows, readSituation, situationToFill } from './featureRepository';
import { features } from './schema';

/**
 * `readSituation(db, scenarioId, sensitivities)`, made from `before` (what that read gave when the data version was
 * `beforeVersion`) and the rows written since, which a trigger marks with the data version of their write
 * (`change_mark`, migration 0023). Every feature no write touched is `before`'s own object; when no row this level
 * sees was written, `before` itself is returned.
 *
 * At the bench's Sudan scale the whole read takes 2–3 s on the embedded database, most of it reading and parsing
 * every row's geometry and properties (docs/performance.md), which a write of a few records leaves as they were.
 * Here, in one snapshot of the database (a repeatable-read transaction):
 * 1. the ids of the rows marked since, and whether this level sees each now (an index scan: a few rows);
 * 2. how many rows this level sees: with (1), it shows a row deleted outright, which leaves no mark;
 * 3. only when (1) holds a row this level sees (or `before` is of a narrower level, see below): those rows, each
 *    with its place in its layer in the read's order, which the database gives (its collation orders the ids, not
 *    JavaScript's comparison).
 * The rest keep their order in `before`'s lists. When the count or the places do not fit `before` (a row deleted
 * outright, or `before` not what the read gave), the whole read runs instead.
 *
 * `before` may be the read of a narrower level (`beforeSensitivities`, each of them in `sensitivities`): the rows of
 * the other sensitivities are then read with the rows written since, and the two levels share the features of the
 * narrower one (the situation store reads a wider level so, when it first needs it).
 */
export async function readSituationSince(
  db: Database,
  scenarioId: string,
  sensitivities: Sensitivity[],
  before: Situation,
  beforeVersion: number,
  beforeSensitivities: Sensitivity[] = sensitivities,
): Promise<Situation> {
  const others = sensitivities.filter((x) => !beforeSensitivities.includes(x));
  if (beforeSensitivities.some((x) => !sensitivities.includes(x)))
    throw new Error(
      `readSituationSince: ${beforeSensitivities.join(',')} is not within ${sensitivities.join(',')}`,
    );
  const patched = await db.transaction(async (tx) => {
    const { filled, marked, n } = await marksSince(tx, scenarioId, sensitivities, beforeVersion);
    const visible = levelRows(sensitivities);
    // The places are counted over the ids alone; the geometries and properties of the marked rows only are
    // read (a window over every row's columns would carry them all through it: slower than the whole read).
    const ranked = tx
      .select({
        id: features.id,
        mark: features.changeMark,
        sensitivity: features.sensitivity,
        place: sql<number>`row_number() over (partition by ${features.layer} order by ${features.id})`
          .mapWith(Number)
          .as('place'),
      })
      .from(features)
      .where(visible)
      .as('ranked');
    const fresh =
      others.length > 0
        ? or(gt(ranked.mark, beforeVersion), notInArray(ranked.sensitivity, beforeSensitivities))
        : gt(ranked.mark, beforeVersion);
    const written =
      others.length > 0 || marked.some((r) => r.shown)
        ? await tx
            .select({
              layer: features.layer,
              geometry: features.geometry,
              properties: features.properties,
              place: ranked.place,
            })
            .from(ranked)
            .innerJoin(features, eq(features.id, ranked.id))
            .where(fresh)
            .orderBy(asc(ranked.place))
        : [];
    return { ...filled, marked: new Set(marked.map((r) => r.id)), count: n, written };
  }, SNAPSHOT);

  const { situation: s, lists } = patched;
  // Another level's read is a situation of its own, even when it holds what `before` holds.
  let changed =
    others.length > 0 ||
    patched.written.length > 0 ||
    JSON.stringify(s.scenario) !== JSON.stringify(before.scenario);
  let count = 0;
  for (const layer of layerNames) {
    const kept = (before[layer] as AnyFeature[]).filter((f) => !patched.marked.has(f.properties.id));
    if (kept.length !== before[layer].length) changed = true;
    const out = lists[layer];
    let k = 0;
    // Ascending places: each written row goes where the read would put it, the kept ones around it in order.
    for (const r of patched.written) {
      if (r.layer !== layer) continue;
      while (out.length < r.place - 1 && k < kept.length) out.push(kept[k++]);
      if (out.length !== r.place - 1) return readSituation(db, scenarioId, sensitivities);
      out.push({ type: 'Feature', geometry: r.geometry, properties: r.properties } as AnyFeature);
    }
    while (k < kept.length) out.push(kept[k++]);
    count += out.length;
  }
  if (count !== patched.count) return readSituation(db, scenarioId, sensitivities);
  return changed ? s : before;
}

/** One snapshot of the database for all of a read's queries. */
const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/** A read's first queries: the level's scenario, the rows marked since, whether the level sees each, its count. */
async function marksSince(tx: Tx, scenarioId: string, sensitivities: Sensitivity[], beforeVersion: number) {
  const filled = await situationToFill(tx, scenarioId, sensitivities);
  const visible = levelRows(sensitivities);
  const marked = await tx
    .select({ id: features.id, shown: sql<boolean>`coalesce(${visible}, false)`.mapWith(Boolean) })
    .from(features)
    .where(gt(features.changeMark, beforeVersion));
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(features)
    .where(visible);
  return { filled, marked, n };
}

/**
 * Whether `readSituationSince(db, scenarioId, sensitivities, before, beforeVersion)` would give `before` itself: no
 * row the level sees was written since, none of `before`'s rows was, none was deleted outright, and the scenario is
 * as it was. Its first queries, without reading any row: the situation store asks it before making a level again
 * from a wider one, which would read the rows that level sees written.
 */
export async function unchangedSince(
  db: Database,
  scenarioId: string,
  sensitivities: Sensitivity[],
  before: Situation,
  beforeVersion: number,
): Promise<boolean> {
  const { filled, marked, n } = await db.transaction(
    (tx) => marksSince(tx, scenarioId, sensitivities, beforeVersion),
    SNAPSHOT,
  );
  if (marked.some((r) => r.shown)) return false;
  if (JSON.stringify(filled.situation.scenario) !== JSON.stringify(before.scenario)) return false;
  const ids = new Set(marked.map((r) => r.id));
  let count = 0;
  for (const layer of layerNames)
    for (const f of before[layer] as AnyFeature[]) {
      if (ids.has(f.properties.id)) return false;
      count++;
    }
  return count === n;
}
