import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { RequestHandler } from './$types';
import { appRouter } from '$lib/server/trpc/router';
import { services } from '$lib/server/services';

const handler: RequestHandler = async ({ request, locals }) => {
  const ctx = { services: await services(), viewer: locals.viewer };
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => ctx,
  });
};

export const GET = handler;
export const POST = handler;
