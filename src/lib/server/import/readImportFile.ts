// Reads a file to import from disk. Tables are streamed: the file goes through the CSV parser chunk by
// chunk and each record straight into the importer, so a 100 MB CSV is never held whole (only the features
// it yields are). GeoJSON, KML and GPX are parsed whole (one copy of the text, then the parsed tree).
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { csvParseOptions, detectDelimiter, detectFormat, parseImport, TableImport } from '$lib/import';
import type { Feature } from 'geojson';
import type { ImportOptions, ImportPreview } from '$lib/import/types';

/** The first bytes of a file, as text, to tell its format and delimiter. */
async function head(path: string, bytes = 65536): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    // A multi-byte character cut at the end reads as U+FFFD: harmless for sniffing.
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export interface ReadOptions extends ImportOptions {
  /**
   * Called with each batch of valid features of a table as it is read (and the errors found so far), and
   * once more with the last ones: the features are then not kept in the preview, so memory stays bounded
   * by the batch. Without it, the preview holds every feature.
   */
  onBatch?: (features: Feature[], errorsSoFar: number) => Promise<void>;
  batchSize?: number;
}

/** Parses the file at `path` into an import preview (see `parseImport`), streaming tables. */
export async function readImportFile(path: string, options: ReadOptions): Promise<ImportPreview> {
  const start = await head(path);
  const requested = options.format ?? 'auto';
  const format = requested === 'auto' ? detectFormat(options.fileName, start) : requested;
  const { onBatch, batchSize = 2000 } = options;
  if (format === 'geojson' || format === 'kml' || format === 'gpx') {
    return handOverRest(parseImport(await readFile(path, 'utf8'), { ...options, format }), onBatch);
  }

  const size = (await stat(path)).size || 1;
  const table = new TableImport(options, requested === 'auto' ? 'auto' : (format as 'csv' | 'hxl' | 'acled'));
  const parser = createReadStream(path).pipe(
    parse({ ...csvParseOptions(detectDelimiter(start)), info: true }),
  );
  let previousEnd = 0;
  let count = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      table.push(item.record, previousEnd + 1);
      previousEnd = item.info.lines;
      if (onBatch && table.pending >= batchSize) await onBatch(table.drain(), table.errorCount);
      if (options.onProgress && ++count % 5000 === 0)
        options.onProgress(Math.min(0.99, item.info.bytes / size));
    }
  } catch (e) {
    return table.failAtLine(previousEnd + 1, e);
  }
  options.onProgress?.(1);
  return handOverRest(table.finish(), onBatch);
}

/** Gives the features the preview still holds to `onBatch`, when there is one, so it keeps none. */
async function handOverRest(preview: ImportPreview, onBatch: ReadOptions['onBatch']): Promise<ImportPreview> {
  if (onBatch && preview.features.length > 0) {
    await onBatch(preview.features, preview.problems.filter((p) => p.level === 'error').length);
    preview.features = [];
  }
  return preview;
}
