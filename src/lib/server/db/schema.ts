import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  uniqueIndex,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// SQL written here must be accepted by PostgreSQL 15 (Debian's server) and PGlite (PostgreSQL 18):
// plain types, jsonb, no PostGIS. Geometry is GeoJSON in jsonb with a bounding box for filtering.

/** The scenario metadata (scenario.json): one row per workspace. */
export const scenarios = pgTable('scenarios', {
  id: text('id').primaryKey(),
  document: jsonb('document').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every feature of every layer. `version` drives optimistic concurrency; `deleted_at` is a soft delete. Where
 * PostgreSQL has PostGIS, migration 0021 adds `tile_geom`, generated from `geometry` by the server: it is not
 * declared here, as it exists on one engine only, and only the SQL of `mapView/postgisTiles.ts` reads it.
 */
export const features = pgTable(
  'features',
  {
    id: text('id').primaryKey(),
    layer: text('layer').notNull(),
    sensitivity: text('sensitivity').notNull(),
    geometry: jsonb('geometry').notNull(),
    properties: jsonb('properties').notNull(),
    minLon: doublePrecision('min_lon').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLon: doublePrecision('max_lon').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** The data version that last wrote the row, set by a trigger (migration 0023): what a reader has not seen. */
    changeMark: bigint('change_mark', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('features_layer_idx')
      .on(t.layer)
      .where(sql`${t.deletedAt} is null`),
    index('features_bbox_idx').on(t.minLon, t.maxLon, t.minLat, t.maxLat),
    index('features_change_mark_idx').on(t.changeMark),
  ],
);

/** Every change to a feature: who, when, what it was before and after. Never updated, only appended. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    featureId: text('feature_id').notNull(),
    layer: text('layer').notNull(),
    action: text('action').notNull(),
    actor: text('actor'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
    versionAfter: integer('version_after'),
  },
  (t) => [index('audit_log_feature_idx').on(t.featureId, t.id)],
);

/**
 * Accounts. `role` is `viewer`, `editor` or `admin` (`role` in auth/roles.ts); anonymous visitors have no
 * row. Passwords are scrypt hashes.
 */
export const users = pgTable(
  'users',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email)],
);

/**
 * Sign-in throttling, one row per key (`account:<e-mail>` or `address:<client address>`): the attempts
 * counted since the key was last quiet and when the next one is allowed. In the database, not in a process,
 * so several server instances share it; each attempt is reserved here before its password is hashed.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_throttle_last_idx').on(t.lastAttemptAt)],
);

/** Login sessions. Only a SHA-256 of the cookie's token is stored, so a database leak yields no session. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * The change feed: one row each time a corridor's status, a crossing's status or a site's access class
 * changes (after a write, at server start, or as the date moves on). `sensitivity` is the most restrictive
 * of the records the change was computed from (a change seen only in the staff analysis is not public).
 */
export const statusChanges = pgTable(
  'status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The as-of date the two analyses were run on. */
    asOf: text('as_of').notNull(),
    /** `corridor`, `crossing` or `site`; `import` on the one row that stands for an import. */
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    subjectName: text('subject_name').notNull(),
    /** `status` (corridors, crossings) or `access` (sites). */
    field: text('field').notNull(),
    before: text('before'),
    after: text('after'),
    sensitivity: text('sensitivity').notNull(),
    /** What caused it (`ChangeCause`): `edit`, `delete`, `restore`, `import`, `seed` or `date`. */
    cause: text('cause').notNull(),
    actor: text('actor'),
    /** Reasons of the new verdict, as the analysis gave them. */
    reasons: jsonb('reasons')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /**
     * The change's number among public changes (1, 2, 3…), null when it is not public: what public feeds show
     * and page by, so their numbers do not count the changes they leave out (`id` counts every change).
     */
    publicId: bigint('public_id', { mode: 'number' }),
    /** Its number among public and restricted changes (what staff see), null when it is confidential. */
    restrictedId: bigint('restricted_id', { mode: 'number' }),
    /** On a change an import caused: the `id` of that import's row, the one entry the workspace feed shows. */
    importId: bigint('import_id', { mode: 'number' }),
    /**
     * On an import's row (`subject_kind` 'import'): the file, the layer and the features written per
     * sensitivity (`ImportSummary` in src/lib/server/feed/types.ts); null on every other row.
     */
    importSummary: jsonb('import_summary'),
  },
  (t) => [
    index('status_changes_subject_idx').on(t.subjectId, t.id),
    index('status_changes_import_idx').on(t.importId, t.id),
    uniqueIndex('status_changes_public_id_idx').on(t.publicId),
    uniqueIndex('status_changes_restricted_id_idx').on(t.restrictedId),
  ],
);

