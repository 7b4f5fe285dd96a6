/**
 * The environment of a production build whoever asks for it. The tests that need the built app ask from
 * inside Vitest, whose `NODE_ENV=test` and `VITEST` would otherwise reach the build: libraries' development
 * code kept and Paraglide's Vite plugin left out (vite.config.ts), a build 2 % larger than the one shipped,
 * which the e2e suite then measured against the transfer budgets.
 *
 * @param {Record<string, string | undefined>} env
 */
export function buildEnvironment(env = process.env) {
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !/^VITEST/.test(k)));
  return { ...clean, NODE_ENV: 'production' };
}
