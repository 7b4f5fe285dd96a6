// `corridor import`'s whole job on one file: read it (tables streamed), and write its valid features in ONE
// transaction as they come, so a 100 MB table is never held whole; at the end the transaction commits, or
// rolls back when the file had errors and skipping them was not asked for. Nothing is half-written.
import type { Feature } from 'geojson';
import type { LayerName } from '$lib/domain/schemas';
import type { ColumnMapping, ImportOptions, ImportPreview } from '$lib/import/types';
import type { Database } from '../db/client';
import { addUpsertResult, emptyUpsertResult, upsertFeatures } from '../db/featureRepository';
import { recordFeed, type CommitResult } from './commitImport';
import { saveImportMapping } from './importMappings';
import { readImportFile } from './readImportFile';

export interface ImportFileOptions extends ImportOptions {
  /** The database to write to; absent or with `dryRun`, nothing is written. */
  db?: Database;
  dryRun?: boolean;
  /** Write the valid rows even when others have errors (default: any error means nothing is written). */
  skipInvalid?: boolean;
  actor: string;
  /** Remember `mapping` under the file's source key. */
  remember?: ColumnMapping;
  /** Record status changes in the change feed after the write (default true). */
  feed?: boolean;
  /** Valid features written per batch (default 2,000). */
  batchSize?: number;
  /** Told the time each batch write took, in ms (the benchmark splits reading from writing with it). */
  onWrite?: (ms: number) => void;
}

export interface ImportFileResult {
  preview: ImportPreview;
  /** What was written, or null when nothing was (dry run, errors, no valid row). */
  written: CommitResult | null;
  /** Why nothing was written. */
  reason?: 'dry-run' | 'errors' | 'empty';
}

/** Thrown inside the transaction to roll it back when the file turned out to have errors. */
class Rollback extends Error {}

export async function importFile(path: string, o: ImportFileOptions): Promise<ImportFileResult> {
  const errorsOf = (p: ImportPreview) => p.problems.filter((x) => x.level === 'error').length;
  if (!o.db || o.dryRun) {
    // Count without keeping the features: a dry run of a huge file needs no more memory than a batch.
    const preview = await readImportFile(path, { ...o, onBatch: async () => {} });
    const reason =
      preview.counts.valid === 0 ? 'empty' : errorsOf(preview) > 0 && !o.skipInvalid ? 'errors' : 'dry-run';
    return { preview, written: null, reason };
  }
  const db = o.db;
  const layer: LayerName = o.layer;
  let preview: ImportPreview | undefined;
  const total = emptyUpsertResult();
  try {
    await db.transaction(async (tx) => {
      const txDb = tx as unknown as Database;
      let blocked = false;
      const write = async (batch: Feature[], errorsSoFar: number) => {
        // Once an error is seen (and not to be skipped) the transaction will roll back: stop writing.
        if (blocked || (errorsSoFar > 0 && !o.skipInvalid)) {
          blocked = true;
          return;
        }
        const started = performance.now();
        const r = await upsertFeatures(txDb, layer, batch, o.actor, { file: o.fileName, action: 'import' });
        o.onWrite?.(performance.now() - started);
        addUpsertResult(total, r);
      };
      preview = await readImportFile(path, { ...o, onBatch: write });
      if (preview.counts.valid === 0 || (errorsOf(preview) > 0 && !o.skipInvalid)) throw new Rollback();
      if (o.remember && preview.sourceKey)
        await saveImportMapping(txDb, {
          sourceKey: preview.sourceKey,
          layer,
          format: preview.format,
          mapping: o.remember,
          actor: o.actor,
        });
    });
  } catch (e) {
    if (e instanceof Rollback && preview)
      return { preview, written: null, reason: preview.counts.valid === 0 ? 'empty' : 'errors' };
    throw e;
  }
  const feed = await recordFeed(db, o.actor, { feed: o.feed, file: o.fileName, layer }, total);
  return { preview: preview!, written: { ...total, feed } };
}
