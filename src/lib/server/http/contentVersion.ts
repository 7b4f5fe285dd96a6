import { createHash } from 'node:crypto';

export interface ContentVersion {
  /** Hash of the content: equal contents, equal hashes. */
  hash: string;
  /** When this process first saw the content in this state (ISO 8601). */
  since: string;
}

// The store hands out the same situation object until the database changes, so the hash is computed once
// per snapshot. It hashes what the viewer sees, not the database's change stamp: an edit of a restricted
// record re-reads the public snapshot but leaves its hash (and so every public ETag) unchanged, so public
// validators reveal nothing about non-public edits.
const byObject = new WeakMap<object, ContentVersion>();
// First sighting of each recent hash, kept small: it only has to outlive a snapshot being re-read.
const sinceByHash = new Map<string, string>();
const KEEP = 32;

/** The version of a value that is never mutated (a situation snapshot), for ETags and `timeStamp`. */
export function contentVersion(value: object): ContentVersion {
  const hit = byObject.get(value);
  if (hit) return hit;
  const hash = createHash('sha256').update(JSON.stringify(value)).digest('base64url');
  let since = sinceByHash.get(hash);
  if (!since) {
    since = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    sinceByHash.set(hash, since);
    if (sinceByHash.size > KEEP) sinceByHash.delete(sinceByHash.keys().next().value as string);
  }
  const v = { hash, since };
  byObject.set(value, v);
  return v;
}
