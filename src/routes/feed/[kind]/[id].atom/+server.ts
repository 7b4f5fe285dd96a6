import { feedResponse } from '$lib/server/feed';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// One corridor's, crossing's or site's change feed (Atom): public changes only (README "Change feed").
export const GET: RequestHandler = async ({ url, params }) =>
  feedResponse(await services(), { url, format: 'atom', subject: { kind: params.kind, id: params.id } });
