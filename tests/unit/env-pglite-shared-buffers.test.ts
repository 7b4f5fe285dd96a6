// PGLITE_SHARED_BUFFERS_MB (the embedded database's page cache) is 32 MiB unless set, and a value that is not a
// whole number of MiB between 1 and 1024 stops the start with a message naming the variable.
import { describe, expect, it } from 'vitest';
import { readEnv } from '$lib/server/env';

describe('PGLITE_SHARED_BUFFERS_MB', () => {
  it('is 32 by default, and takes a whole number of MiB', () => {
    expect(readEnv({}).PGLITE_SHARED_BUFFERS_MB).toBe('32');
    expect(readEnv({ PGLITE_SHARED_BUFFERS_MB: '128' }).PGLITE_SHARED_BUFFERS_MB).toBe('128');
  });

  it('refuses what is not a size it can use, naming the variable', () => {
    for (const [value, reason] of [
      ['0', 'must be a positive whole number of MiB'],
      ['32MB', 'must be a positive whole number of MiB'],
      ['2048', 'must be between 1 and 1024 MiB'],
    ])
      expect(() => readEnv({ PGLITE_SHARED_BUFFERS_MB: value })).toThrow(
        `Invalid environment:\n  PGLITE_SHARED_BUFFERS_MB: ${reason}`,
      );
  });
});
