import { publicSituation } from '../../http/publicSituation';
import { publicProcedure, router } from '../init';

/**
 * The situation layers, as the caller may see them (public records only for anonymous callers, as the
 * other public surfaces read them: at most a second old).
 */
export const situationRouter = router({
  get: publicProcedure.query(({ ctx }) =>
    ctx.viewer
      ? ctx.services.store.situationFor(ctx.viewer)
      : (ctx.publicSituation ?? publicSituation(ctx.services.store)),
  ),
});
