import { TRPCClientError } from '@trpc/client';

/**
 * The UI's one way of handling an error: turn it into a sentence the user can act on, show it (through
 * the `error` field of the page state) and log the details for whoever debugs it.
 *
 * @param what what the app was doing, e.g. "load the situation"
 */
export function handleError(target: { error?: string }, error: unknown, what: string): void {
  target.error = userMessage(error, what);
  console.error(`corridor: could not ${what}:`, error);
}

/** A short explanation of what failed and what to try. */
export function userMessage(error: unknown, what: string): string {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    if (status === undefined)
      return `Could not ${what}: the server did not answer. Check the connection and reload.`;
    return `Could not ${what}: the server answered “${error.message}” (${status}).`;
  }
  if (error instanceof Error && /webgl/i.test(error.message)) {
    return `Could not ${what}: this browser cannot draw the map (WebGL is off or unsupported).`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not ${what}: ${detail}`;
}
