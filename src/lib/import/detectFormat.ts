import type { ImportFormat } from './types';

/**
 * The format of a file from its name and first characters: `.geojson`/`.json` → geojson, `.kml`, `.gpx`,
 * `.csv`/`.tsv`/`.txt` → csv (a table's header then tells HXL and ACLED apart); otherwise by content
 * (`{` GeoJSON, `<kml`, `<gpx`, else a table). `'csv'` means "some table" here.
 */
export function detectFormat(fileName: string, head: string): ImportFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'gpx') return 'gpx';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'geojson';
  if (start.startsWith('<')) {
    const sample = start.slice(0, 2000).toLowerCase();
    if (sample.includes('<gpx')) return 'gpx';
    return 'kml';
  }
  return 'csv';
}

/**
 * The delimiter of a CSV file: whichever of `,` `;` tab occurs most outside quotes in its first lines
 * (spreadsheets in countries that write decimal commas export with `;`).
 */
export function detectDelimiter(head: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < head.length && lines < 20; i++) {
    const ch = head[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [delimiter, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? delimiter : ',';
}
