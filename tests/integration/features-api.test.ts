import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '$lib/server/env';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';

let services: Services;
const createCaller = createCallerFactory(appRouter);
const editor = () => createCaller({ services, viewer: { id: 1, email: 'ed@example.org', role: 'editor' } });
beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
});
afterAll(() => services.database.close());

const camp = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [24.9, 13.5] },
  properties: { id: 'new_camp', name, source: 'field team', kind: 'idp_camp', country: 'SDN', ...extra },
});

describe('features API (editors)', () => {
  it('creates a feature that the map then shows, recording who did it', async () => {
    const created = await editor().features.create({ layer: 'sites', feature: camp('New camp') });
    expect(created).toMatchObject({ version: 1, updatedBy: 'ed@example.org' });
    const situation = await createCaller({ services, viewer: null }).situation.get();
    expect(situation.sites.some((s) => s.properties.id === 'new_camp')).toBe(true);
  });

  it('refuses bad input with a message naming the field, writing nothing', async () => {
    await expect(
      editor().features.update({
        id: 'new_camp',
        version: 1,
        feature: camp('x', { ipcPhase: 9, figures: [{ date: '2024-01-01', ipcPhase: 9, source: 's' }] }),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('field "properties.figures[0].ipcPhase"'),
    });
    expect((await editor().features.get({ id: 'new_camp' })).version).toBe(1);
  });

  it('a stale write gets CONFLICT with the current record; nothing is lost', async () => {
    await editor().features.update({ id: 'new_camp', version: 1, feature: camp('Renamed by Ed') });
    const stale = editor().features.update({
      id: 'new_camp',
      version: 1,
      feature: camp('Renamed by someone else'),
    });
    const error = await stale.then(
      () => undefined,
      (e: { code: string; message: string }) => e,
    );
    expect(error?.code).toBe('CONFLICT');
    const body = JSON.parse(error!.message);
    expect(body.current.feature.properties.name).toBe('Renamed by Ed');
    expect(body.current.version).toBe(2);
    const history = await editor().features.history({ id: 'new_camp' });
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
  });
});
