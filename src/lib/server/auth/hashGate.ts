import { availableParallelism } from 'node:os';

/** Too many password checks are running or waiting: answer 503 with this Retry-After. */
export class HashGateBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('The server is busy checking other sign-ins.');
    this.name = 'HashGateBusyError';
  }
}

/**
 * Bounds how many password hashes (scrypt, about 64 MiB and a quarter of a second of CPU each) run at once,
 * with a short queue behind them. Unbounded, a flood of sign-ins fills libuv's thread pool, which file reads
 * and compression also need, and every other request waits behind it. Per process, since it shares out
 * this process's CPU.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** A moving average of how long a task takes, for Retry-After. */
  private averageMs = 250;

  constructor(
    readonly concurrency = Math.max(1, Math.floor(availableParallelism() / 2)),
    readonly maxWaiting = 8 * concurrency,
  ) {}

  /** Runs `task` when a slot is free; throws HashGateBusyError at once when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.maxWaiting) await new Promise<void>((r) => this.waiting.push(r));
    else throw new HashGateBusyError(this.retryAfterSeconds());
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      // Hand the slot straight to the next in line, so a newcomer cannot overtake the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /**
   * A task given now would be refused: the caller can answer 503 before doing any other work for it.
   * Throws nothing; `run` still checks again.
   */
  busy(): HashGateBusyError | null {
    return this.running >= this.concurrency && this.waiting.length >= this.maxWaiting
      ? new HashGateBusyError(this.retryAfterSeconds())
      : null;
  }

  /** Tasks running or waiting now. */
  get load(): number {
    return this.running + this.waiting.length;
  }

  /** Roughly when the queue will have room again. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.load / this.concurrency) * (this.averageMs / 1000)));
  }
}
