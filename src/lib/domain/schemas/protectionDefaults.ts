// The default parameters of the protection-needs view, in a module without zod: the schema in params.ts
// gives them as its defaults, and the browser's map page uses them without loading the schemas.
export const PROTECTION_NEEDS_DEFAULTS = {
  /** Incidents of violence against aid within this distance of a corridor count against it (km). */
  guardBufferKm: 10,
  /** ... when dated at most this many days before the as-of date (a mandate looks at a pattern). */
  guardWindowDays: 90,
} as const;
