import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ColumnMapping } from '$lib/import/types';
import type { Database } from '../db/client';
import { importMappings } from '../db/schema';

/**
 * A mapping as stored and as the API accepts it: field → column, the lines before the header, fixed values,
 * value translations and the preset it was filled from.
 */
export const columnMappingSchema = z.object({
  fields: z.record(z.string().min(1).max(80), z.string().min(1).max(300)),
  headerRow: z.number().int().min(0).max(1000).optional(),
  set: z.record(z.string().min(1).max(80), z.string().min(1).max(300)).optional(),
  values: z
    .record(z.string().min(1).max(80), z.record(z.string().min(1).max(300), z.string().min(1).max(300)))
    .optional(),
  preset: z.string().min(1).max(80).optional(),
});

export interface RememberedMapping {
  sourceKey: string;
  layer: string;
  format: string;
  mapping: ColumnMapping;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The mapping remembered for a source (a header signature, see `$lib/import/sourceKey.ts`), or null. */
export async function getImportMapping(db: Database, sourceKey: string): Promise<RememberedMapping | null> {
  const [row] = await db.select().from(importMappings).where(eq(importMappings.sourceKey, sourceKey));
  if (!row) return null;
  const mapping = columnMappingSchema.safeParse(row.mapping);
  return {
    sourceKey: row.sourceKey,
    layer: row.layer,
    format: row.format,
    // A stored mapping that no longer reads (written by an older version) is as good as none.
    mapping: mapping.success ? mapping.data : { fields: {} },
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Remembers (or replaces) the mapping of a source, so its next file is read the same way. */
export async function saveImportMapping(
  db: Pick<Database, 'insert'>,
  entry: { sourceKey: string; layer: string; format: string; mapping: ColumnMapping; actor: string },
): Promise<void> {
  const mapping = columnMappingSchema.parse(entry.mapping);
  const values = {
    sourceKey: entry.sourceKey,
    layer: entry.layer,
    format: entry.format,
    mapping,
    updatedAt: new Date(),
    updatedBy: entry.actor,
  };
  await db
    .insert(importMappings)
    .values(values)
    .onConflictDoUpdate({ target: importMappings.sourceKey, set: { ...values } });
}
