import { entryHtml, type FeedDocument } from './document';

/**
 * The feed as a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1): paging through `next_url`; each
 * item carries the change's fields under the `_corridor` extension (subject, field, before, after, as-of date,
 * cause, reasons; for an import's entry, `import`: file, layer, features created and updated, the number of
 * changes and the feed of them, also its `external_url`) for programs that want more than the text.
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
      tags: e.change.import ? ['import'] : [e.change.subjectKind, e.change.after ?? 'none'],
      ...(e.detailsUrl ? { external_url: e.detailsUrl } : {}),
      _corridor: {
        subject: { kind: e.change.subjectKind, id: e.change.subjectId, name: e.change.subjectName },
        field: e.change.field,
        before: e.change.before,
        after: e.change.after,
        asOf: e.change.asOf,
        cause: e.change.cause,
        reasons: e.change.reasons,
        ...(e.change.import
          ? {
              import: {
                file: e.change.import.file,
                layer: e.change.import.layer,
                created: e.change.import.created,
                updated: e.change.import.updated,
                changes: e.change.import.changes.length,
                details: e.detailsUrl,
              },
            }
          : {}),
      },
    })),
  });
}
