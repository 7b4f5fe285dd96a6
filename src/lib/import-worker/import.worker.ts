// Reading and checking an import file off the main thread: the /data page posts the File (a handle, not
// its bytes) and gets progress messages and the preview back, so a 100 MB file never freezes the page.
// Imported with Vite's `?worker` suffix.
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import { countryShapesFromTopology, parseImport, type CountryShape } from '$lib/import';
import { createImportHandler } from './importHandler';
import type { ImportWorkerRequest, ImportWorkerResponse } from './protocol';

// The project's TypeScript lib is the DOM's; inside a dedicated worker `self` is this much of it.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse): void;
};

// Country outlines (Natural Earth 1:50m, as the basemap) for the "plots in another country" check; built
// on the first file, once per worker.
let countries: CountryShape[] | undefined;
const countryShapes = () =>
  (countries ??= countryShapesFromTopology(
    countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>,
  ));

const handle = createImportHandler((text, options) =>
  parseImport(text, { ...options, countries: countryShapes() }),
);

scope.onmessage = (e) => void handle(e.data, (m) => scope.postMessage(m));
