// The Paraglide compiler's options, shared by the Vite plugin (vite.config.ts: dev, build, tests) and
// scripts/i18n-compile.js (`npm run check`, which type-checks the generated code without building).
// The messages are messages/<locale>.json; the generated code goes to src/lib/paraglide (not committed).
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  // The language comes from `?lang=` (custom-query), then the language a `?lang=` chose earlier
  // (custom-remembered, a cookie set by the server), then Accept-Language, then English. Both custom
  // strategies are defined in src/lib/i18n (docs/i18n.md).
  strategy: ['custom-query', 'custom-remembered', 'preferredLanguage', 'baseLocale'],
  emitTsDeclarations: false,
};
