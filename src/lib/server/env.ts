import { z } from 'zod';

/** Every environment variable the server reads, validated once. Documented in the README. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Folder holding the scenario (scenario.json + one GeoJSON file per layer), seeded on first start. */
  GEODATA_DIR: z.string().min(1).default('geodata'),
  /** Folder of the embedded PGlite database when DATABASE_URL is unset; `memory://` keeps it in memory. */
  DATA_DIR: z.string().min(1).default('data'),
  /**
   * The embedded database's page cache (PostgreSQL's shared buffers), in MiB, when DATABASE_URL is unset.
   * PGlite's own default, 128, made about 150 of a small server's 420 MB: PostgreSQL's shared memory lives in
   * PGlite's WebAssembly memory, touched from the start whether or not the data needs it (docs/performance.md,
   * "Server start and memory"). The embedded database's files are read through the system's file cache anyway.
   */
  PGLITE_SHARED_BUFFERS_MB: z
    .string()
    .regex(/^[1-9][0-9]*$/, 'must be a positive whole number of MiB')
    .refine((v) => Number(v) <= 1024, 'must be between 1 and 1024 MiB')
    .default('32'),
  /** A PostgreSQL connection string (postgres://user:pass@host:port/db); unset means the embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  /** Folder of the SQL migrations (shipped in the repository as drizzle/). */
  MIGRATIONS_DIR: z.string().min(1).default('drizzle'),
  /**
   * The Node adapter's request size limit (`512K` when unset), read here only to size the chunks of an
   * import sent from the browser so that each fits under it.
   */
  BODY_SIZE_LIMIT: z.string().optional(),
  /**
   * Behind a reverse proxy: the request header holding the client's address (e.g. `X-Forwarded-For`), which
   * the Node adapter reads for `getClientAddress()`; the sign-in throttle counts per address with it. Unset,
   * the address is the TCP peer's, which behind a proxy is the proxy's own for every visitor.
   */
  ADDRESS_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name such as X-Forwarded-For')
    .optional(),
  /** With ADDRESS_HEADER=X-Forwarded-For: how many trusted proxies are in front (the Node adapter's). */
  XFF_DEPTH: z
    .string()
    .regex(/^[1-9][0-9]*$/, 'must be a positive whole number (the number of trusted proxies)')
    .optional(),
  /**
   * The bound, in MiB, of the archive of the map's verdicts of every date (`verdictsArchive.ts`), which the
   * server fills in the background once the map has asked for a date; 0 turns the archive and its walk off.
   */
  VERDICTS_ARCHIVE_MB: z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole number of MiB (0 turns the archive off)')
    .default('128'),
  /**
   * `on`: once started, the server analyses the public map's first date, then its neighbours and the walk of
   * the range, before a reader asks (`warmAtStart.ts`); `off`: only once the map has asked for a date.
   */
  MAP_WARM_AT_START: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  /**
   * `on`: after each write of the map's data through the API (an edit, an import), the server analyses the
   * public map's first date over the new content, then its neighbours and the walk of the range, before a
   * reader asks (`warmAfterWrite.ts`); `off`: only once the map asks.
   */
  MAP_WARM_AFTER_WRITE: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
});
export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const r = envSchema.safeParse(cleaned);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return r.data;
}
