// End-to-end tests: Debian's Chromium (the registry's browser downloads fail on the machines this runs on)
// driving the BUILT app (`npm run test:e2e` builds it first when the sources changed).
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `The end-to-end tests need Chromium at ${CHROMIUM}. Install it with \`sudo apt-get install chromium\`, ` +
      'or run `npm run test:all`, which installs it.',
  );
}

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: the server, Chromium and its software WebGL (SwiftShader) share them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: ORIGIN,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      // WebGL through SwiftShader, and no traffic of Chromium's own (updates, sync, field trials).
      args: [
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } }],
  webServer: {
    // A fresh embedded database in a temporary folder per run, with one editor account made by the real
    // command line (scripts/e2e-server.js); migrated and seeded from geodata/ when the server starts.
    command: 'node scripts/e2e-server.js',
    url: `${ORIGIN}/`,
    env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN },
    reuseExistingServer: false,
    // A signal the script can catch, so it stops the server and removes its temporary database folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
