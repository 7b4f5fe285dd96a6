import { createHash } from 'node:crypto';

export interface ContentVersion {
  /** Hash of the content: equal contents, equal hashes. */
  hash: string;
  /** When this process first saw the content in this state (ISO 8601). */
  since: string;
}

/**
 * Who the content is for. Public content (public records only, served to anyone) keeps its versions apart
 * from what signed-in staff are served, so that nothing done to non-public records can move a public version.
 */
export type Audience = 'public' | 'staff';

// The store hands out the same situation object until the database changes, so the hash is computed once
// per snapshot. It hashes what the viewer sees, not the database's change stamp: an edit of a restricted
// record re-reads the public snapshot but leaves its hash (and so every public ETag) unchanged, so public
// validators reveal nothing about non-public edits.
const byObject = new WeakMap<object, ContentVersion>();
// First sighting of each recent hash, kept small: it only has to outlive a snapshot being re-read. One table
// per audience: were staff versions kept in the public one, enough staff activity would push the current
// public hash out, and the next public read would get a new `since` (and so a new ETag and OGC `timeStamp`)
// for unchanged public content, telling anyone that staff had been at work.
const sinceByHash: Record<Audience, Map<string, string>> = { public: new Map(), staff: new Map() };
const KEEP = 32;

/**
 * The version of a value that is never mutated (a situation snapshot), for ETags and `timeStamp`; `audience`
 * says whether it is public content.
 */
export function contentVersion(value: object, audience: Audience): ContentVersion {
  const hit = byObject.get(value);
  if (hit) return hit;
  const hash = createHash('sha256').update(JSON.stringify(value)).digest('base64url');
  const seen = sinceByHash[audience];
  let since = seen.get(hash);
  if (!since) {
    since = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    seen.set(hash, since);
    if (seen.size > KEEP) seen.delete(seen.keys().next().value as string);
  }
  const v = { hash, since };
  byObject.set(value, v);
  return v;
}
