import { publicSituation } from '$lib/domain/visibility';
import { loadSituation } from '../../situation/situationSource';
import { publicProcedure, router } from '../init';

/** The situation layers, as the caller may see them. */
export const situationRouter = router({
  get: publicProcedure.query(() => publicSituation(loadSituation())),
});
