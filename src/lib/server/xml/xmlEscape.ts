// One XML escaper for every XML the server writes: KML, GPX, Atom, and the OGC API's HTML pages.
// Characters XML 1.0 does not allow at all (§2.2): C0 controls other than tab, newline and carriage return,
// lone surrogates and U+FFFE/U+FFFF. They are dropped; everything else, Arabic included, is written as is.
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text escaped for XML content and attribute values (`&`, `<`, `>`, `"`, `'`).
 *
 * @example
 * xmlEscape('Ardamata (IDP camp & SAF 15th Div. area)') // 'Ardamata (IDP camp &amp; SAF 15th Div. area)'
 */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
