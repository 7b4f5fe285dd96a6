import { describe, expect, it } from 'vitest';
import { asKeptCopy, KEPT_COPY_HEADER, keptCopyOf } from '$lib/offline/offlinePaths';

describe("the service worker's mark on a kept copy", () => {
  const kept = () =>
    new Response('{"a":1}', {
      status: 200,
      headers: { 'content-type': 'application/json', date: 'Wed, 02 Dec 2026 15:16:08 GMT' },
    });

  it('serves the same status, headers and body, marked as a copy with the time the server gave it', async () => {
    const copy = asKeptCopy(kept());
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-type')).toBe('application/json');
    expect(copy.headers.get(KEPT_COPY_HEADER)).toBe('1');
    expect(await copy.text()).toBe('{"a":1}');
    expect(keptCopyOf(copy)).toEqual({ at: '2026-12-02T15:16:08.000Z' });
  });

  it('says nothing of an answer from the network, and no time for a copy without a Date', () => {
    expect(keptCopyOf(kept())).toBeUndefined();
    const undated = asKeptCopy(new Response('{}', { status: 200 }));
    expect(keptCopyOf(undated)).toEqual({ at: undefined });
  });

  it('does not change the kept answer itself', () => {
    const original = kept();
    asKeptCopy(original);
    expect(original.headers.has(KEPT_COPY_HEADER)).toBe(false);
  });
});
