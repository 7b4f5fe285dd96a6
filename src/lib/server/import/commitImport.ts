// Writes an import: every feature of the preview created or updated by id in one transaction (all or
// nothing), the column mapping remembered for its source, then the change feed told about it.
import type { Feature } from 'geojson';
import { DataValidationError, type LayerName, type Sensitivity } from '$lib/domain/schemas';
import type { Scenario } from '$lib/domain/schemas/scenario';
import { unknownActorIssues } from '$lib/import/actorCheck';
import type { ColumnMapping, ImportPreview } from '$lib/import/types';
import type { Database } from '../db/client';
import { upsertFeatures, type UpsertResult } from '../db/featureRepository';
import { scenarios } from '../db/schema';
import { recordStatusChanges, type FeedSource } from '../feed';
import { saveImportMapping } from './importMappings';

export interface CommitOptions {
  /** The file's name: problems found on the server name it. */
  file?: string;
  format?: string;
  /** Remember this mapping under this key (both or neither). */
  sourceKey?: string;
  mapping?: ColumnMapping;
  /** The scenario whose change feed records the statuses the import changed; default: the only one stored. */
  scenarioId?: string;
  /** Record status changes after the write (default true). */
  feed?: boolean;
  /** Where the recording takes the scenario's situations and analyses from (the server's store); default: it reads them. */
  feedSource?: FeedSource;
  /**
   * The sensitivities the importer may see: stored features of any other are not written over, and no
   * feature may be given one (README "Storage and who sees what"). Default: every one (the command line).
   */
  visible?: readonly Sensitivity[];
}

export interface CommitResult extends UpsertResult {
  /** Status changes the change feed recorded, or why it could not record them (the import stands). */
  feed: { recorded: number } | { skipped: string };
}

/**
 * Commits an import. The features are validated again with the layer's schema (what a client sends is
 * never trusted): any invalid feature refuses the whole batch with a `DataValidationError` and nothing is
 * written. Otherwise every feature is created, or updated as a new version when its id exists, with audit
 * entries of action `import`, all in one transaction; the mapping is saved in the same transaction.
 */
export async function commitImport(
  db: Database,
  input: ImportPreview | readonly Feature[],
  layer: LayerName,
  actor: string,
  options: CommitOptions = {},
): Promise<CommitResult> {
  const list = Array.isArray(input) ? (input as readonly Feature[]) : (input as ImportPreview).features;
  const file = options.file ?? (Array.isArray(input) ? undefined : (input as ImportPreview).file);
  await refuseUnknownActors(db, list, file ?? layer);
  const result = await db.transaction(async (tx) => {
    const written = await upsertFeatures(tx as unknown as Database, layer, list, actor, {
      file,
      action: 'import',
      visible: options.visible,
    });
    if (options.sourceKey && options.mapping)
      await saveImportMapping(tx as unknown as Database, {
        sourceKey: options.sourceKey,
        layer,
        format: options.format ?? 'csv',
        mapping: options.mapping,
        actor,
      });
    return written;
  });
  return {
    ...result,
    feed: await recordFeed(db, actor, { ...options, file: file ?? UNNAMED, layer }, result),
  };
}

/**
 * What a browser sends is checked again here: a feature naming an actor the stored scenario does not define
 * refuses the whole import, as the scenario's own files are refused when it is loaded.
 */
async function refuseUnknownActors(db: Database, list: readonly Feature[], file: string): Promise<void> {
  const rows = await db.select({ document: scenarios.document }).from(scenarios);
  if (rows.length !== 1) return;
  const actors = (rows[0].document as Scenario).actors.map((a) => a.id);
  const issues = list.flatMap((f, index) =>
    unknownActorIssues((f.properties ?? {}) as Record<string, unknown>, actors).map((i) => ({
      file,
      index,
      id: String((f.properties as { id?: unknown } | null)?.id ?? ''),
      field: i.field ?? 'properties',
      reason: i.message,
    })),
  );
  if (issues.length > 0) throw new DataValidationError(issues);
}

/** What the feed calls an import that came without a file name (features sent to the API). */
const UNNAMED = '(features sent without a file name)';

/**
 * The change-feed hook, after the write succeeded: the import's one entry (file, layer, what was written)
 * with the status changes it caused as its details.
 */
export async function recordFeed(
  db: Database,
  actor: string,
  options: Pick<CommitOptions, 'feed' | 'scenarioId' | 'feedSource'> & { file: string; layer: LayerName },
  written: UpsertResult,
): Promise<CommitResult['feed']> {
  if (options.feed === false) return { skipped: 'not asked for' };
  if (written.created + written.updated === 0) return { skipped: 'nothing changed' };
  let scenarioId = options.scenarioId;
  if (!scenarioId) {
    const rows = await db.select({ id: scenarios.id }).from(scenarios);
    if (rows.length !== 1)
      return { skipped: rows.length === 0 ? 'no scenario in the database yet' : 'several scenarios' };
    scenarioId = rows[0].id;
  }
  try {
    const r = await recordStatusChanges(
      { db, scenarioId, source: options.feedSource },
      {
        cause: 'import',
        actor,
        import: { file: options.file, layer: options.layer, written: written.bySensitivity },
      },
    );
    return { recorded: r.changes.length };
  } catch (e) {
    // The import is written; the next recording compares against the same snapshot and catches up.
    return { skipped: `recording failed: ${(e as Error).message}` };
  }
}
