import { z } from 'zod';
import { defineClientLocaleStrategies } from '$lib/i18n/clientLocale';

// The pages' Content-Security-Policy allows no 'unsafe-eval' (svelte.config.js). zod 4 compiles fast object
// parsers with `new Function` when it may, and probes for that when a schema is made; the probe is caught,
// but the browser still reports it as a policy violation. Parsing in the browser is small, so zod's
// interpreter is all it needs. This module runs before any page module, so before any schema is made.
z.config({ jitless: true });

defineClientLocaleStrategies();
