/**
 * Limits failed logins per key (e-mail and client address separately): at most `max` failures within
 * `windowMs`; then the key is refused until the oldest failure leaves the window. In memory, per server
 * process: one instance is created at start and passed to whoever needs it.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length < this.max ? 0 : recent[0] + this.windowMs - now;
  }

  recordFailure(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [k] of this.failures) if (this.recent(k, now).length === 0) this.failures.delete(k);
  }
}
