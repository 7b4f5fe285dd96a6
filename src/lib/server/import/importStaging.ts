// An import sent in parts: the browser cannot send a large import in one request (the server refuses request
// bodies over BODY_SIZE_LIMIT, 512 kB by default, and raising that limit would open every endpoint to huge
// bodies). It begins a staging, appends the features chunk by chunk in order, and finishes it: only then is
// `commitImport` called, once, with every feature staged, so the import is still one transaction, all or
// nothing. In memory, per server process (one instance lives in `Services`); nothing is written before finish.
import { createHash, randomUUID } from 'node:crypto';
import type { Feature } from 'geojson';
import type { LayerName } from '$lib/domain/schemas';
import type { ColumnMapping, ImportFormat } from '$lib/import/types';
import type { CommitOptions, CommitResult } from './commitImport';

/** At most this many features in one import, staged or not. */
export const MAX_IMPORT_FEATURES = 200_000;

export interface StagingLimits {
  /** Features of one staging (announced at begin, never passed). */
  maxFeatures: number;
  /** Stagings one account may have open at once. */
  maxOpenPerAccount: number;
  /** Bytes of JSON held by all the stagings of the process together. */
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

interface Staging {
  id: string;
  ownerId: number;
  begun: BeginStaging;
  /** The chunks received, as the JSON text of their feature arrays, in order of `seq`. */
  chunks: string[];
  /** A digest of each chunk, so a chunk sent again (a retry) is recognised as the same one. */
  digests: string[];
  count: number;
  bytes: number;
  touchedAt: number;
  /** Set by finish: the features are being written, and the staging can no longer change. */
  writing: boolean;
}

const number = new Intl.NumberFormat('en');
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * The stagings of the server process. Expired stagings are swept at the start of every call (no timer
 * keeps the process alive). The features are kept as the JSON text of each chunk: what is held is what
 * is counted against `maxTotalBytes`, and it is parsed only once, at finish.
 */
export class ImportStaging {
  readonly limits: StagingLimits;
  private readonly stagings = new Map<string, Staging>();

  constructor(
    private readonly write: StagedWriter,
    limits: Partial<StagingLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...defaultStagingLimits, ...limits };
  }

  /** Stagings open (all accounts), for tests and diagnostics. */
  get open(): number {
    return this.stagings.size;
  }

  /** Bytes of JSON held by all the stagings. */
  get stagedBytes(): number {
    let total = 0;
    for (const s of this.stagings.values()) total += s.bytes;
    return total;
  }

  /** Opens a staging for `input.expectedCount` features; nothing is written until {@link finish}. */
  begin(owner: StagingOwner, input: BeginStaging): { importId: string; maxChunkBytes: number } {
    this.sweep();
    const { maxFeatures, maxOpenPerAccount, idleMs, maxChunkBytes } = this.limits;
    if (!Number.isInteger(input.expectedCount) || input.expectedCount < 1)
      throw new ImportStagingError('BAD_REQUEST', 'an import needs at least one feature');
    if (input.expectedCount > maxFeatures)
      throw new ImportStagingError(
        'BAD_REQUEST',
        `an import takes at most ${number.format(maxFeatures)} features, and this one has ` +
          `${number.format(input.expectedCount)}: split the file`,
      );
    const mine = [...this.stagings.values()].filter((s) => s.ownerId === owner.id).length;
    if (mine >= maxOpenPerAccount)
      throw new ImportStagingError(
        'TOO_MANY_REQUESTS',
        `this account is already sending ${mine} imports, the most it may send at once: let one finish ` +
          `or cancel it (an import left unfinished is dropped after ${Math.round(idleMs / 60_000)} minutes)`,
      );
    const id = randomUUID();
    this.stagings.set(id, {
      id,
      ownerId: owner.id,
      begun: { ...input },
      chunks: [],
      digests: [],
      count: 0,
      bytes: 0,
      touchedAt: this.now(),
      writing: false,
    });
    return { importId: id, maxChunkBytes };
  }

