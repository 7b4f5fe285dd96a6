import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import type { Feature } from 'geojson';
import { isoDate } from '../../../domain/schemas/common';
import { layerNames, type LayerName } from '../../../domain/schemas/layers';
import { scenarioSchema, type Scenario } from '../../../domain/schemas/scenario';
import { countryShapesFromTopology } from '../../../import/countryShapes';
import { fixedValueProblems, parseSetArgument } from '../../../import/fixedValues';
import { PRESETS, findPreset } from '../../../import/presets';
import { presetList } from '../../../import/presets/describe';
import type { ColumnMapping, ImportFormat, ImportOptions, ImportPreview } from '../../../import/types';
import { openDatabase, type OpenDatabase } from '../../db/client';
import { databaseOptionsOf } from '../../db/databaseOptionsOf';
import { features, scenarios } from '../../db/schema';
import { readEnv } from '../../env';
import { importFile } from '../../import/importFile';
import { columnMappingSchema } from '../../import/importMappings';
import { formatImportReport } from '../formatImportReport';
import { CliUsageError } from '../cliError';
import { fileValidationError } from '../fileValidationError';
import { parseArgs } from '../parseArgs';
import { readJsonFile } from '../readJsonFile';
import type { Command } from './command';

const formats = ['auto', 'geojson', 'csv', 'hxl', 'acled', 'kml', 'gpx'] as const;

/** The scenario the import is checked against: the database's, else GEODATA_DIR's scenario.json. */
async function scenarioOf(db: OpenDatabase | undefined, geodataDir: string): Promise<Scenario | undefined> {
  if (db) {
    const rows = await db.db.select().from(scenarios);
    if (rows.length === 1) return rows[0].document as Scenario;
  }
  const path = join(geodataDir, 'scenario.json');
  if (!existsSync(path)) return undefined;
  const r = scenarioSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return r.success ? r.data : undefined;
}

/** Natural Earth country outlines shipped with the basemap package, for the "plots in Chad" check. */
function countryShapes() {
  const require = createRequire(import.meta.url);
  return countryShapesFromTopology(
    JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')),
  );
}

