import { entryHtml, type FeedDocument } from './document';
import { xmlEscape } from '../xml/xmlEscape';
import { valueWords } from './words';

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}" href="${xmlEscape(href)}"${type ? ` type="${type}"` : ''}/>`;

/**
 * The feed as an Atom 1.0 document (RFC 4287): feed id, title, updated, author, self and next links (paging
 * as in RFC 5005); per change an entry with a permanent id, a title such as
 * "Corridor Adré → Nyala: open → blocked", the time it was found, a plain-text summary, the reasons as HTML
 * content and a link to the map on the subject and date; per import one entry, its changes grouped, with a
 * `related` link to the feed of its changes one by one.
 */
export function renderAtom(doc: FeedDocument): string {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    el('id', doc.id),
    el('title', doc.title, ' type="text"'),
    el('subtitle', doc.description, ' type="text"'),
    el('updated', doc.updated.toISOString()),
    `<author>${el('name', doc.author)}</author>`,
    link('self', doc.selfUrl, 'application/atom+xml'),
    link('alternate', doc.homeUrl, 'text/html'),
    link('alternate', doc.alternateFeedUrl, 'application/feed+json'),
  ];
  if (doc.nextUrl) out.push(link('next', doc.nextUrl, 'application/atom+xml'));
  for (const e of doc.entries) {
    const c = e.change;
    out.push(
      '<entry>',
      el('id', e.id),
      el('title', e.title, ' type="text"'),
      el('updated', c.at.toISOString()),
      el('published', c.at.toISOString()),
      link('alternate', e.url, 'text/html'),
      ...(e.detailsUrl ? [link('related', e.detailsUrl, 'application/atom+xml')] : []),
      `<category term="${xmlEscape(c.subjectKind)}" label="${xmlEscape(c.subjectKind)}"/>`,
      // An import's entry has no verdict of its own: its changes are in the related feed.
      ...(c.import
        ? []
        : [`<category term="${xmlEscape(c.after ?? 'none')}" label="${xmlEscape(valueWords(c.after))}"/>`]),
      el('summary', e.summary, ' type="text"'),
      el('content', entryHtml(e), ' type="html"'),
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
