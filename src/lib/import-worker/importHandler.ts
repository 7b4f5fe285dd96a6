import type { ImportOptions, ImportPreview } from '$lib/import/types';
import { planChunks } from './chunks';
import type { ImportPhase, ImportWorkerRequest, ImportWorkerResponse } from './protocol';
import { readText } from './readText';

/** The parser the worker runs (`parseImport` of `$lib/import`; a small fake in unit tests). */
export type ParseFn = (text: string, options: ImportOptions) => ImportPreview | Promise<ImportPreview>;

/**
 * Reports a phase's progress at most once per `step` (and always at 0 and 1): a 100 MB file read in 64 kB
 * chunks would otherwise post thousands of messages, each one work for the page's main thread.
 */
export function progressReporter(post: (fraction: number) => void, step = 0.01): (fraction: number) => void {
  let last = -1;
  return (raw) => {
    const fraction = Math.min(1, Math.max(0, Number.isFinite(raw) ? raw : 0));
    if (fraction <= last) return; // never backwards (a bar that shrinks reads as an error), nor twice
    if (fraction === 1 || last < 0 || fraction - last >= step) {
      last = fraction;
      post(fraction);
    }
  };
}

interface KeptText {
  key: string;
  text: string;
}

/** Same file, same encoding: the text read last time can be parsed again (a changed column mapping). */
function textKey(file: Blob, encoding: string): string {
  const f = file as Partial<File>;
  return [f.name ?? '', file.size, f.lastModified ?? '', file.type, encoding].join('\u0000');
}

/**
 * The import worker's logic without the worker: reads the file with progress, parses it with progress and
 * posts the preview without its features, or an error naming the phase that failed; then answers requests
 * for slices of the features, and for how to cut them into chunks to send. Kept apart from
 * `import.worker.ts` so it runs (and is tested) anywhere. The last file's text is kept, so parsing it again
 * with another column mapping does not read it again.
 *
 * @param now clock in ms (`performance.now` in the worker)
 */
export function createImportHandler(
  parse: ParseFn,
  now: () => number = () => performance.now(),
): (request: ImportWorkerRequest, post: (response: ImportWorkerResponse) => void) => Promise<void> {
  let kept: KeptText | undefined;
  /** The features of the last preview, and the parse they came from. */
  let features: { previewId: number; list: ImportPreview['features'] } | undefined;
  return async (request, post) => {
    const { id } = request;
    if (request.type === 'features' || request.type === 'plan') {
      if (features?.previewId !== request.previewId)
        post({ type: 'error', id, phase: 'features', message: 'this preview is gone: check the file again' });
      else if (request.type === 'features')
        post({ type: 'features', id, features: features.list.slice(request.from, request.to) });
      else {
        try {
          post({ type: 'plan', id, plan: planChunks(features.list, request.maxBytes) });
        } catch (e) {
          post({ type: 'error', id, phase: 'features', message: e instanceof Error ? e.message : String(e) });
        }
      }
      return;
    }
    const { file, options, encoding } = request;
    let phase: ImportPhase = 'reading';
    const progress = (p: ImportPhase) =>
      progressReporter((fraction) => post({ type: 'progress', id, phase: p, fraction }));
    try {
      const reading = progress('reading');
      const key = textKey(file, encoding);
      const readStart = now();
      let text: string;
      if (kept?.key === key) {
        text = kept.text;
      } else {
        kept = undefined; // let the previous file's text go before reading the next one
        reading(0);
        text = await readText(file, encoding, (bytes) => reading(file.size ? bytes / file.size : 1));
        kept = { key, text };
      }
      reading(1);
      const readMs = now() - readStart;

      phase = 'parsing';
      const parsing = progress('parsing');
      parsing(0);
      const parseStart = now();
      features = undefined;
      const { features: list, ...rest } = await parse(text, { ...options, onProgress: parsing });
      features = { previewId: id, list };
      parsing(1);
      const preview = { ...rest, featureCount: list.length };
      post({ type: 'preview', id, preview, readMs, parseMs: now() - parseStart });
    } catch (e) {
      post({ type: 'error', id, phase, message: e instanceof Error ? e.message : String(e) });
    }
  };
}
