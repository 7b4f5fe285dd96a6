import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DataValidationError, formatIssue, layerNames, type LayerName } from '$lib/domain/schemas';
import { FeatureNotFoundError, VersionConflictError } from '../../db/featureRepository';
import { columnMappingSchema, getImportMapping } from '../../import/importMappings';
import { ImportStagingError, MAX_IMPORT_FEATURES } from '../../import/importStaging';
import { visibleSensitivities } from '../../auth/roles';
import { mapWritten } from '../../mapView/warmAfterWrite';
import { roleProcedure, router } from '../init';

const editor = roleProcedure('editor', 'admin');
const layer = z.enum(layerNames as [LayerName, ...LayerName[]]);
const format = z.enum(['geojson', 'csv', 'hxl', 'acled', 'kml', 'gpx']);
const sourceKey = z.string().min(1).max(200);
const importId = z.uuid();

/** A refusal of the staging, or of the commit at finish, as the tRPC error the client shows. */
function refusal(e: unknown): unknown {
  if (e instanceof ImportStagingError) return new TRPCError({ code: e.code, message: e.message, cause: e });
  if (e instanceof DataValidationError) {
    const shown = e.issues.slice(0, 50).map(formatIssue);
    if (e.issues.length > 50) shown.push(`… and ${e.issues.length - 50} more problems`);
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: `nothing was imported: ${e.issues.length} problem${e.issues.length === 1 ? '' : 's'}\n${shown.join('\n')}`,
      cause: e,
    });
  }
  // A feature made one the importer may not see while the import was written: retried, the import is
  // refused as one over an id in use. Nothing here says who changed it or how.
  if (e instanceof FeatureNotFoundError)
    return new TRPCError({
      code: 'CONFLICT',
      message: `nothing was imported: feature "${e.id}" changed while the import was being written; try again`,
      cause: e,
    });
  if (e instanceof VersionConflictError)
    return new TRPCError({
      code: 'CONFLICT',
      message: `nothing was imported: ${e.message} while the import was being written; try again`,
      cause: e,
    });
  return e;
}

async function refusing<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw refusal(e);
  }
}

/**
 * Imports (editors and admins): the browser parses a file into a preview (`$lib/import`), the user checks
 * it, and its features are sent in parts: `begin` opens a staging for the import, `append` adds a chunk of
 * features (numbered from 0, in order), `finish` writes them all in one transaction (validated again
 * here: all or nothing), `abort` drops them. See `ImportStaging` for the limits. Nothing is written before
 * `finish`; a staging belongs to the account that began it.
 */
export const importsRouter = router({
  begin: editor
    .input(
      z.object({
        layer,
        fileName: z.string().min(1).max(300),
        format,
        sourceKey: sourceKey.optional(),
        mapping: columnMappingSchema.optional(),
        expectedCount: z.number().int().min(1).max(MAX_IMPORT_FEATURES),
      }),
    )
    .mutation(({ ctx, input }) => refusing(() => ctx.services.importStaging.begin(ctx.viewer, input))),
  append: editor
    .input(
      z.object({
        importId,
        seq: z.number().int().min(0),
        features: z.array(z.unknown()).min(1).max(MAX_IMPORT_FEATURES),
      }),
    )
    .mutation(({ ctx, input }) =>
      refusing(() =>
        ctx.services.importStaging.append(ctx.viewer, input.importId, input.seq, input.features),
      ),
    ),
  finish: editor.input(z.object({ importId })).mutation(async ({ ctx, input }) => {
    const result = await refusing(() =>
      ctx.services.importStaging.finish(ctx.viewer, input.importId, {
        // What the account may see when it finishes: it writes over, and gives, only those sensitivities.
        visible: visibleSensitivities(ctx.viewer),
      }),
    );
    mapWritten(ctx.services);
    return result;
  }),
  abort: editor
    .input(z.object({ importId }))
    .mutation(({ ctx, input }) =>
      refusing(() => ctx.services.importStaging.abort(ctx.viewer, input.importId)),
    ),
  mapping: editor
    .input(z.object({ sourceKey }))
    .query(({ ctx, input }) => getImportMapping(ctx.services.database.db, input.sourceKey)),
});
