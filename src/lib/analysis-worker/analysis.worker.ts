// The access analysis off the main thread: the page posts the situation once, then an as-of date per
// change; the map stays responsive while the report is computed. Imported with Vite's `?worker` suffix.
import { createAnalysisHandler } from './analysisHandler';
import type { AnalysisWorkerRequest, AnalysisWorkerResponse } from './protocol';

// The project's TypeScript lib is the DOM's; inside a dedicated worker `self` is this much of it.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<AnalysisWorkerRequest>) => void) | null;
  postMessage(message: AnalysisWorkerResponse): void;
};
const handle = createAnalysisHandler();

scope.onmessage = (e) => scope.postMessage(handle(e.data));
