import type { ImportPreview } from '$lib/import/types';
import type {
  ImportPhase,
  ImportWorkerRequest,
  ImportWorkerResponse,
  ParseOptions,
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
  preview: ImportPreview;
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

  destroy(): void {
    this.cancel();
    this.stopWorker();
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
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = undefined;
  }

  private receive(message: ImportWorkerResponse): void {
    const pending = this.pending;
    if (!pending || message.id !== pending.id) return; // an answer to a parse no longer waited for
    if (message.type === 'progress') {
      pending.onprogress(message.phase, message.fraction);
      return;
    }
    this.pending = undefined;
    if (message.type === 'error') pending.reject(new ImportWorkerError(message.phase, message.message));
    else pending.resolve({ preview: message.preview, readMs: message.readMs, parseMs: message.parseMs });
  }
}
