import { entryHtml, type FeedDocument } from './document';

/**
 * The feed as a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1): paging through `next_url`; each
 * item carries the change's fields under the `_corridor` extension (subject, field, before, after, as-of date,
 * cause, reasons) for programs that want more than the text.
 */
export function renderJsonFeed(doc: FeedDocument): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    description: doc.description,
    home_page_url: doc.homeUrl,
    feed_url: doc.selfUrl,
    ...(doc.nextUrl ? { next_url: doc.nextUrl } : {}),
    language: 'en',
    authors: [{ name: doc.author }],
    _corridor: { id: doc.id, updated: doc.updated.toISOString() },
    items: doc.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_text: e.summary,
      content_html: entryHtml(e),
      date_published: e.change.at.toISOString(),
      tags: [e.change.subjectKind, e.change.after ?? 'none'],
      _corridor: {
        subject: { kind: e.change.subjectKind, id: e.change.subjectId, name: e.change.subjectName },
        field: e.change.field,
        before: e.change.before,
        after: e.change.after,
        asOf: e.change.asOf,
        cause: e.change.cause,
        reasons: e.change.reasons,
      },
    })),
  });
}
