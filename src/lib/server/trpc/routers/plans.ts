import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { visibleSensitivities, type Viewer } from '../../auth/roles';
import {
  createPlan,
  deletePlan,
  getPlan,
  listPlans,
  planHistory,
  planInputSchema,
  PlanConflictError,
  updatePlan,
} from '../../db/planRepository';
import { router } from '../init';
import { planner } from './routes';

const planId = z.uuid();
const version = z.number().int().min(1);

/** A viewer may write a plan with a sensitivity they may read (a role bounds writes as it bounds reads). */
function checkMayWrite(viewer: NonNullable<Viewer>, sensitivity: string) {
  if (!(visibleSensitivities(viewer) as string[]).includes(sensitivity))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `a ${viewer.role} cannot save a ${sensitivity} plan`,
    });
}

async function conflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PlanConflictError)
      throw new TRPCError({
        code: e.current ? 'CONFLICT' : 'NOT_FOUND',
        message: e.current ? JSON.stringify({ message: e.message, current: e.current }) : e.message,
        cause: e,
      });
    throw e;
  }
}

/**
 * Saved convoy plans, for signed-in accounts only (never public). Each account sees and changes the plans
 * of the sensitivities it may see: staff restricted ones, administrators confidential ones too. Writes
 * state the version they were based on, as feature edits do.
 */
export const plansRouter = router({
  list: planner.query(async ({ ctx }) =>
    (await listPlans(ctx.services.database.db, visibleSensitivities(ctx.viewer))).map((p) => ({
      id: p.id,
      name: p.name,
      note: p.note,
      asOf: p.asOf,
      from: p.request.from,
      to: p.request.to,
      sensitivity: p.sensitivity,
      version: p.version,
      updatedAt: p.updatedAt,
      updatedBy: p.updatedBy,
      createdBy: p.createdBy,
    })),
  ),
  get: planner.input(z.object({ id: planId })).query(async ({ ctx, input }) => {
    const p = await getPlan(ctx.services.database.db, input.id, visibleSensitivities(ctx.viewer));
    if (!p) throw new TRPCError({ code: 'NOT_FOUND', message: `no plan "${input.id}"` });
    return p;
  }),
  history: planner.input(z.object({ id: planId })).query(async ({ ctx, input }) => {
    const p = await getPlan(ctx.services.database.db, input.id, visibleSensitivities(ctx.viewer));
    if (!p) throw new TRPCError({ code: 'NOT_FOUND', message: `no plan "${input.id}"` });
    return planHistory(ctx.services.database.db, input.id);
  }),
  /** Creates a plan (no `id`) or replaces one at `version`. */
  save: planner
    .input(planInputSchema.extend({ id: planId.optional(), version: version.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { id, version: v, ...plan } = input;
      checkMayWrite(ctx.viewer, plan.sensitivity);
      const db = ctx.services.database.db;
      if (id === undefined) return createPlan(db, plan, ctx.viewer.email);
      if (v === undefined)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'version: needed to change a plan' });
      return conflicts(() => updatePlan(db, id, v, plan, ctx.viewer.email, visibleSensitivities(ctx.viewer)));
    }),
  delete: planner.input(z.object({ id: planId, version })).mutation(async ({ ctx, input }) => {
    await conflicts(() =>
      deletePlan(
        ctx.services.database.db,
        input.id,
        input.version,
        ctx.viewer.email,
        visibleSensitivities(ctx.viewer),
      ),
    );
    return { id: input.id };
  }),
});
