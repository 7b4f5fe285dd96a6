// Compiles messages/*.json into src/lib/paraglide without a build, for `npm run check` (svelte-check reads
// the generated code). The build and the tests compile through the Vite plugin with the same options.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);
