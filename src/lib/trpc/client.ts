import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '$lib/server/trpc/router';
import { noteKeptCopy } from '$lib/offline/keptData.svelte';

/**
 * The browser's tRPC client; same origin, so nothing leaves the app's host. Its answers are looked at for the
 * service worker's mark of a kept copy (the situation offline), which the offline banner reports.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/api/trpc',
      fetch: async (input, init) => noteKeptCopy(await fetch(input, init)),
    }),
  ],
});
