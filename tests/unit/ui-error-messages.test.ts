import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { isNoAnswer, userMessage } from '$lib/ui/errors';

describe('the sentence a reader sees when something fails', () => {
  it('says the server did not answer when fetch got nothing, in every browser', () => {
    for (const message of [
      'Failed to fetch',
      'NetworkError when attempting to fetch resource.',
      'Load failed',
    ])
      expect(userMessage(new TypeError(message), "load this feature's details"), message).toBe(
        "Could not load this feature's details: the server did not answer. Check the connection and reload.",
      );
  });

  it("does not blame the network for the app's own errors", () => {
    expect(isNoAnswer(new TypeError('Failed to fetch'))).toBe(true);
    expect(isNoAnswer(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(
      userMessage(new TypeError("Cannot read properties of undefined (reading 'id')"), 'draw the map'),
    ).toBe("Could not draw the map: Cannot read properties of undefined (reading 'id')");
  });

  it("gives the server's sentence and status for an error answer", () => {
    const error = TRPCClientError.from({
      error: { message: 'no such plan', code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404 } },
    });
    expect(userMessage(error, 'open the plan')).toContain('no such plan');
  });
});
