// An import sent in parts: the browser cannot send a large import in one request (the server refuses request
// bodies over BODY_SIZE_LIMIT, 512 kB by default, and raising that limit would open every endpoint to huge
// bodies). It begins a staging, appends the features chunk by chunk in order, and finishes it: only then is
// `commitImport` called, once, with every feature staged, so the import is still one transaction, all or
// nothing. The stagings and their parts are kept in the database (`import_stagings`,
// `import_staging_parts`), not in the process: with several app instances behind a load balancer, each part
// may reach another instance. Nothing of the import itself is written before finish.
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Feature } from 'geojson';
import type { LayerName } from '$lib/domain/schemas';
import type { ColumnMapping, ImportFormat } from '$lib/import/types';
import type { Database, Tx } from '../db/client';
import { importStagingParts, importStagings } from '../db/schema';
import type { CommitOptions, CommitResult } from './commitImport';

/** At most this many features in one import, staged or not. */
export const MAX_IMPORT_FEATURES = 200_000;

export interface StagingLimits {
  /** Features of one staging (announced at begin, never passed). */
  maxFeatures: number;
  /** Stagings one account may have open at once. */
  maxOpenPerAccount: number;
  /** Bytes of JSON held by all the stagings together (every instance's: they share the database). */
  maxTotalBytes: number;
  /** Bytes of JSON the client should put in one chunk (told to it at begin). */
  maxChunkBytes: number;
  /** A staging nothing was appended to for this long is dropped. */
  idleMs: number;
}

export const defaultStagingLimits: StagingLimits = {
  maxFeatures: MAX_IMPORT_FEATURES,
  maxOpenPerAccount: 4,
  maxTotalBytes: 256_000_000,
  maxChunkBytes: 400_000,
  idleMs: 15 * 60_000,
};

/** Who stages: the signed-in account (only it may append to, finish or abort its stagings). */
export interface StagingOwner {
  id: number;
  email: string;
}

export interface BeginStaging {
  layer: LayerName;
  fileName: string;
  format: ImportFormat;
  /** Remember `mapping` under this key when the import is written (both or neither). */
  sourceKey?: string;
  mapping?: ColumnMapping;
  /** How many features will be appended: finish refuses an import that has fewer. */
  expectedCount: number;
}

/** Writes the staged features: `commitImport` on the server's database. */
export type StagedWriter = (
  features: Feature[],
  layer: LayerName,
  actor: string,
  options: CommitOptions,
) => Promise<CommitResult>;

/** Codes of the tRPC errors the router turns these into. */
export type StagingErrorCode =
  'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'TOO_MANY_REQUESTS';

/** A staging call refused; the message says why and what to do, in words for the user. */
export class ImportStagingError extends Error {
  constructor(
    public readonly code: StagingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportStagingError';
  }
}

type Staging = typeof importStagings.$inferSelect;

/**
 * The key of the transaction-scoped advisory lock every staging call takes before it reads or changes the
 * stagings: the limits (stagings per account, bytes held by all) and the order of parts are checked and
 * changed as one step across every instance. Transaction-scoped (`pg_advisory_xact_lock`), so it is released
 * at commit and works through a connection pooler in transaction mode.
 */
const STAGING_LOCK = 7_214_001_400;

/** A refusal decided inside a transaction that must still commit (the staging it drops stays dropped). */
class RefusedAfterCommit {
  constructor(readonly error: ImportStagingError) {}
}

