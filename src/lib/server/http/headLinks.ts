import { isFrameable } from './securityHeaders';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Pages whose address a CMS may turn into an embed through `/oembed` (docs/embed.md). */
export function hasOembed(pathname: string): boolean {
  return pathname === '/' || (isFrameable(pathname) && !pathname.startsWith('/embed/'));
}

/**
 * The discovery links of a page's head: the change feeds (Atom and JSON Feed, README "Change feed") on every
 * page, and on the map and the embed the oEmbed endpoint for this very address (oembed.com §4). They are
 * added to the served HTML by the server hook, so they are there even on the map page, which the server does
 * not render (`ssr = false`), for feed readers and CMSs that read the HTML without running it.
 */
export function headLinks(url: URL): string {
  const links = [
    `<link rel="alternate" type="application/atom+xml" title="Status changes (Atom)" href="/feed.atom">`,
    `<link rel="alternate" type="application/feed+json" title="Status changes (JSON Feed)" href="/feed.json">`,
  ];
  if (hasOembed(url.pathname)) {
    const href = `${url.origin}/oembed?url=${encodeURIComponent(url.href)}&format=json`;
    links.push(
      `<link rel="alternate" type="application/json+oembed" title="Corridor map" href="${attr(href)}">`,
    );
  }
  return links.join('\n    ');
}

/** `html` (a chunk of a page) with the head links before its `</head>`, when the chunk has it. */
export function withHeadLinks(html: string, url: URL): string {
  const at = html.indexOf('</head>');
  return at < 0 ? html : `${html.slice(0, at)}  ${headLinks(url)}\n  ${html.slice(at)}`;
}
