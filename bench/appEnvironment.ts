// SvelteKit's `$app/environment` for the TypeScript that runs outside SvelteKit under tsx with
// bin/tsconfig.cli.json (benchmarks, scripts): server modules such as src/lib/server/http/cache.ts read the
// build's `version` for their ETags, which outside a build has no value of its own.
export const version = 'outside-sveltekit';
export const browser = false;
export const dev = false;
export const building = false;