/** The last state the change feed compared against, per visibility level (`public`, `restricted`, `all`). */
export const statusSnapshots = pgTable('status_snapshots', {
  visibility: text('visibility').primaryKey(),
  asOf: text('as_of').notNull(),
  statuses: jsonb('statuses').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Column mappings chosen at import, remembered per source (a file's header signature or a named source). */
export const importMappings = pgTable('import_mappings', {
  sourceKey: text('source_key').primaryKey(),
  layer: text('layer').notNull(),
  format: text('format').notNull(),
  mapping: jsonb('mapping').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/**
 * Saved convoy plans (`/plan`): the request (date, places, options) with a name and a note. Never public:
 * `sensitivity` is `restricted` (staff) or `confidential` (administrators). Versioned and soft-deleted like
 * features; every change is in `plan_audit`.
 */
export const plans = pgTable(
  'plans',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    note: text('note').notNull().default(''),
    asOf: text('as_of').notNull(),
    request: jsonb('request').notNull(),
    sensitivity: text('sensitivity').notNull().default('restricted'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('plans_updated_idx').on(t.updatedAt),
    check('plans_sensitivity_check', sql`${t.sensitivity} IN ('restricted', 'confidential')`),
  ],
);

/** Every change to a plan: who, when, what it was before and after. Never updated, only appended. */
export const planAudit = pgTable(
  'plan_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: text('plan_id').notNull(),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
    versionAfter: integer('version_after'),
  },
  (t) => [index('plan_audit_plan_idx').on(t.planId, t.id)],
);

/**
 * An import being sent from the browser in parts (`imports.begin` … `finish`), held in the database so that
 * with several app instances each part may reach any of them (`import/importStaging.ts`). `received`,
 * `bytes` and `parts` sum its parts; `writing` is set by finish; `touched_at` is when it last got a part.
 */
export const importStagings = pgTable(
  'import_stagings',
  {
    id: text('id').primaryKey(),
    ownerId: bigint('owner_id', { mode: 'number' }).notNull(),
    ownerEmail: text('owner_email').notNull(),
    layer: text('layer').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    sourceKey: text('source_key'),
    mapping: jsonb('mapping'),
    expectedCount: integer('expected_count').notNull(),
    received: integer('received').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    parts: integer('parts').notNull().default(0),
    writing: boolean('writing').notNull().default(false),
    touchedAt: timestamp('touched_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('import_stagings_owner_idx').on(t.ownerId),
    index('import_stagings_touched_idx').on(t.touchedAt),
  ],
);

/** One part of a staged import: the JSON text of its features as received, and a digest to spot a resend. */
export const importStagingParts = pgTable(
  'import_staging_parts',
  {
    stagingId: text('staging_id')
      .notNull()
      .references(() => importStagings.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    features: text('features').notNull(),
    digest: text('digest').notNull(),
    count: integer('count').notNull(),
    bytes: integer('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stagingId, t.seq] })],
);

/**
 * The data's version (migration 0015): one row whose `n` a trigger bumps in the transaction of every write to
 * `features` or `scenarios`, so each commit leaves a new value. The situation caches compare it.
 */
export const dataVersion = pgTable('data_version', {
  id: boolean('id').primaryKey().default(true),
  n: bigint('n', { mode: 'number' }).notNull(),
});

/** When public content was first seen in a state (by its hash), shared by every instance (OGC ETags). */
export const publicContentVersions = pgTable(
  'public_content_versions',
  {
    hash: text('hash').primaryKey(),
    since: timestamp('since', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_content_versions_since_idx').on(t.since)],
);

/** PostgreSQL's `bytea`, as Node's `Buffer`. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The map's archive of verdicts in the database (migration 0022, `sharedVerdicts.ts`): a date's verdicts of a
 * visibility level's content (`content`: the app's build and the content's hash), brotli-compressed, shared by
 * every instance.
 */
export const verdictsArchive = pgTable(
  'verdicts_archive',
  {
    level: text('level').notNull(),
    content: text('content').notNull(),
    date: text('date').notNull(),
    body: bytea('body').notNull(),
  },
  (t) => [primaryKey({ name: 'verdicts_archive_pk', columns: [t.level, t.content, t.date] })],
);
