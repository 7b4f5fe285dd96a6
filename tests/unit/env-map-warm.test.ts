// MAP_WARM_AT_START (the public map analysed and walked from the server's start, `warmAtStart.ts`) and
// MAP_WARM_AFTER_WRITE (the same after each write through the API, `warmAfterWrite.ts`) are on unless turned off,
// and anything but on or off stops the start with a message naming the variable.
import { describe, expect, it } from 'vitest';
import { readEnv } from '$lib/server/env';

describe('MAP_WARM_AT_START', () => {
  it('is on by default, and takes on or off', () => {
    expect(readEnv({}).MAP_WARM_AT_START).toBe('on');
    expect(readEnv({ MAP_WARM_AT_START: 'off' }).MAP_WARM_AT_START).toBe('off');
    expect(readEnv({ MAP_WARM_AT_START: 'on' }).MAP_WARM_AT_START).toBe('on');
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => readEnv({ MAP_WARM_AT_START: 'false' })).toThrow(
      'Invalid environment:\n  MAP_WARM_AT_START: must be on or off',
    );
  });
});

describe('MAP_WARM_AFTER_WRITE', () => {
  it('is on by default, and takes on or off', () => {
    expect(readEnv({}).MAP_WARM_AFTER_WRITE).toBe('on');
    expect(readEnv({ MAP_WARM_AFTER_WRITE: 'off' }).MAP_WARM_AFTER_WRITE).toBe('off');
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => readEnv({ MAP_WARM_AFTER_WRITE: 'yes' })).toThrow(
      'Invalid environment:\n  MAP_WARM_AFTER_WRITE: must be on or off',
    );
  });
});
