// The importer's entry point: a file's text → the preview of what a commit would write. Pure: it writes
// nothing, reads nothing but its arguments, and runs in Node and in a browser Web Worker alike.
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { utf8Length } from './bytes';
import { detectDelimiter, detectFormat } from './detectFormat';
import { importFeatures } from './featureImport';
import { readGeoJson } from './geojson';
import { TableImport } from './tableImport';
import type { ImportOptions, ImportPreview } from './types';
import { readXmlFeatures } from './xmlFormats';

/** The options csv-parse reads tables with: ragged rows allowed, quotes relaxed, a BOM dropped. */
export function csvParseOptions(delimiter: string) {
  return {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  };
}

/**
 * Parses a file into the preview of its import: the valid features in the target layer's schema and every
 * problem, each with where it is and a suggestion when one can be given. Errors reject their row or
 * feature, warnings keep it. A problem with the whole file (not JSON, a projected CRS, no coordinate
 * columns) gives a preview with no features and that one error.
 *
 * @example parseImport('lat,lon,name\n13.5,25.3,Zamzam', { fileName: 'camps.csv', layer: 'sites', defaultCountry: 'SDN' })
 */
export function parseImport(text: string, options: ImportOptions): ImportPreview {
  const requested = options.format ?? 'auto';
  const guessed = requested === 'auto' ? detectFormat(options.fileName, text.slice(0, 4096)) : requested;
  options.onProgress?.(0);
  let preview: ImportPreview;
  if (guessed === 'geojson' || guessed === 'kml' || guessed === 'gpx') {
    const read =
      guessed === 'geojson'
        ? readGeoJson(text, options.fileName)
        : readXmlFeatures(text, options.fileName, guessed);
    options.onProgress?.(0.5);
    preview = importFeatures(read.features, guessed, options, read.problems);
  } else {
    const table = new TableImport(options, requested === 'auto' ? 'auto' : guessed);
    const total = Math.max(1, utf8Length(text));
    let previousEnd = 0;
    let sinceProgress = 0;
    try {
      parseCsv(text, {
        ...csvParseOptions(detectDelimiter(text.slice(0, 65536))),
        on_record: (record: string[], context: { lines: number; bytes: number }) => {
          // A record starts on the line after the previous one ended (quoted cells may span lines).
          table.push(record, previousEnd + 1);
          previousEnd = context.lines;
          if (options.onProgress && ++sinceProgress >= 2000) {
            sinceProgress = 0;
            options.onProgress(Math.min(0.99, context.bytes / total));
          }
          return undefined;
        },
      });
    } catch (e) {
      options.onProgress?.(1);
      return table.failAtLine(previousEnd + 1, e);
    }
    preview = table.finish();
  }
  options.onProgress?.(1);
  return preview;
}
