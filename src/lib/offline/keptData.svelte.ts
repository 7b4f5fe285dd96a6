import { keptCopyOf } from './offlinePaths';

/**
 * Whether the map's data this page shows came from the service worker's copies (the network failed), and when
 * the server gave the oldest of them: what the offline banner says. Set by the map's data requests
 * (`noteKeptCopy`), never from the time the page was opened.
 */
export const keptData = $state<{ served: boolean; at: string | undefined }>({ served: false, at: undefined });

/** Notes `response` if it is a kept copy, and returns it unchanged. */
export function noteKeptCopy(response: Response): Response {
  const copy = keptCopyOf(response);
  if (copy) {
    keptData.served = true;
    if (copy.at && (!keptData.at || copy.at < keptData.at)) keptData.at = copy.at;
  }
  return response;
}