/** The stored admin areas, which a table of figures per P-code joins onto. */
async function storedAdmin(db: OpenDatabase): Promise<Feature[]> {
  const rows = await db.db
    .select({ geometry: features.geometry, properties: features.properties })
    .from(features)
    .where(and(eq(features.layer, 'admin'), isNull(features.deletedAt)));
  return rows.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: r.properties }) as Feature);
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import a GeoJSON, CSV, HXL, ACLED, KML or GPX file into a layer, all or nothing',
  usage: `Usage: corridor import <file> --layer LAYER [--format FORMAT] [--dry-run] [--skip-invalid]
                       [--format-report table|json] [--date YYYY-MM-DD] [--mapping mapping.json]
                       [--set FIELD=VALUE]... [--preset NAME]
       corridor import --presets

Reads a file, turns every row or feature into a feature of LAYER, validates it like the app does and
prints a report: counts, then every problem with where it is (line or feature, id, column) and a
suggestion. Then, unless --dry-run, writes the valid features to the database in one transaction:
new ids are created, existing ids get a new version (audit action "import"). Errors reject their row;
warnings keep it.

  <file>                the file; CSV is streamed, so its size is not limited by memory
  --layer LAYER         ${layerNames.join(', ')}
  --format FORMAT       ${formats.join(', ')} (default auto: from the extension and the header;
                        an ACLED export and an HXL hashtag row are recognised)
  --dry-run             check and report only; nothing is written
  --skip-invalid        write the valid rows even when others have errors (by default any error
                        means nothing is written)
  --format-report FMT   table (default) or json
  --date DATE           the date of the figures when the file has no date column
  --mapping FILE        JSON {"fields": {"lat": "Y", "name": "Site"}, "headerRow": 2}: which column
                        feeds which field; remembered for files with the same header
  --set FIELD=VALUE     a fixed value every row gets, for a field the file has no column for
                        (repeatable): --set kind=village, --set actorId=rsf --set confidence=assessed
                        --set validFrom=2025-10-26; remembered with the mapping
  --preset NAME         read the file as its source writes it (${PRESETS.map((p) => p.name).join(', ')}):
                        columns, fixed values and value translations; --mapping and --set win over
                        it; remembered with the mapping. Without it, the report says which preset fits
  --presets             list the presets: source, how each is detected, what it maps, what you add

A table of figures per P-code (no coordinates) imports into admin by joining onto the stored areas:
import the administrative boundaries first.

Uses the same database as the server: DATABASE_URL when set, otherwise the embedded database in DATA_DIR
(default ./data). Stop the server first when it uses the embedded database: only one process may open it.

Exit codes: 0 written (or a clean dry run), 2 bad usage or errors in the file (nothing written),
1 unexpected failure.

Example: corridor import sites.csv --layer sites --dry-run`,
  async run(argv, io) {
    const { positionals, options, lists } = parseArgs(
      argv,
      ['layer', 'format', 'format-report', 'date', 'mapping', 'actor', 'preset'],
      ['help', 'dry-run', 'skip-invalid', 'presets'],
      ['set'],
    );
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    if (options.presets) {
      io.stdout(presetList());
      return 0;
    }
    const presetName = options.preset as string | undefined;
    const preset = presetName === undefined ? undefined : findPreset(presetName);
    if (presetName !== undefined && !preset)
      throw new CliUsageError(
        `--preset must be one of ${PRESETS.map((p) => p.name).join(', ')}, not "${presetName}" (corridor import --presets)`,
      );
    if (positionals.length !== 1) throw new CliUsageError('name one file to import');
    const path = resolve(positionals[0]);
    if (!existsSync(path) || !statSync(path).isFile())
      throw new CliUsageError(`${positionals[0]}: no such file`);
    // A preset knows its layer: --layer may be left out, and may not contradict it.
    const layer = options.layer ?? preset?.layer;
    if (preset && layer !== preset.layer)
      throw new CliUsageError(
        `--preset ${preset.name} (${preset.label}) imports into the ${preset.layer} layer, not ${String(layer)}`,
      );
    if (typeof layer !== 'string') throw new CliUsageError(`--layer is required (${layerNames.join(', ')})`);
    if (!layerNames.includes(layer as LayerName))
      throw new CliUsageError(`--layer must be one of ${layerNames.join(', ')}, not "${layer}"`);
    const format = (options.format as string | undefined) ?? 'auto';
    if (!formats.includes(format as (typeof formats)[number]))
      throw new CliUsageError(`--format must be one of ${formats.join(', ')}, not "${format}"`);
    const report = (options['format-report'] as string | undefined) ?? 'table';
    if (report !== 'table' && report !== 'json')
      throw new CliUsageError(`--format-report must be table or json, not "${report}"`);
    const date = options.date as string | undefined;
    if (date !== undefined && !isoDate.safeParse(date).success)
      throw new CliUsageError(`--date "${date}" is not a date written YYYY-MM-DD`);
    let mapping: ColumnMapping | undefined;
    if (typeof options.mapping === 'string') {
      const r = columnMappingSchema.safeParse(readJsonFile(resolve(options.mapping), options.mapping));
      if (!r.success) throw fileValidationError(options.mapping, r.error);
      mapping = r.data;
    }
    if (lists.set) {
      const set: Record<string, string> = { ...mapping?.set };
      for (const arg of lists.set) {
        const pair = parseSetArgument(arg);
        if (!pair || pair[1] === '')
          throw new CliUsageError(`--set "${arg}" is not FIELD=VALUE (e.g. --set kind=village)`);
        set[pair[0]] = pair[1];
      }
      const wrong = fixedValueProblems(set, layer as LayerName);
      if (wrong.length > 0) throw new CliUsageError(`--set: ${wrong.join('; ')}`);
      mapping = {
        fields: mapping?.fields ?? {},
        ...(mapping?.headerRow !== undefined ? { headerRow: mapping.headerRow } : {}),
        set,
      };
    }
    const dryRun = options['dry-run'] === true;
    const skipInvalid = options['skip-invalid'] === true;
    const actor = (options.actor as string | undefined) ?? 'cli import';

    const env = readEnv();
    const embedded = !env.DATABASE_URL;
    const opening = databaseOptionsOf(env);
    // A dry run does not create a database where there is none.
    const needDb = !dryRun || !embedded || existsSync(opening.dataDir);
    const db = needDb ? await openDatabase(opening) : undefined;
    try {
      const scenario = await scenarioOf(db, resolve(env.GEODATA_DIR));
      const fileName = basename(path);
      const importOptions: ImportOptions = {
        fileName,
        layer: layer as LayerName,
        format: format as ImportFormat | 'auto',
        mapping,
        ...(preset ? { preset: preset.name } : {}),
        date,
        extent: scenario?.extent,
        defaultCountry: scenario?.country,
        actors: scenario?.actors.map((a) => a.id),
        countries: layer === 'sites' || layer === 'incidents' ? countryShapes() : undefined,
        existing: layer === 'admin' && db ? await storedAdmin(db) : undefined,
      };
      const { preview, written, reason } = await importFile(path, {
        ...importOptions,
        db: db?.db,
        dryRun,
        skipInvalid,
        actor,
        // The preset is remembered by name with the mapping: the next file of the source gets it again.
        remember: preset ? { fields: {}, ...mapping, preset: preset.name } : mapping,
      });
      const errors = preview.problems.filter((p) => p.level === 'error').length;
      const valid = preview.counts.valid;
      const rejected = preview.counts.rejected;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      let outcome: string;
      let code = 0;
      if (reason === 'empty') {
        outcome = errors > 0 ? 'nothing written: no valid feature' : 'nothing to write: the file has no rows';
        code = errors > 0 ? 2 : 0;
      } else if (reason === 'errors') {
        outcome = `nothing written: ${plural(rejected, 'row')} with errors (fix them, or use --skip-invalid to write the ${valid} valid ones)`;
        code = 2;
      } else if (reason === 'dry-run') {
        outcome = `dry run: nothing written (${plural(valid, 'feature')} would be)`;
      } else {
        outcome = `written in one transaction: ${written!.created} created, ${written!.updated} updated, ${written!.unchanged} unchanged${errors > 0 ? ` (${plural(rejected, 'row')} with errors skipped)` : ''}`;
      }
      io.stdout(
        report === 'json'
          ? `${JSON.stringify({ ...withoutFeatures(preview), outcome, written }, null, 2)}\n`
          : formatImportReport(preview, outcome, written ?? undefined),
      );
      return code;
    } finally {
      await db?.close();
    }
  },
};

/** The preview as the JSON report prints it: everything but the features themselves. */
function withoutFeatures(p: ImportPreview) {
  const { features: _features, ...rest } = p;
  void _features;
  return rest;
}
