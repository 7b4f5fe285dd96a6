import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisReportSchema } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { readEnv } from '$lib/server/env';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';

let services: Services;
const createCaller = createCallerFactory(appRouter);
let caller: ReturnType<typeof createCaller>;
beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  caller = createCaller({ services, viewer: null });
});
afterAll(() => services.database.close());

describe('tRPC analysis.run', () => {
  it('returns the report of the public situation on the date', async () => {
    const report = await caller.analysis.run({ asOf: '2024-08-15' });
    expect(() => analysisReportSchema.parse(report)).not.toThrow();
    expect(report.asOf).toBe('2024-08-15');
    const all = loadSituationFromDir('geodata');
    const publicIds = new Set(
      all.sites.filter((s) => s.properties.sensitivity === 'public').map((s) => s.properties.id),
    );
    expect(report.sites.length).toBeGreaterThan(0);
    for (const s of report.sites) expect(publicIds.has(s.id), s.id).toBe(true);
  });

  it('applies parameters and overrides to this call only', async () => {
    const tight = await caller.analysis.run({ asOf: '2024-08-15', params: { frontlineBufferKm: 1 } });
    expect(tight.parameters.frontlineBufferKm).toBe(1);
    expect(tight.parameters.incidentRadiusKm).toBe(5);
    const again = await caller.analysis.run({ asOf: '2024-08-15' });
    expect(again.parameters.frontlineBufferKm).toBe(10);
  });

  it('refuses a bad date, an unknown parameter and an unknown crossing', async () => {
    await expect(caller.analysis.run({ asOf: '2024-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.analysis.run({ asOf: '2024-08-15', params: { bufferKm: 3 } as never }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.analysis.run({
        asOf: '2024-08-15',
        overrides: { crossings: [{ id: 'nowhere', status: 'open' }] },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('nowhere') });
  });
});
