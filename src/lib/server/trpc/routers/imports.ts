import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DataValidationError, formatIssue, layerNames, type LayerName } from '$lib/domain/schemas';
import { VersionConflictError } from '../../db/featureRepository';
import { commitImport } from '../../import/commitImport';
import { columnMappingSchema, getImportMapping } from '../../import/importMappings';
import { roleProcedure, router } from '../init';

const editor = roleProcedure('editor', 'admin');
const layer = z.enum(layerNames as [LayerName, ...LayerName[]]);
const format = z.enum(['geojson', 'csv', 'hxl', 'acled', 'kml', 'gpx']);
const sourceKey = z.string().min(1).max(200);

/**
 * Imports (editors and admins): the browser parses a file into a preview (`$lib/import`), the user checks
 * it, and `commit` writes its features in one transaction. Every feature is validated again here.
 */
export const importsRouter = router({
  commit: editor
    .input(
      z.object({
        layer,
        fileName: z.string().min(1).max(300),
        format,
        features: z.array(z.unknown()).max(200_000),
        sourceKey: sourceKey.optional(),
        mapping: columnMappingSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      try {
        return await commitImport(
          ctx.services.database.db,
          input.features as never[],
          input.layer,
          ctx.viewer.email,
          {
            file: input.fileName,
            format: input.format,
            sourceKey: input.sourceKey,
            mapping: input.mapping,
            scenarioId: ctx.services.store.scenarioId,
          },
        );
      } catch (e) {
        if (e instanceof DataValidationError) {
          const shown = e.issues.slice(0, 50).map(formatIssue);
          if (e.issues.length > 50) shown.push(`… and ${e.issues.length - 50} more problems`);
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `nothing was imported: ${e.issues.length} problem${e.issues.length === 1 ? '' : 's'}\n${shown.join('\n')}`,
            cause: e,
          });
        }
        if (e instanceof VersionConflictError)
          throw new TRPCError({
            code: 'CONFLICT',
            message: `nothing was imported: ${e.message} while the import was being written; try again`,
            cause: e,
          });
        throw e;
      }
    }),
  mapping: editor
    .input(z.object({ sourceKey }))
    .query(({ ctx, input }) => getImportMapping(ctx.services.database.db, input.sourceKey)),
});
