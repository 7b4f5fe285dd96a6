// The gate that bounds password hashing: never more than its concurrency at once, first come first served,
// and a full queue refuses at once with a wait instead of growing.
import { describe, expect, it } from 'vitest';
import { HashGate, HashGateBusyError } from '$lib/server/auth/hashGate';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HashGate', () => {
  it('runs at most `concurrency` tasks at once, in order of arrival', async () => {
    const gate = new HashGate(2, 10);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gate.run(async () => {
          order.push(i);
          most = Math.max(most, ++running);
          await tick(5);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gate.load).toBe(0);
  });

  it('refuses beyond the queue with a Retry-After of at least a second, and serves again once free', async () => {
    const gate = new HashGate(1, 2);
    const started = Array.from({ length: 3 }, () => gate.run(() => tick(20)));
    const busy = await gate.run(() => tick(1)).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(HashGateBusyError);
    expect((busy as HashGateBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await Promise.all(started);
    await expect(gate.run(() => Promise.resolve('checked'))).resolves.toBe('checked');
  });

  it('a failing task frees its slot', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
