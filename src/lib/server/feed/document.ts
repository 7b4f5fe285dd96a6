import { createHash } from 'node:crypto';
import { xmlEscape } from '../xml/xmlEscape';
import type { StatusChange, SubjectKind } from './types';

/** What both feed formats are made from. */
export interface FeedDocument {
  /** A permanent id (a `urn:uuid:`), the same whichever host serves the feed. */
  id: string;
  title: string;
  description: string;
  /** The feed's own URL (this page, with its query). */
  selfUrl: string;
  /** The first page of the feed, in the other format (Atom ↔ JSON Feed). */
  alternateFeedUrl: string;
  /** The map, where the feed's subjects are shown. */
  homeUrl: string;
  /** The next (older) page, or null on the last page. */
  nextUrl: string | null;
  /** The most recent change, or when the feed last compared when it has none. */
  updated: Date;
  author: string;
  entries: FeedEntry[];
}

export interface FeedEntry {
  change: StatusChange;
  /** A permanent id of the change (a `urn:uuid:`). */
  id: string;
  title: string;
  /** Plain text: what is now true, what it was, the cause and the reasons. */
  summary: string;
  reasons: string[];
  /** The map on the subject, on the date the change was found. */
  url: string;
  /** An import's entry: the feed of the changes it caused, one by one. */
  detailsUrl?: string;
}

/**
 * A name-based UUID (RFC 9562 version 5 layout, SHA-1 over a fixed namespace and `name`), as a URN: the same
 * name always gives the same id.
 */
export function nameUrn(name: string): string {
  const h = createHash('sha1').update('corridor-change-feed\u0000').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * The id of a recorded change, the same whoever reads it: its number in the most open numbering that holds it
 * (public, else public and restricted, else every change), with the time it was found, so a reset database
 * never reuses one. Not the row id: the time is in the entry, and hashing the few possible row ids with it
 * would give anyone the count of every change, non-public ones included.
 */
export function changeUrn(
  scenarioId: string,
  c: Pick<StatusChange, 'id' | 'publicId' | 'restrictedId' | 'at'>,
) {
  const at = c.at.toISOString();
  if (c.publicId !== null) return nameUrn(`${scenarioId}/public-change/${c.publicId}/${at}`);
  if (c.restrictedId !== null) return nameUrn(`${scenarioId}/restricted-change/${c.restrictedId}/${at}`);
  return nameUrn(`${scenarioId}/change/${c.id}/${at}`);
}

/** The id of a feed: the workspace's, or one subject's. */
export const feedUrn = (scenarioId: string, subject?: { kind: SubjectKind; id: string }) =>
  nameUrn(subject ? `${scenarioId}/feed/${subject.kind}/${subject.id}` : `${scenarioId}/feed`);

/**
 * An entry as HTML (for Atom `content` and JSON Feed `content_html`): the summary, the reasons (an import's
 * groups of changes) and, for an import, the link to its changes, then a map link.
 */
export function entryHtml(e: FeedEntry): string {
  return (
    `<p>${xmlEscape(e.summary)}</p>` +
    (e.reasons.length ? `<ul>${e.reasons.map((r) => `<li>${xmlEscape(r)}</li>`).join('')}</ul>` : '') +
    (e.detailsUrl
      ? `<p><a href="${xmlEscape(e.detailsUrl)}">Each change of this import, one by one</a></p>`
      : '') +
    `<p><a href="${xmlEscape(e.url)}">Show on the map on ${xmlEscape(e.change.asOf)}</a></p>`
  );
}
