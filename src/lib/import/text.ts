// Cleaning what people type into spreadsheets: padded cells, runs of spaces, Arabic-Indic digits.

/** Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits, as Arabic-language files often write numbers. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** `'٤٣٧٨٨'` → `'43788'`; the Arabic decimal separator `٫` becomes `.` and the thousands separator `٬` goes. */
export function westernDigits(s: string): string {
  return s
    .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0x0f) % 10))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, '');
}

/**
 * A cell as a value: trimmed, inner runs of spaces collapsed to one (DTM exports pad names to 50 and 100
 * characters), non-breaking spaces treated as spaces. Empty means absent.
 */
export function cleanCell(raw: string): string {
  return raw.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A header or value reduced for matching: lower case, `_ - . : / ( ) #` as spaces, one space between words.
 * `'_GPS_latitude'` → `'gps latitude'`, `'LOCALITY_ CODE'` → `'locality code'`.
 */
export function normalizeKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[_\-.:/()#\\]+/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** A string for an id: letters, digits, `_`, `-` and `.` only, starting with a letter or digit. */
export function slug(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/_+$/, '')
    .slice(0, 80);
}

/** The file's name without folders and extension, as an id prefix: `'data/sdn sites.csv'` → `'sdn_sites'`. */
export function fileSlug(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return slug(base.replace(/\.[A-Za-z0-9]+$/, '')).toLowerCase() || 'import';
}
