import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResultSchema } from '$lib/domain/schemas';
import type { Viewer } from '$lib/server/auth/roles';
import { planHistory } from '$lib/server/db/planRepository';
import type { Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import { engines, startTestServices } from './helpers/testServices';

// The planner's API on the embedded PGlite and, when TEST_DATABASE_URL is set, on a PostgreSQL server.

const createCaller = createCallerFactory(appRouter);
const viewerAccount: Viewer = { id: 1, email: 'viewer@example.org', role: 'viewer' };
const editorAccount: Viewer = { id: 2, email: 'editor@example.org', role: 'editor' };
const adminAccount: Viewer = { id: 3, email: 'admin@example.org', role: 'admin' };
const request = { asOf: '2024-08-20', from: 'td_adre_transit', to: 'sd_zamzam', alternatives: 1 };

describe.each(engines)('convoy planner API on $name', ({ url }) => {
  let services: Services;
  let stop: (() => Promise<void>) | undefined;
  const as = (viewer: Viewer) => createCaller({ services, viewer });

  beforeAll(async () => ({ services, stop } = await startTestServices(url, 'plans_api')));
  afterAll(() => stop?.());

  it('routes.plan answers viewers and up, and refuses anonymous callers', async () => {
    const plan = await as(viewerAccount).routes.plan(request);
    expect(() => planResultSchema.parse(plan)).not.toThrow();
    expect(plan.routes.length).toBeGreaterThan(0);
    await expect(as(null).routes.plan(request)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(as(viewerAccount).routes.plan({ ...request, from: 'nowhere' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('"nowhere"'),
    });
  });

  it('saves a plan (restricted by default), lists it and reopens it for a colleague', async () => {
    const saved = await as(viewerAccount).plans.save({ name: 'Adré run', note: 'first try', request });
    expect(saved).toMatchObject({ version: 1, sensitivity: 'restricted', createdBy: 'viewer@example.org' });
    const list = await as(editorAccount).plans.list();
    expect(list.map((p) => p.id)).toContain(saved.id);
    const reopened = await as(editorAccount).plans.get({ id: saved.id });
    expect(reopened.request).toMatchObject(request);
    expect(reopened.asOf).toBe('2024-08-20');
  });

  it('versions every change, refuses a stale write, and keeps the history', async () => {
    const saved = await as(viewerAccount).plans.save({ name: 'Versioned', request });
    const v2 = await as(editorAccount).plans.save({
      id: saved.id,
      version: 1,
      name: 'Versioned',
      note: 'checked the Tiné road',
      request,
    });
    expect(v2).toMatchObject({
      version: 2,
      updatedBy: 'editor@example.org',
      createdBy: 'viewer@example.org',
    });
    await expect(
      as(viewerAccount).plans.save({ id: saved.id, version: 1, name: 'stale', request }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await as(viewerAccount).plans.get({ id: saved.id })).name).toBe('Versioned');
    await as(viewerAccount).plans.delete({ id: saved.id, version: 2 });
    await expect(as(viewerAccount).plans.get({ id: saved.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const history = await as(adminAccount)
      .plans.history({ id: saved.id })
      .catch((e: unknown) => e);
    // A deleted plan is gone from the API; its history stays in the database.
    expect(history).toMatchObject({ code: 'NOT_FOUND' });
    const list = await planHistory(services.database.db, saved.id);
    expect(list.map((r) => `${r.action}:${r.actor}`)).toEqual([
      'create:viewer@example.org',
      'update:editor@example.org',
      'delete:viewer@example.org',
    ]);
  });

  it('keeps confidential plans to administrators, and a role bounds what it may save', async () => {
    await expect(
      as(viewerAccount).plans.save({ name: 'secret', sensitivity: 'confidential', request }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const secret = await as(adminAccount).plans.save({
      name: 'Confidential run',
      sensitivity: 'confidential',
      request,
    });
    expect((await as(adminAccount).plans.list()).map((p) => p.id)).toContain(secret.id);
    expect((await as(editorAccount).plans.list()).map((p) => p.id)).not.toContain(secret.id);
    await expect(as(editorAccount).plans.get({ id: secret.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(editorAccount).plans.delete({ id: secret.id, version: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      as(viewerAccount).plans.save({ name: 'public?', sensitivity: 'public' as 'restricted', request }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a plan whose request is not valid, naming the field', async () => {
    await expect(
      as(viewerAccount).plans.save({ name: 'bad', request: { ...request, asOf: '2024-13-01' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('asOf') });
    await expect(as(viewerAccount).plans.save({ name: ' ', request })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