const number = new Intl.NumberFormat('en');
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * The stagings, kept in the database. Expired stagings are swept at the start of every call (no timer
 * keeps the process alive; any instance sweeps any instance's). The features are kept as the JSON text of
 * each chunk: what is held is what is counted against `maxTotalBytes`, and it is parsed only once, at finish.
 */
export class ImportStaging {
  readonly limits: StagingLimits;

  constructor(
    private readonly db: Database,
    private readonly write: StagedWriter,
    limits: Partial<StagingLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...defaultStagingLimits, ...limits };
  }

  /** Stagings open (all accounts, every instance), for tests and diagnostics. */
  async open(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(importStagings);
    return Number(row?.n ?? 0);
  }

  /** Bytes of JSON held by all the stagings. */
  async stagedBytes(): Promise<number> {
    return stagedBytesIn(this.db);
  }

  /** Opens a staging for `input.expectedCount` features; nothing is written until {@link finish}. */
  async begin(
    owner: StagingOwner,
    input: BeginStaging,
  ): Promise<{ importId: string; maxChunkBytes: number }> {
    const { maxFeatures, maxOpenPerAccount, idleMs, maxChunkBytes } = this.limits;
    if (!Number.isInteger(input.expectedCount) || input.expectedCount < 1)
      throw new ImportStagingError('BAD_REQUEST', 'an import needs at least one feature');
    if (input.expectedCount > maxFeatures)
      throw new ImportStagingError(
        'BAD_REQUEST',
        `an import takes at most ${number.format(maxFeatures)} features, and this one has ` +
          `${number.format(input.expectedCount)}: split the file`,
      );
    return this.locked(async (tx) => {
      const [mine] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(importStagings)
        .where(eq(importStagings.ownerId, owner.id));
      const open = Number(mine?.n ?? 0);
      if (open >= maxOpenPerAccount)
        throw new ImportStagingError(
          'TOO_MANY_REQUESTS',
          `this account is already sending ${open} imports, the most it may send at once: let one finish ` +
            `or cancel it (an import left unfinished is dropped after ${Math.round(idleMs / 60_000)} minutes)`,
        );
      const id = randomUUID();
      await tx.insert(importStagings).values({
        id,
        ownerId: owner.id,
        ownerEmail: owner.email,
        layer: input.layer,
        fileName: input.fileName,
        format: input.format,
        sourceKey: input.sourceKey ?? null,
        mapping: input.mapping ?? null,
        expectedCount: input.expectedCount,
        touchedAt: new Date(this.now()),
      });
      return { importId: id, maxChunkBytes };
    });
  }

  /**
   * Adds chunk `seq` (0, 1, 2, … in order). The chunk received last, or any earlier one, sent again with
   * the same features (a retry after a lost answer) changes nothing; a chunk past the next expected one is
   * refused, as is one that would pass the count announced or the bytes the server holds.
   */
  async append(
    owner: StagingOwner,
    importId: string,
    seq: number,
    features: readonly unknown[],
  ): Promise<{ received: number; nextSeq: number }> {
    const json = JSON.stringify(features);
    const digest = createHash('sha256').update(json).digest('base64');
    return this.locked(async (tx) => {
      const staging = await this.owned(tx, owner, importId);
      if (staging.writing) throw this.beingWritten();
      const expected = staging.parts;
      if (!Number.isInteger(seq) || seq < 0)
        throw new ImportStagingError('BAD_REQUEST', `chunk number ${seq} is not a whole number from 0`);
      const touch = () =>
        tx
          .update(importStagings)
          .set({ touchedAt: new Date(this.now()) })
          .where(eq(importStagings.id, importId));
      if (seq < expected) {
        const [part] = await tx
          .select({ digest: importStagingParts.digest })
          .from(importStagingParts)
          .where(and(eq(importStagingParts.stagingId, importId), eq(importStagingParts.seq, seq)));
        if (part?.digest !== digest)
          throw new ImportStagingError(
            'CONFLICT',
            `chunk ${seq} was already received with other features: start the import again`,
          );
        await touch();
        return { received: staging.received, nextSeq: expected };
      }
      if (seq > expected)
        throw new ImportStagingError(
          'BAD_REQUEST',
          `chunk ${seq} arrived before chunk ${expected}: chunks are sent in order, one after the other; ` +
            'start the import again',
        );
      if (features.length === 0) throw new ImportStagingError('BAD_REQUEST', `chunk ${seq} has no feature`);
      const { expectedCount } = staging;
      if (staging.received + features.length > expectedCount)
        throw new ImportStagingError(
          'BAD_REQUEST',
          `chunk ${seq} brings the import to ${number.format(staging.received + features.length)} features, ` +
            `more than the ${number.format(expectedCount)} announced when it began`,
        );
      const bytes = Buffer.byteLength(json, 'utf8');
      const held = await stagedBytesIn(tx);
      if (held + bytes > this.limits.maxTotalBytes)
        throw new ImportStagingError(
          'PAYLOAD_TOO_LARGE',
          `the server holds at most ${megabytes(this.limits.maxTotalBytes)} of imports being sent, and ` +
            `already holds ${megabytes(held)}: try again when the imports being sent are written, or ` +
            'import the file in smaller parts',
        );
      await tx
        .insert(importStagingParts)
        .values({ stagingId: importId, seq, features: json, digest, count: features.length, bytes });
      const [after] = await tx
        .update(importStagings)
        .set({
          received: sql`${importStagings.received} + ${features.length}::int`,
          bytes: sql`${importStagings.bytes} + ${bytes}::bigint`,
          parts: sql`${importStagings.parts} + 1`,
          touchedAt: new Date(this.now()),
        })
        .where(eq(importStagings.id, importId))
        .returning({ received: importStagings.received, parts: importStagings.parts });
      return { received: after.received, nextSeq: after.parts };
    });
  }

  /**
   * Writes every staged feature with one `commitImport` (one transaction: all or nothing, every feature
   * validated again there), then drops the staging, whether the write succeeded or not: after a refusal
   * the import is begun again. Refused when fewer features arrived than were announced. `access` says
   * what the account may write over (its sensitivities, as the router knows them when it finishes).
   */
  async finish(
    owner: StagingOwner,
    importId: string,
    access: Pick<CommitOptions, 'visible'> = {},
  ): Promise<CommitResult> {
    // Marked as being written in a transaction of its own: a second finish, an append or an abort, on this
    // instance or another, is refused from then on.
    const begun = await this.locked(async (tx) => {
      const staging = await this.owned(tx, owner, importId);
      if (staging.writing) throw this.beingWritten();
      if (staging.received !== staging.expectedCount) {
        await tx.delete(importStagings).where(eq(importStagings.id, importId));
        return new RefusedAfterCommit(
          new ImportStagingError(
            'BAD_REQUEST',
            `nothing was imported: ${number.format(staging.received)} of the ` +
              `${number.format(staging.expectedCount)} features announced arrived; start the import again`,
          ),
        );
      }
      await tx
        .update(importStagings)
        .set({ writing: true, touchedAt: new Date(this.now()) })
        .where(eq(importStagings.id, importId));
      return staging;
    });
    if (begun instanceof RefusedAfterCommit) throw begun.error;
    try {
      // One part at a time: the text of a part is dropped once parsed, only the features are held.
      const features: Feature[] = [];
      for (let seq = 0; seq < begun.parts; seq++) {
        const [part] = await this.db
          .select({ features: importStagingParts.features })
          .from(importStagingParts)
          .where(and(eq(importStagingParts.stagingId, importId), eq(importStagingParts.seq, seq)));
        // Only a sweep of a staging idle for longer than `idleMs` since finish began takes its parts away.
        if (!part) throw this.notFound(importId);
        for (const f of JSON.parse(part.features) as Feature[]) features.push(f);
      }
      return await this.write(features, begun.layer as LayerName, owner.email, {
        ...access,
        file: begun.fileName,
        format: begun.format as ImportFormat,
        ...(begun.sourceKey && begun.mapping
          ? { sourceKey: begun.sourceKey, mapping: begun.mapping as ColumnMapping }
          : {}),
      });
    } finally {
      await this.db.delete(importStagings).where(eq(importStagings.id, importId));
    }
  }

  /** Drops a staging without writing anything. Refused once its features are being written. */
  async abort(owner: StagingOwner, importId: string): Promise<{ aborted: true }> {
    return this.locked(async (tx) => {
      const staging = await this.owned(tx, owner, importId);
      if (staging.writing)
        throw new ImportStagingError(
          'CONFLICT',
          'the import is already being written and can no longer be cancelled',
        );
      await tx.delete(importStagings).where(eq(importStagings.id, importId));
      return { aborted: true as const };
    });
  }

  /**
   * Runs `work` in a transaction holding the staging lock, after sweeping the stagings idle for longer than
   * `idleMs`: also one being written whose instance stopped before dropping it (a finish in progress has
   * read its parts long before; it only misses the staging it would have dropped anyway). A refusal thrown
   * by `work` undoes the whole transaction, sweep included; a refusal returned as `RefusedAfterCommit`
   * commits first.
   */
  private async locked<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${STAGING_LOCK}::bigint)`);
      await tx
        .delete(importStagings)
        .where(lt(importStagings.touchedAt, new Date(this.now() - this.limits.idleMs)));
      return work(tx);
    });
  }

  /** The staging, if it exists and is the owner's: another account's is as unknown as a missing one. */
  private async owned(tx: Tx, owner: StagingOwner, importId: string): Promise<Staging> {
    const [staging] = await tx.select().from(importStagings).where(eq(importStagings.id, importId));
    if (!staging || staging.ownerId !== owner.id) throw this.notFound(importId);
    return staging;
  }

  private notFound(importId: string): ImportStagingError {
    return new ImportStagingError(
      'NOT_FOUND',
      `no import ${importId} is being sent by this account: it was finished or cancelled, or dropped ` +
        `after ${Math.round(this.limits.idleMs / 60_000)} minutes without a chunk; start it again`,
    );
  }

  private beingWritten(): ImportStagingError {
    return new ImportStagingError('CONFLICT', 'the import is already being written');
  }
}

async function stagedBytesIn(db: Database | Tx): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${importStagings.bytes}), 0)::text` })
    .from(importStagings);
  return Number(row?.n ?? 0);
}

/**
 * The chunk size to tell clients: 400 kB, or less when the server's request size limit (the Node adapter's
 * `BODY_SIZE_LIMIT`: bytes, or with a K, M or G suffix) leaves less room than that with a margin.
 */
export function chunkBytesFor(bodySizeLimit: string | undefined, preferred = 400_000): number {
  if (!bodySizeLimit) return preferred;
  const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[bodySizeLimit.slice(-1).toUpperCase()];
  const limit = Number(unit ? bodySizeLimit.slice(0, -1) : bodySizeLimit) * (unit ?? 1);
  if (!(limit > 0)) return preferred;
  return Math.max(1_000, Math.min(preferred, Math.floor(limit * 0.8)));
}
