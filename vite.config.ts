import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
  // Tests compile the messages once in their global set-up instead (tests/compileMessages.ts).
  plugins: [sveltekit(), ...(process.env.VITEST ? [] : [paraglideVitePlugin(paraglideOptions)])],
  server: { port: 5173 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/compileMessages.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
