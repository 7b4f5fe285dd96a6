import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DataValidationError, featureId, formatIssue, layerNames, type LayerName } from '$lib/domain/schemas';
import { maySee } from '../../auth/recordAccess';
import { visibleSensitivities } from '../../auth/roles';
import {
  ChangeNotFoundError,
  createFeature,
  deleteFeature,
  featureHistory,
  FeatureNotFoundError,
  getFeature,
  restoreFeature,
  SensitivityRefusedError,
  updateFeature,
  VersionConflictError,
} from '../../db/featureRepository';
import { recordAfterWrite, type ChangeCause } from '../../feed';
import { mapWritten } from '../../mapView/warmAfterWrite';
import { roleProcedure, router, type Context } from '../init';

// Viewers read (restricted records too) but never write; every record is further limited to the
// sensitivities the caller may see (`visibleSensitivities`), and one it may not see is answered as missing.
const reader = roleProcedure('viewer', 'editor', 'admin');
const editor = roleProcedure('editor', 'admin');
const layer = z.enum(layerNames as [LayerName, ...LayerName[]]);
const version = z.number().int().min(1);

/** Maps the repository's errors onto API errors that name the field or carry the current record. */
async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof FeatureNotFoundError || e instanceof ChangeNotFoundError)
      throw new TRPCError({ code: 'NOT_FOUND', message: e.message, cause: e });
    if (e instanceof SensitivityRefusedError)
      throw new TRPCError({ code: 'FORBIDDEN', message: e.issues.map(formatIssue).join('\n'), cause: e });
    if (e instanceof DataValidationError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: e.issues.map(formatIssue).join('\n'), cause: e });
    if (e instanceof VersionConflictError)
      throw new TRPCError({
        code: 'CONFLICT',
        message: JSON.stringify({ message: e.message, current: e.current }),
        cause: e,
      });
    throw e;
  }
}

/** Runs a write, then lets the change feed record what it changed (README "Change feed"). */
async function recorded<T>(ctx: Context, cause: ChangeCause, work: () => Promise<T>): Promise<T> {
  const result = await mapErrors(work);
  await recordAfterWrite(ctx.services, { cause, actor: ctx.viewer?.email ?? null });
  mapWritten(ctx.services);
  return result;
}

/**
 * Reading (viewers, editors, admins) and editing (editors, admins) features. Every write states the version
 * it was based on: a stale write is refused with CONFLICT and the current record, so the user sees both
 * versions and nothing is lost. A record the caller may not see (an admin's confidential one, for an
 * editor) is NOT_FOUND with the message a missing one gets, whatever the procedure; a write may not give a
 * record a sensitivity the caller may not see (FORBIDDEN, naming the field).
 */
export const featuresRouter = router({
  get: reader.input(z.object({ id: featureId })).query(async ({ ctx, input }) => {
    const f = await getFeature(ctx.services.database.db, input.id);
    if (!f || !maySee(ctx.viewer, f.feature.properties.sensitivity))
      throw new TRPCError({ code: 'NOT_FOUND', message: new FeatureNotFoundError(input.id).message });
    return f;
  }),
  create: editor
    .input(z.object({ layer, feature: z.unknown() }))
    .mutation(({ ctx, input }) =>
      recorded(ctx, 'edit', () =>
        createFeature(
          ctx.services.database.db,
          input.layer,
          input.feature,
          ctx.viewer.email,
          visibleSensitivities(ctx.viewer),
        ),
      ),
    ),
  update: editor
    .input(z.object({ id: featureId, version, feature: z.unknown() }))
    .mutation(({ ctx, input }) =>
      recorded(ctx, 'edit', () =>
        updateFeature(
          ctx.services.database.db,
          input.id,
          input.version,
          input.feature,
          ctx.viewer.email,
          visibleSensitivities(ctx.viewer),
        ),
      ),
    ),
  delete: editor
    .input(z.object({ id: featureId, version }))
    .mutation(({ ctx, input }) =>
      recorded(ctx, 'delete', () =>
        deleteFeature(
          ctx.services.database.db,
          input.id,
          input.version,
          ctx.viewer.email,
          visibleSensitivities(ctx.viewer),
        ),
      ),
    ),
  history: reader
    .input(z.object({ id: featureId }))
    .query(({ ctx, input }) =>
      mapErrors(() => featureHistory(ctx.services.database.db, input.id, visibleSensitivities(ctx.viewer))),
    ),
  restore: editor
    .input(z.object({ id: featureId, auditId: z.number().int().min(1), version }))
    .mutation(({ ctx, input }) =>
      recorded(ctx, 'restore', () =>
        restoreFeature(
          ctx.services.database.db,
          input.id,
          input.auditId,
          input.version,
          ctx.viewer.email,
          visibleSensitivities(ctx.viewer),
        ),
      ),
    ),
});
