import { createHash } from 'node:crypto';
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

/** The hash of a value that is never mutated (a situation snapshot), for ETags. */
export function contentHash(value: object): string {
  let hash = hashes.get(value);
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(value)).digest('base64url');
    hashes.set(value, hash);
  }
  return hash;
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
