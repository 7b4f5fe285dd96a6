import type {
  AnalysisOverridesInput,
  AnalysisParamsInput,
  AnalysisReport,
  Situation,
} from '$lib/domain/schemas';
import type { AnalysisWorkerRequest, AnalysisWorkerResponse } from './protocol';

/** The part of a `Worker` the client uses (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: AnalysisWorkerRequest): void;
  onmessage: ((e: MessageEvent<AnalysisWorkerResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface AnalysisResult {
  report: AnalysisReport;
  /** Time the analysis took in the worker. */
  engineMs: number;
  /** From the request (the date change) to the answer: what the user waits for. */
  totalMs: number;
  /** The first answer after `load`: its time includes starting the worker and building the road network. */
  includesLoad: boolean;
}

export interface AnalysisClientHandlers {
  /** The report of the latest date asked for (answers for superseded dates are never passed on). */
  onresult: (result: AnalysisResult) => void;
  onerror: (message: string) => void;
  /** Clock in ms; `performance.now` by default. */
  now?: () => number;
}

interface Pending {
  id: number;
  asOf: string;
  params?: AnalysisParamsInput;
  overrides?: AnalysisOverridesInput;
  requestedAt: number;
}

/**
 * Talks to the analysis worker for the map page. At most one analysis runs at a time; while it runs, only
 * the latest request waits (dragging the date slider queues one date, not fifty), and only the answer for
 * the latest request is passed on, so a late answer never paints an old date over a new one.
 */
export class AnalysisClient {
  private readonly worker: WorkerLike;
  private readonly handlers: AnalysisClientHandlers;
  private readonly now: () => number;
  private nextId = 1;
  private latest: Pending | undefined;
  private inFlight: number | undefined;
  private waiting: Pending | undefined;
  private loadPending = false;

  constructor(worker: WorkerLike, handlers: AnalysisClientHandlers) {
    this.worker = worker;
    this.handlers = handlers;
    this.now = handlers.now ?? (() => performance.now());
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      this.inFlight = undefined;
      this.waiting = undefined;
      handlers.onerror(e.message || 'the analysis worker stopped');
    };
  }

  /** Gives the worker the situation (it builds the road network once). */
  load(situation: Situation): void {
    this.loadPending = true;
    this.worker.postMessage({ type: 'load', situation });
  }

  /** Asks for the report of `asOf`; supersedes any request not answered yet. */
  analyze(asOf: string, params?: AnalysisParamsInput, overrides?: AnalysisOverridesInput): void {
    this.latest = { id: this.nextId++, asOf, params, overrides, requestedAt: this.now() };
    if (this.inFlight === undefined) this.send(this.latest);
    else this.waiting = this.latest;
  }

  destroy(): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
  }

  private send(p: Pending): void {
    this.inFlight = p.id;
    this.waiting = undefined;
    this.worker.postMessage({
      type: 'analyze',
      id: p.id,
      asOf: p.asOf,
      ...(p.params ? { params: p.params } : {}),
      ...(p.overrides ? { overrides: p.overrides } : {}),
    });
  }

  private receive(message: AnalysisWorkerResponse): void {
    if (message.type === 'loaded') return;
    if (message.id !== null && message.id === this.inFlight) this.inFlight = undefined;
    const current = message.id === null || message.id === this.latest?.id;
    if (current) {
      if (message.type === 'error') this.handlers.onerror(message.message);
      else {
        this.handlers.onresult({
          report: message.report,
          engineMs: message.ms,
          totalMs: this.now() - this.latest!.requestedAt,
          includesLoad: this.loadPending,
        });
        this.loadPending = false;
      }
    }
    if (this.inFlight === undefined && this.waiting) this.send(this.waiting);
  }
}
