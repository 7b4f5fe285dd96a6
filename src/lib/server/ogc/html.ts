import { xmlEscape as esc } from '../xml/xmlEscape';

// The HTML conformance class: plain server-rendered pages, styles inline, no script, nothing fetched from
// anywhere else. Names may be Arabic, so text cells take their direction from their content.

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#1b1b1b}
nav{font-size:.9rem;margin-bottom:1rem}table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:start;vertical-align:top}th{background:#f2f2f2}
code{background:#f2f2f2;padding:0 .2rem}.links a{margin-inline-end:1rem}`;

/** A link as HTML. */
export const a = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;

/** A table: the header row, then rows of cells already HTML (use `text()` for plain text). */
export function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td dir="auto">${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export const text = (v: unknown) =>
  v === undefined || v === null ? '' : esc(typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A whole page: breadcrumb, title, body, and the page's links (the same as the JSON's). */
export function page(o: {
  title: string;
  breadcrumb: [href: string, label: string][];
  body: string;
  links?: Link[];
}): string {
  const crumbs = o.breadcrumb.map(([href, label]) => a(href, label)).join(' › ');
  const links = (o.links ?? [])
    .filter((l) => l.rel !== 'self')
    .map((l) => `<a href="${esc(l.href)}" rel="${esc(l.rel)}">${esc(l.title ?? l.rel)}</a>`)
    .join(' ');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title><style>${STYLE}</style></head>
<body><nav aria-label="Breadcrumb">${crumbs}</nav>
<main><h1 dir="auto">${esc(o.title)}</h1>
${o.body}
${links ? `<p class="links">${links}</p>` : ''}
</main></body></html>
`;
}
