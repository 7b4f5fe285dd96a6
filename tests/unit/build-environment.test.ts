import { describe, expect, it } from 'vitest';
import { buildEnvironment } from '../../scripts/build-environment.js';

// The built app the e2e suite measures against its transfer budgets is often built from inside Vitest (the
// integration tests that start the built server). Vitest's environment must not reach that build.
describe('the environment of the production build', () => {
  it('drops Vitest and test mode whoever asks for the build', () => {
    const env = buildEnvironment({
      PATH: '/bin',
      NODE_ENV: 'test',
      VITEST: 'true',
      VITEST_MODE: 'RUN',
      VITEST_POOL_ID: '1',
      DATABASE_URL: 'postgres://db',
    });
    expect(env).toEqual({ PATH: '/bin', NODE_ENV: 'production', DATABASE_URL: 'postgres://db' });
  });
  it('inside this test run, the variables that made a larger build are gone', () => {
    expect(process.env.VITEST).toBeTruthy();
    const env = buildEnvironment();
    expect(Object.keys(env).filter((k) => k.startsWith('VITEST'))).toEqual([]);
    expect(env.NODE_ENV).toBe('production');
  });
});
