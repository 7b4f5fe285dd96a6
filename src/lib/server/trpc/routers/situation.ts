import { publicProcedure, router } from '../init';

/** The situation layers, as the caller may see them (public records only for anonymous callers). */
export const situationRouter = router({
  get: publicProcedure.query(({ ctx }) => ctx.services.store.situationFor(ctx.viewer)),
});
