import { TRPCClientError } from '@trpc/client';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The UI's one way of handling an error: turn it into a sentence the user can act on, show it (through
 * the `error` field of the page state) and log the details for whoever debugs it.
 *
 * @param what what the app was doing, in the interface's language, e.g. `m.what_load_situation()`
 */
export function handleError(target: { error?: string }, error: unknown, what: string): void {
  target.error = userMessage(error, what);
  console.error(`corridor: could not ${what}:`, error);
}

/**
 * The API's error messages are English (they are part of its machine-readable answer and of the logs); in
 * another language the UI says what the error's code means instead (docs/i18n.md).
 */
const CODE_MESSAGES: Record<string, () => string> = {
  UNAUTHORIZED: m.err_code_unauthorized,
  FORBIDDEN: m.err_code_forbidden,
  NOT_FOUND: m.err_code_not_found,
  CONFLICT: m.err_code_conflict,
  TOO_MANY_REQUESTS: m.err_code_too_many,
  BAD_REQUEST: m.err_code_bad_request,
  INTERNAL_SERVER_ERROR: m.err_code_server,
};

/** The server's sentence for an API error, in the interface's language when the code says enough. */
export function serverSentence(error: TRPCClientError<never>): string {
  const code = (error.data as { code?: string } | undefined)?.code;
  if (getLocale() === 'en' || !code || !CODE_MESSAGES[code]) return error.message;
  return CODE_MESSAGES[code]();
}

/** True when the request got no answer at all (no network, server down), as opposed to an error answer. */
export function isNoAnswer(error: unknown): boolean {
  if (error instanceof TRPCClientError)
    return (error.data as { httpStatus?: number } | undefined)?.httpStatus === undefined;
  // What `fetch` rejects with when nothing answered (and the service worker had no copy to give), by browser:
  // Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch resource.", Safari "Load
  // failed". Other TypeErrors are the app's own faults, not the network's.
  return error instanceof TypeError && /failed to fetch|networkerror|load failed/i.test(error.message);
}

/** A short explanation of what failed and what to try. */
export function userMessage(error: unknown, what: string): string {
  // Said as such rather than as the browser's "Failed to fetch".
  if (isNoAnswer(error)) return m.err_no_answer({ what });
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus: number }).httpStatus;
    return m.err_server({ what, message: serverSentence(error), status });
  }
  if (error instanceof Error && /webgl/i.test(error.message)) {
    return m.err_webgl({ what });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return m.err_generic({ what, detail });
}
