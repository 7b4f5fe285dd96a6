import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { RequestHandler } from './$types';
import { appRouter } from '$lib/server/trpc/router';
import { services } from '$lib/server/services';
import { SESSION_COOKIE } from '$lib/server/auth/sessionCookie';

const handler: RequestHandler = async ({ request, locals, cookies }) => {
  const sessionToken = locals.viewer ? cookies.get(SESSION_COOKIE) : undefined;
  const ctx = { services: await services(), viewer: locals.viewer, sessionToken };
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => ctx,
  });
};

export const GET = handler;
export const POST = handler;