  /**
   * Adds chunk `seq` (0, 1, 2, … in order). The chunk received last, or any earlier one, sent again with
   * the same features (a retry after a lost answer) changes nothing; a chunk past the next expected one is
   * refused, as is one that would pass the count announced or the bytes the server holds.
   */
  append(
    owner: StagingOwner,
    importId: string,
    seq: number,
    features: readonly unknown[],
  ): { received: number; nextSeq: number } {
    this.sweep();
    const staging = this.owned(owner, importId);
    if (staging.writing) throw this.beingWritten();
    const json = JSON.stringify(features);
    const digest = createHash('sha256').update(json).digest('base64');
    const expected = staging.chunks.length;
    if (!Number.isInteger(seq) || seq < 0)
      throw new ImportStagingError('BAD_REQUEST', `chunk number ${seq} is not a whole number from 0`);
    if (seq < expected) {
      if (staging.digests[seq] !== digest)
        throw new ImportStagingError(
          'CONFLICT',
          `chunk ${seq} was already received with other features: start the import again`,
        );
      staging.touchedAt = this.now();
      return { received: staging.count, nextSeq: expected };
    }
    if (seq > expected)
      throw new ImportStagingError(
        'BAD_REQUEST',
        `chunk ${seq} arrived before chunk ${expected}: chunks are sent in order, one after the other; ` +
          'start the import again',
      );
    if (features.length === 0) throw new ImportStagingError('BAD_REQUEST', `chunk ${seq} has no feature`);
    const { expectedCount } = staging.begun;
    if (staging.count + features.length > expectedCount)
      throw new ImportStagingError(
        'BAD_REQUEST',
        `chunk ${seq} brings the import to ${number.format(staging.count + features.length)} features, more ` +
          `than the ${number.format(expectedCount)} announced when it began`,
      );
    const bytes = Buffer.byteLength(json, 'utf8');
    const held = this.stagedBytes;
    if (held + bytes > this.limits.maxTotalBytes)
      throw new ImportStagingError(
        'PAYLOAD_TOO_LARGE',
        `the server holds at most ${megabytes(this.limits.maxTotalBytes)} of imports being sent, and ` +
          `already holds ${megabytes(held)}: try again when the imports being sent are written, or ` +
          'import the file in smaller parts',
      );
    staging.chunks.push(json);
    staging.digests.push(digest);
    staging.count += features.length;
    staging.bytes += bytes;
    staging.touchedAt = this.now();
    return { received: staging.count, nextSeq: staging.chunks.length };
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
    this.sweep();
    const staging = this.owned(owner, importId);
    if (staging.writing) throw this.beingWritten();
    const { begun } = staging;
    if (staging.count !== begun.expectedCount) {
      this.stagings.delete(importId);
      throw new ImportStagingError(
        'BAD_REQUEST',
        `nothing was imported: ${number.format(staging.count)} of the ${number.format(begun.expectedCount)} ` +
          'features announced arrived; start the import again',
      );
    }
    staging.writing = true;
    try {
      const features: Feature[] = [];
      for (let i = 0; i < staging.chunks.length; i++) {
        for (const f of JSON.parse(staging.chunks[i]) as Feature[]) features.push(f);
        staging.chunks[i] = ''; // the parsed features are what is held from now on
      }
      return await this.write(features, begun.layer, owner.email, {
        ...access,
        file: begun.fileName,
        format: begun.format,
        ...(begun.sourceKey && begun.mapping ? { sourceKey: begun.sourceKey, mapping: begun.mapping } : {}),
      });
    } finally {
      this.stagings.delete(importId);
    }
  }

  /** Drops a staging without writing anything. Refused once its features are being written. */
  abort(owner: StagingOwner, importId: string): { aborted: true } {
    this.sweep();
    const staging = this.owned(owner, importId);
    if (staging.writing)
      throw new ImportStagingError(
        'CONFLICT',
        'the import is already being written and can no longer be cancelled',
      );
    this.stagings.delete(importId);
    return { aborted: true };
  }

  /** Drops every staging idle for longer than `idleMs` (never one being written). */
  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.stagings)
      if (!s.writing && now - s.touchedAt > this.limits.idleMs) this.stagings.delete(id);
  }

  /** The staging, if it exists and is the owner's: another account's is as unknown as a missing one. */
  private owned(owner: StagingOwner, importId: string): Staging {
    const staging = this.stagings.get(importId);
    if (!staging || staging.ownerId !== owner.id)
      throw new ImportStagingError(
        'NOT_FOUND',
        `no import ${importId} is being sent by this account: it was finished or cancelled, or dropped ` +
          `after ${Math.round(this.limits.idleMs / 60_000)} minutes without a chunk; start it again`,
      );
    return staging;
  }

  private beingWritten(): ImportStagingError {
    return new ImportStagingError('CONFLICT', 'the import is already being written');
  }
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
