import { cachedResponse, strongEtag } from '$lib/server/http/cache';
import { contentHash } from '$lib/server/http/contentVersion';
import { publicSituation } from '$lib/server/http/publicSituation';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The embed's map data: the public situation, whoever asks. An embed shows the same on a newsroom's page
// whether or not the reader is signed in here, so it never asks for the session's records (docs/embed.md).
export const GET: RequestHandler = async ({ request }) => {
  const situation = await publicSituation((await services()).store);
  return cachedResponse(request, {
    etag: strongEtag('embed-situation', contentHash(situation)),
    policy: 'public',
    build: () => ({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(situation),
    }),
  });
};
