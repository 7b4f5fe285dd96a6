import { feedResponse } from '$lib/server/feed';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The workspace's change feed (JSON Feed 1.1): public changes only, whoever asks (README "Change feed").
export const GET: RequestHandler = async ({ url }) => feedResponse(await services(), { url, format: 'json' });
