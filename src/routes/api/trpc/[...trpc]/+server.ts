import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { RequestHandler } from './$types';
import type { Situation } from '$lib/domain/schemas';
import { appRouter } from '$lib/server/trpc/router';
import { services } from '$lib/server/services';
import { SESSION_COOKIE } from '$lib/server/auth/sessionCookie';
import { isPublicTrpcRead, publicTrpcRead } from '$lib/server/http/httpPolicy';
import { publicSituation } from '$lib/server/http/publicSituation';

const handler: RequestHandler = async ({ request, url, locals, cookies }) => {
  const sessionToken = locals.viewer ? cookies.get(SESSION_COOKIE) : undefined;
  const ctx = { services: await services(), viewer: locals.viewer, sessionToken };
  const answer = (pinned?: Situation) =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      createContext: () => (pinned ? { ...ctx, publicSituation: pinned } : ctx),
    });
  if (locals.viewer || !isPublicTrpcRead(request, url)) return answer();
  // An anonymous read of the map's data: revalidated before any work (httpPolicy.ts).
  const situation = await publicSituation(ctx.services.store);
  return publicTrpcRead(request, url, situation, () => answer(situation));
};

export const GET = handler;
export const POST = handler;
