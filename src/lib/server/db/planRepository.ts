import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { planRequestSchema, type PlanRequest, type Sensitivity } from '$lib/domain/schemas';
import type { Database, Tx } from './client';
import { planAudit, plans } from './schema';

/** A plan is never public: staff (`restricted`, the default) or administrators (`confidential`). */
export const planSensitivity = z.enum(['restricted', 'confidential']);
export type PlanSensitivity = z.infer<typeof planSensitivity>;

/** What a user writes when saving a plan. */
export const planInputSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    note: z.string().max(5000).default(''),
    sensitivity: planSensitivity.default('restricted'),
    request: planRequestSchema,
  })
  .strict();
export type PlanInput = z.input<typeof planInputSchema>;

export interface StoredPlan {
  id: string;
  name: string;
  note: string;
  asOf: string;
  request: PlanRequest;
  sensitivity: PlanSensitivity;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/** A write based on a version of a plan that is no longer current (or a plan that is gone). */
export class PlanConflictError extends Error {
  constructor(
    public readonly id: string,
    public readonly expectedVersion: number,
    public readonly current: StoredPlan | null,
  ) {
    super(
      current
        ? `plan "${id}" was changed by ${current.updatedBy} (now version ${current.version}, you edited version ${expectedVersion})`
        : `plan "${id}" does not exist`,
    );
    this.name = 'PlanConflictError';
  }
}

type Row = typeof plans.$inferSelect;

function toStored(r: Row): StoredPlan {
  return {
    id: r.id,
    name: r.name,
    note: r.note,
    asOf: r.asOf,
    request: r.request as PlanRequest,
    sensitivity: r.sensitivity as PlanSensitivity,
    version: r.version,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
}

/** The record as the audit log keeps it (no dates: they are the audit row's own). */
const snapshot = (p: StoredPlan) => ({
  name: p.name,
  note: p.note,
  sensitivity: p.sensitivity,
  request: p.request,
});

/** Plans of the given sensitivities, most recently changed first (without the deleted). */
export async function listPlans(db: Database, sensitivities: readonly Sensitivity[]): Promise<StoredPlan[]> {
  const rows = await db
    .select()
    .from(plans)
    .where(and(isNull(plans.deletedAt), inArray(plans.sensitivity, [...sensitivities])))
    .orderBy(desc(plans.updatedAt), asc(plans.id));
  return rows.map(toStored);
}

/** One plan, when it exists, is not deleted and has one of the given sensitivities. */
export async function getPlan(
  db: Database | Tx,
  id: string,
  sensitivities: readonly Sensitivity[],
): Promise<StoredPlan | null> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), isNull(plans.deletedAt), inArray(plans.sensitivity, [...sensitivities])));
  return row ? toStored(row) : null;
}

/** Creates a plan with a new random id (the id is what a shared link names). */
export async function createPlan(db: Database, input: PlanInput, actor: string): Promise<StoredPlan> {
  const p = planInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({
        id: randomUUID(),
        name: p.name,
        note: p.note,
        asOf: p.request.asOf,
        request: p.request,
        sensitivity: p.sensitivity,
        createdBy: actor,
        updatedBy: actor,
      })
      .returning();
    const stored = toStored(row);
    await tx.insert(planAudit).values({
      planId: stored.id,
      action: 'create',
      actor,
      before: null,
      after: snapshot(stored),
      versionAfter: 1,
    });
    return stored;
  });
}

/**
 * Replaces a plan if and only if it is still at `expectedVersion` and visible with `sensitivities`; of
 * concurrent writers on one version exactly one wins, the others get a `PlanConflictError`.
 */
export async function updatePlan(
  db: Database,
  id: string,
  expectedVersion: number,
  input: PlanInput,
  actor: string,
  sensitivities: readonly Sensitivity[],
): Promise<StoredPlan> {
  const p = planInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await getPlan(tx, id, sensitivities);
    if (!before) throw new PlanConflictError(id, expectedVersion, null);
    const rows = await tx
      .update(plans)
      .set({
        name: p.name,
        note: p.note,
        asOf: p.request.asOf,
        request: p.request,
        sensitivity: p.sensitivity,
        version: sql`${plans.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor,
      })
      .where(and(eq(plans.id, id), eq(plans.version, expectedVersion), isNull(plans.deletedAt)))
      .returning();
    if (rows.length === 0) throw new PlanConflictError(id, expectedVersion, before);
    const stored = toStored(rows[0]);
    await tx.insert(planAudit).values({
      planId: id,
      action: 'update',
      actor,
      before: snapshot(before),
      after: snapshot(stored),
      versionAfter: stored.version,
    });
    return stored;
  });
}

/** Soft-deletes a plan at `expectedVersion`; it stays in the audit log. */
export async function deletePlan(
  db: Database,
  id: string,
  expectedVersion: number,
  actor: string,
  sensitivities: readonly Sensitivity[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getPlan(tx, id, sensitivities);
    if (!before) throw new PlanConflictError(id, expectedVersion, null);
    const rows = await tx
      .update(plans)
      .set({
        deletedAt: new Date(),
        version: sql`${plans.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor,
      })
      .where(and(eq(plans.id, id), eq(plans.version, expectedVersion), isNull(plans.deletedAt)))
      .returning();
    if (rows.length === 0) throw new PlanConflictError(id, expectedVersion, before);
    await tx.insert(planAudit).values({
      planId: id,
      action: 'delete',
      actor,
      before: snapshot(before),
      after: null,
      versionAfter: rows[0].version,
    });
  });
}

/** Every change to a plan, oldest first. */
export async function planHistory(db: Database, id: string) {
  const rows = await db.select().from(planAudit).where(eq(planAudit.planId, id)).orderBy(asc(planAudit.id));
  return rows.map((r) => ({
    auditId: r.id,
    action: r.action,
    actor: r.actor,
    at: r.at,
    before: r.before as ReturnType<typeof snapshot> | null,
    after: r.after as ReturnType<typeof snapshot> | null,
    versionAfter: r.versionAfter,
  }));
}
