// ADDRESS_HEADER and XFF_DEPTH (behind a proxy, the client's address for the sign-in limits) are checked when
// the server starts, with a message naming the variable, rather than failing on the first sign-in.
import { describe, expect, it } from 'vitest';
import { readEnv } from '$lib/server/env';

describe('ADDRESS_HEADER and XFF_DEPTH', () => {
  it('take a header name and a number of proxies', () => {
    expect(readEnv({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' })).toMatchObject({
      ADDRESS_HEADER: 'X-Forwarded-For',
      XFF_DEPTH: '2',
    });
    expect(readEnv({}).ADDRESS_HEADER).toBeUndefined();
  });

  it('refuse what is not a header name, or not a positive number, naming the variable', () => {
    expect(() => readEnv({ ADDRESS_HEADER: 'X-Forwarded-For: 1.2.3.4' })).toThrow(
      'Invalid environment:\n  ADDRESS_HEADER: must be an HTTP header name such as X-Forwarded-For',
    );
    expect(() => readEnv({ XFF_DEPTH: '0' })).toThrow(
      '  XFF_DEPTH: must be a positive whole number (the number of trusted proxies)',
    );
  });
});
