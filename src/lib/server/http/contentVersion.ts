import { createHash, hash } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { publicContentVersions } from '../db/schema';

export interface ContentVersion {
  /** Hash of the content: equal contents, equal hashes. */
  hash: string;
  /** When any instance first saw the content in this state (ISO 8601, whole seconds). */
  since: string;
}

// The store hands out the same situation object until the data changes, so the hash is computed once per
// snapshot. It hashes what the viewer sees, not the database's data version: an edit of a restricted record
// re-reads the public snapshot but leaves its hash (and so every public ETag) unchanged, so public validators
// reveal nothing about non-public edits.
const hashes = new WeakMap<object, string>();
// The hash of each element of a value's lists (a situation's features), by object: a situation read after a
// write shares the features no write touched with the last one (`readSituationSince`), so only the written
// features are hashed again. At the bench's Sudan scale the whole JSON's hash took about 0.5 s on each read
// after a write; this takes about 0.6 s on the first and 35 ms after a write of one feature (docs/performance.md).
const elementHashes = new WeakMap<object, Buffer>();

/**
 * The hash of a value that is never mutated (a situation snapshot), for ETags: SHA-256 over each of its keys and
 * values, a list by its length and the SHA-256 of each element's JSON. Equal contents give equal hashes on every
 * instance; a change of any feature, of the lists' order or of the scenario changes it.
 */
export function contentHash(value: object): string {
  let out = hashes.get(value);
  if (!out) {
    const h = createHash('sha256');
    for (const [key, x] of Object.entries(value)) {
      h.update(`${JSON.stringify(key)}:`);
      if (!Array.isArray(x)) {
        h.update(`${JSON.stringify(x)};`);
        continue;
      }
      h.update(`[${x.length}]`);
      for (const element of x as unknown[]) h.update(elementHash(element));
    }
    out = h.digest('base64url');
    hashes.set(value, out);
  }
  return out;
}

function elementHash(element: unknown): Buffer {
  if (typeof element !== 'object' || element === null)
    return hash('sha256', String(JSON.stringify(element)), 'buffer');
  let out = elementHashes.get(element);
  if (!out) {
    out = hash('sha256', JSON.stringify(element), 'buffer');
    elementHashes.set(element, out);
  }
  return out;
}

/** How long a public version nobody serves any more is kept: a hash seen again after that gets a new `since`. */
const KEEP_DAYS = 30;

const versions = new WeakMap<object, Promise<ContentVersion>>();

/**
 * The version of public content (a snapshot of public records only), for the OGC API's ETags and
 * `timeStamp` and the embed's "data as of": `since` is kept in the database per content hash, so every
 * instance on one PostgreSQL gives the same tags and time stamps (the first to see a state records it; the
 * others read it). One query per snapshot and process, not per request.
 */
export function publicContentVersion(db: Database, value: object): Promise<ContentVersion> {
  let v = versions.get(value);
  if (!v) {
    v = recordedVersion(db, contentHash(value));
    versions.set(value, v);
    // A failed query is not kept: the next request asks again.
    v.catch(() => versions.delete(value));
  }
  return v;
}

async function recordedVersion(db: Database, hash: string, retry = true): Promise<ContentVersion> {
  const inserted = await db
    .insert(publicContentVersions)
    .values({ hash, since: sql`date_trunc('second', now())` })
    .onConflictDoNothing()
    .returning({ since: publicContentVersions.since });
  let since = inserted[0]?.since;
  if (since) {
    await db
      .delete(publicContentVersions)
      .where(
        and(
          lt(publicContentVersions.since, sql`now() - make_interval(days => ${KEEP_DAYS})`),
          ne(publicContentVersions.hash, hash),
        ),
      );
  } else {
    const [row] = await db
      .select({ since: publicContentVersions.since })
      .from(publicContentVersions)
      .where(eq(publicContentVersions.hash, hash));
    since = row?.since;
  }
  // Pruned by another instance between the insert and the select (a state 30 days old seen again): record it anew.
  if (!since) {
    if (retry) return recordedVersion(db, hash, false);
    throw new Error(`public content version ${hash} vanished while it was being read`);
  }
  return { hash, since: new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
