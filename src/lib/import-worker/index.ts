// The import parsers in a Web Worker (DESIGN.md §4, /data): the page stays responsive while a large file is
// read and checked, and Cancel can stop it at once by terminating the worker.
import ImportWorker from './import.worker?worker';
import { ImportClient } from './ImportClient';

export type { ParseResult } from './ImportClient';

/** The client of the import worker; the worker itself starts with the first file. `destroy()` stops it. */
export function startImportClient(): ImportClient {
  return new ImportClient(() => new ImportWorker({ name: 'corridor-import' }));
}
