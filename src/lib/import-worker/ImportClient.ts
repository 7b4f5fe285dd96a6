import type { Feature } from 'geojson';
import type { ChunkPlan } from './chunks';
import type {
  ImportPhase,
  ImportWorkerRequest,
  ImportWorkerResponse,
  ParseOptions,
  PreviewSummary,
  TextEncodingName,
} from './protocol';

/** The part of a `Worker` the client uses (a fake in unit tests). */
export interface ImportWorkerLike {
  postMessage(message: ImportWorkerRequest): void;
  onmessage: ((e: MessageEvent<ImportWorkerResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** A parse the user cancelled, or one replaced by a newer parse: not a failure to show. */
export class ImportCancelledError extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelledError';
  }
}

/** A parse that failed in the worker; `phase` says whether reading the file or checking its rows failed. */
export class ImportWorkerError extends Error {
  readonly phase: ImportPhase;
  constructor(phase: ImportPhase, message: string) {
    super(message);
    this.name = 'ImportWorkerError';
    this.phase = phase;
  }
}

export interface ParseResult {
  preview: PreviewSummary;
  /** Names this preview when asking the worker for its features. */
  previewId: number;
  readMs: number;
  parseMs: number;
}

interface Pending {
  id: number;
  resolve: (r: ParseResult) => void;
  reject: (e: Error) => void;
  onprogress: (phase: ImportPhase, fraction: number) => void;
}

/**
 * Talks to the import worker for the /data page: one parse at a time. Cancelling terminates the worker,
 * which stops a read or a parse at once (a running parser cannot be interrupted any other way); a new worker
 * is started for the next file. A parse asked for while another runs replaces it the same way.
 */
export class ImportClient {
  private readonly createWorker: () => ImportWorkerLike;
  private worker: ImportWorkerLike | undefined;
  private pending: Pending | undefined;
  /** Requests about a preview's features (slices, chunk plans), by id, with what answers them. */
  private featureRequests = new Map<
    number,
    { resolve: (r: ImportWorkerResponse) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;

  constructor(createWorker: () => ImportWorkerLike) {
    this.createWorker = createWorker;
  }

  /** Whether a parse is running. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /**
   * Reads and parses `file` in the worker. Resolves with the preview; rejects with an
   * {@link ImportWorkerError}, or an {@link ImportCancelledError} when cancelled or replaced.
   */
  parse(
    file: Blob,
    options: ParseOptions,
    encoding: TextEncodingName,
    onprogress: (phase: ImportPhase, fraction: number) => void,
  ): Promise<ParseResult> {
    if (this.pending) this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ParseResult>((resolve, reject) => {
      this.pending = { id, resolve, reject, onprogress };
      worker.postMessage({ type: 'parse', id, file, options, encoding });
    });
  }

  /**
   * Starts the worker before the first file, so its script (the parsers and the country outlines, a few
   * hundred kB) loads while the user is still choosing one, not after.
   */
  warm(): void {
    this.ensureWorker();
  }

  /** Stops the running parse, if any; returns whether there was one. */
  cancel(): boolean {
    const pending = this.pending;
    if (!pending) return false;
    this.pending = undefined;
    this.stopWorker();
    pending.reject(new ImportCancelledError());
    return true;
  }

  /**
   * Features `from` to `to` (exclusive) of a preview. Rejects when the preview is gone: replaced by a newer
   * parse, or lost with the worker (a Cancel terminates it).
   */
  async features(previewId: number, from: number, to: number): Promise<Feature[]> {
    const r = await this.ask({ type: 'features', id: 0, previewId, from, to });
    return r.type === 'features' ? r.features : [];
  }

  /**
   * How to cut a preview's features into chunks of at most `maxBytes` of JSON each, measured in the worker
   * where they are. Rejects, naming it, when one feature alone is larger, or when the preview is gone.
   */
  async plan(previewId: number, maxBytes: number): Promise<ChunkPlan> {
    const r = await this.ask({ type: 'plan', id: 0, previewId, maxBytes });
    if (r.type !== 'plan')
      throw new ImportWorkerError('parsing', 'the import worker did not plan the chunks');
    return r.plan;
  }

  destroy(): void {
    this.cancel();
    this.stopWorker();
  }

  /** Sends a request about a preview's features (its `id` is given here) and waits for its answer. */
  private ask(
    request: Extract<ImportWorkerRequest, { type: 'features' | 'plan' }>,
  ): Promise<ImportWorkerResponse> {
    if (!this.worker)
      return Promise.reject(new ImportWorkerError('parsing', 'this preview is gone: check the file again'));
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise<ImportWorkerResponse>((resolve, reject) => {
      this.featureRequests.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  private ensureWorker(): ImportWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (e) => this.receive(e.data);
    // The worker itself failed (its script, or it ran out of memory on a huge file): it is of no more use.
    worker.onerror = (e) => {
      e.preventDefault?.();
      const pending = this.pending;
      this.pending = undefined;
      this.stopWorker();
      pending?.reject(new ImportWorkerError('parsing', e.message || 'the import worker stopped'));
    };
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    for (const r of this.featureRequests.values()) r.reject(new ImportCancelledError());
    this.featureRequests.clear();
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = undefined;
  }

  private receive(message: ImportWorkerResponse): void {
    const request = this.featureRequests.get(message.id);
    if (request) {
      this.featureRequests.delete(message.id);
      if (message.type === 'error') request.reject(new ImportWorkerError('parsing', message.message));
      else request.resolve(message);
      return;
    }
    const pending = this.pending;
    if (!pending || message.id !== pending.id) return; // an answer to a parse no longer waited for
    if (message.type === 'progress') {
      pending.onprogress(message.phase, message.fraction);
      return;
    }
    this.pending = undefined;
    if (message.type === 'error')
      pending.reject(
        new ImportWorkerError(message.phase === 'reading' ? 'reading' : 'parsing', message.message),
      );
    else if (message.type === 'preview')
      pending.resolve({
        preview: message.preview,
        previewId: message.id,
        readMs: message.readMs,
        parseMs: message.parseMs,
      });
  }
}
