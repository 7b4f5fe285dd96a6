// A CSV table (plain, HXL-tagged or an ACLED export) → features of the target layer, one record at a time,
// so the command line can stream a large file through it. The parser that splits the text into records is
// the caller's (`parseImport.ts` in memory, the command line from a file stream).
import type { Feature } from 'geojson';
import type { LayerName } from '$lib/domain/schemas';
import { AdminJoin } from './adminJoin';
import { acledMapping, acledValues, isAcledHeader, ACLED_REQUIRED } from './acled';
import { aggregateMessage, aggregateOf } from './aggregates';
import { FeatureCollector, countsOf } from './collectFeatures';
import { coordinateColumns, detectMapping, layerFields } from './columnDetection';
import { fixedValueProblems } from './fixedValues';
import { TableReader, type TableLayout, type TableRecord } from './csvTable';
import { dateInText } from './dates';
import { parseNumber } from './numbers';
import { presetFits, withPreset, type PresetFit } from './presets';
import { isDecimalDegrees, parsePackedDms, type Axis } from './packedDms';
import { placeIssue, type RowIssue } from './problems';
import { sourceKeyOf } from './sourceKey';
import { fileSlug } from './text';
import type { ProblemCode } from './problemCodes';
import { buildProperties, text, type BuildContext } from './toLayer';
import { translators, type Translator } from './valueTranslations';
import type { ColumnMapping, ImportFormat, ImportOptions, ImportPreview, ImportProblem } from './types';

/** Layers a table can give: points from coordinate columns, or admin figures joined by P-code. */
const POINT_LAYERS: readonly LayerName[] = ['sites', 'crossings', 'incidents', 'constraints'];
/** Layers whose rows carry dated figures or statuses, which a table-wide date can stand in for. */
const FIGURE_LAYERS: readonly LayerName[] = ['sites', 'admin', 'crossings'];

export class TableImport {
  private readonly reader: TableReader;
  private readonly collector: FeatureCollector;
  private readonly fileProblems: ImportProblem[] = [];
  private layout: TableLayout | undefined;
  private format: ImportFormat;
  private fields: Record<string, string> = {};
  private index = new Map<string, number>();
  private mode: 'points' | 'join' | 'refused' = 'refused';
  private ctx: BuildContext | undefined;
  private join: AdminJoin | undefined;
  private pcodeField = 'pcode';
  private joinRows = { read: 0, valid: 0, rejected: 0 };
  private joinProblems: ImportProblem[] = [];
  private namedCount = 0;
  private namedExample = '';
  /** Columns that may hold each coordinate, until the first row with values chooses among them. */
  private coordinateChoice: Record<Axis, string[]> | undefined;
  private dmsCount = 0;
  private dmsExample = '';
  /** The mapping read with: the given one, with its preset (if any) filled in under it once the header is known. */
  private mapping: ColumnMapping | undefined;
  private translate: Record<string, Translator> = {};
  /** The presets the header fits, offered in the preview. */
  private fits: PresetFit[] = [];

  constructor(
    private readonly o: ImportOptions,
    private readonly requested: 'auto' | 'csv' | 'hxl' | 'acled',
  ) {
    this.format = requested === 'auto' ? 'csv' : requested;
    this.mapping = o.mapping;
    this.reader = new TableReader(
      (layout) => this.start(layout),
      (row) => this.row(row),
      o.mapping?.headerRow,
    );
    this.collector = new FeatureCollector({
      file: o.fileName,
      layer: o.layer,
      extent: o.extent,
      countries: o.countries,
      actors: o.actors,
      origin: (path) => this.originOfPath(path),
      positionFields: () => ({ lat: this.origin('lat'), lon: this.origin('lon') }),
    });
  }

  push(cells: string[], line: number): void {
    this.reader.push({ cells, line });
  }

  /** Valid features not yet handed over (points only: joined admin areas come out at the end). */
  get pending(): number {
    return this.collector.features.length;
  }

  /** Errors found so far, in rows and in the file as a whole. */
  get errorCount(): number {
    return this.collector.errors + this.fileProblems.filter((p) => p.level === 'error').length;
  }

  /** Hands over the valid features read so far, so a large table need not be held whole. */
  drain(): Feature[] {
    return this.collector.drain();
  }

  private fileError(code: ProblemCode, message: string, suggestion?: string, field?: string): void {
    this.fileProblems.push(
      placeIssue(this.o.fileName, {}, undefined, { level: 'error', code, field, message, suggestion }),
    );
  }

  private fileWarning(code: ProblemCode, message: string, suggestion?: string, row?: number): void {
    this.fileProblems.push(
      placeIssue(this.o.fileName, { row }, undefined, { level: 'warning', code, message, suggestion }),
    );
  }

  /** The column a field comes from, for messages; the field itself when no column feeds it. */
  private origin(field: string): string {
    if (this.set[field] !== undefined) return `${field} (fixed value)`;
    return this.fields[field] ?? field;
  }

  /** The fixed values of the mapping (`--set`), which every row gets. */
  private get set(): Record<string, string> {
    return this.mapping?.set ?? {};
  }

  /** A schema path of the built feature → the column it came from. */
  private originOfPath(path: string): string {
    if (path.startsWith('geometry')) return `${this.origin('lat')}, ${this.origin('lon')}`;
    const m = /^properties\.([A-Za-z]+)(?:\[\d+\]\.([A-Za-z]+))?/.exec(path);
    if (!m) return path;
    const [, key, sub] = m;
    if (key === 'figures' && sub) return this.fields[sub === 'idps' ? 'population' : sub] ?? path;
    if (key === 'statusHistory') return this.fields[sub ?? 'status'] ?? path;
    return this.fields[key] ?? path;
  }

  private start(layout: TableLayout): void {
    this.layout = layout;
    const o = this.o;
    this.fits = presetFits(layout.columns, o.layer);
    const preset = withPreset(o.mapping, o.preset, layout.columns, o.layer);
    this.mapping = preset.mapping;
    // A wrong fixed value would be wrong on every row: nothing is read.
    const setProblems = fixedValueProblems(this.set, o.layer);
    for (const message of setProblems)
      this.fileError('bad_fixed_value', message, 'fix the --set option (or the fixed values of the mapping)');
    if (setProblems.length > 0) return;
    for (const p of preset.problems) this.fileError(p.code, p.message, p.suggestion);
    if (preset.problems.length > 0) return;
    this.translate = translators(this.mapping?.values);
    const acled = isAcledHeader(layout.columns);
    if (this.requested === 'acled' && !acled) {
      const names = new Set(layout.columns.map((c) => c.name.toLowerCase()));
      this.fileError(
        'not_acled',
        `is not an ACLED export: the header (line ${layout.headerLine}) lacks ${ACLED_REQUIRED.filter((c) => !names.has(c)).join(', ')}`,
        'import it as csv with a column mapping, or export it again from ACLED with all columns',
      );
      return;
    }
    if (this.requested === 'hxl' && layout.hashtagLine === undefined)
      this.fileError(
        'no_hxl_row',
        `has no HXL hashtag row (a row of tags such as #geo+lat) near the top of the file`,
        'import it as csv, or add the hashtag row under the header',
      );
    if (this.requested === 'auto')
      this.format = acled ? 'acled' : layout.hashtagLine !== undefined ? 'hxl' : 'csv';

    layout.columns.forEach((c, i) => this.index.set(c.name, i));
    const aggregate = this.format === 'acled' ? undefined : aggregateOf(layout.columns);
    if (aggregate && !this.mapping?.fields.lat) {
      const { message, suggestion } = aggregateMessage(aggregate, o.layer);
      this.fileError('aggregate_table', message, suggestion);
      return;
    }
    if (this.format === 'acled') {
      if (o.layer !== 'incidents') {
        this.fileError(
          'acled_wrong_layer',
          `is an ACLED export: its events import into the incidents layer, not ${o.layer}`,
          'choose the incidents layer',
        );
        return;
      }
      this.fields = Object.fromEntries(Object.entries(acledMapping).filter(([, c]) => this.index.has(c)));
    } else {
      const given = this.mapping?.fields ?? {};
      for (const [field, column] of Object.entries(given))
        if (!this.index.has(column))
          this.fileError(
            'mapped_column_missing',
            `the column mapping names column "${column}" (for ${field}), which the file does not have`,
            `the columns are: ${layout.columns.map((c) => c.name).join(', ')}`,
            column,
          );
      this.fields = detectMapping(layout.columns, o.layer, given);
      for (const field of Object.keys(this.fields))
        if (!this.index.has(this.fields[field])) delete this.fields[field];
    }
    // A fixed value replaces the column that would have fed its field.
    for (const field of Object.keys(this.set)) delete this.fields[field];
    const fields = this.fields;

    if (POINT_LAYERS.includes(o.layer)) {
      if (fields.lat === undefined || fields.lon === undefined) {
        this.fileError(
          'no_position_column',
          `no ${fields.lat === undefined ? 'latitude' : 'longitude'} column found (header on line ${layout.headerLine})`,
          'name the columns lat and lon (or latitude and longitude), or map them',
        );
        return;
      }
      this.mode = 'points';
      // Only the detected columns are second-guessed: a column the user mapped is used as mapped.
      const given = this.mapping?.fields ?? {};
      this.coordinateChoice = {
        lat: given.lat ? [] : coordinateColumns(layout.columns, 'lat', fields.lat),
        lon: given.lon ? [] : coordinateColumns(layout.columns, 'lon', fields.lon),
      };
    } else if (o.layer === 'admin') {
      // The most specific P-code column is the key: a locality table also names each locality's state.
      const level = [4, 3, 2, 1].find((n) => fields[`adm${n}Pcode`] !== undefined);
      this.pcodeField =
        fields.pcode !== undefined ? 'pcode' : level !== undefined ? `adm${level}Pcode` : 'pcode';
      if (fields[this.pcodeField] === undefined) {
        this.fileError(
          'no_pcode_column',
          'has no P-code column: a table imports into admin by joining its rows to the stored areas by P-code',
          'tag the column #adm2+pcode (or name it pcode), or map it',
        );
        return;
      }
      this.join = new AdminJoin(
        o.existing?.filter((f) => (f.properties as { pcode?: unknown } | null)?.pcode !== undefined),
      );
      this.mode = 'join';
    } else {
      this.fileError(
        'table_without_geometry',
        `a table has no geometry for the ${o.layer} layer: only points (sites, crossings, incidents, constraints) and admin figures come from tables`,
        'import lines and areas as GeoJSON, KML or GPX',
      );
      return;
    }

    let figureDate = o.date;
    if (figureDate === undefined && fields.date === undefined && FIGURE_LAYERS.includes(o.layer)) {
      const title = layout.titles.find((t) => dateInText(t) !== undefined);
      if (title) {
        figureDate = dateInText(title);
        this.fileWarning(
          'figures_date_from_title',
          `figures dated ${figureDate}, the date in the title row "${title}": the table has no date column`,
          'give the date of the figures when it is not the one in the title',
          1 + layout.titles.indexOf(title),
        );
      }
    }
    this.ctx = {
      layer: o.layer,
      fileSlug: fileSlug(o.fileName),
      defaultSource: o.fileName,
      defaultCountry: o.defaultCountry,
      figureDate,
      origin: (field) => this.origin(field),
    };
  }

  private valuesOf(row: TableRecord): Record<string, unknown> {
    const cell = (column: string) => {
      const i = this.index.get(column);
      return i === undefined ? '' : (row.cells[i] ?? '');
    };
    if (this.format === 'acled') return { ...acledValues(cell), ...this.set };
    const values: Record<string, unknown> = {};
    const wanted = layerFields[this.o.layer];
    for (const [field, column] of Object.entries(this.fields))
      if (wanted.includes(field)) {
        const translate = this.translate[field];
        values[field] = translate ? translate(cell(column)) : cell(column);
      }
    return { ...values, ...this.set };
  }

  /**
   * Of several columns a coordinate may come from, the first holding decimal degrees on the first row that
   * has values: a file with both packed DMS (`131857.0`) and decimal degrees is read by the decimals.
   */
  private chooseCoordinates(row: TableRecord): void {
    const choice = this.coordinateChoice!;
    const cell = (column: string) => text(row.cells[this.index.get(column) ?? -1]);
    const columns = [...choice.lat, ...choice.lon];
    if (!columns.some((c) => cell(c) !== undefined)) return;
    this.coordinateChoice = undefined;
    for (const axis of ['lat', 'lon'] as const) {
      const current = this.fields[axis];
      const value = current === undefined ? undefined : cell(current);
      if (value !== undefined && isDecimalDegrees(value, axis)) continue;
      const better = choice[axis].find((c) => {
        const v = cell(c);
        return v !== undefined && isDecimalDegrees(v, axis);
      });
      if (better === undefined || better === current) continue;
      this.fields[axis] = better;
      this.fileWarning(
        'coordinate_column_chosen',
        `${axis === 'lat' ? 'latitude' : 'longitude'} read from column "${better}" (decimal degrees), not "${current}"${value !== undefined ? ` ("${value}" on line ${row.line})` : ''}`,
        `map ${axis} to "${current}" to read that column instead`,
      );
    }
  }

  /** A coordinate as decimal degrees: a number in range, else packed DMS (`131857.0`, `0244942E`). */
  private coordinate(raw: string, axis: Axis): number | undefined {
    const n = parseNumber(raw, 'coordinate');
    if (n !== undefined && Math.abs(n) <= (axis === 'lat' ? 90 : 180)) return n;
    const dms = parsePackedDms(raw, axis);
    if (dms === undefined) return n;
    this.dmsCount++;
    this.dmsExample ||= `"${raw}" → ${dms.toFixed(6)}`;
    return dms;
  }

  private row(row: TableRecord): void {
    if (this.mode === 'refused' || !this.ctx) return;
    if (this.coordinateChoice) this.chooseCoordinates(row);
    const values = this.valuesOf(row);
    if (this.mode === 'join') return this.joinRow(row, values);
    const where = { row: row.line };
    const lat = text(values.lat);
    const lon = text(values.lon);
    const latField = this.origin('lat');
    const lonField = this.origin('lon');
    const problems: RowIssue[] = [];
    const la = lat === undefined ? undefined : this.coordinate(lat, 'lat');
    const lo = lon === undefined ? undefined : this.coordinate(lon, 'lon');
    if (lat === undefined || lon === undefined)
      problems.push({
        level: 'error',
        code: 'missing_coordinate',
        field: lat === undefined ? latField : lonField,
        message: `has no ${lat === undefined ? 'latitude' : 'longitude'}`,
        suggestion: 'fill in the coordinates, or leave the row out',
      });
    else {
      if (la === undefined)
        problems.push({
          level: 'error',
          code: 'not_a_number',
          field: latField,
          message: `latitude "${lat}" is not a number`,
        });
      if (lo === undefined)
        problems.push({
          level: 'error',
          code: 'not_a_number',
          field: lonField,
          message: `longitude "${lon}" is not a number`,
        });
    }
    const built = buildProperties(values, {}, this.ctx, row.line);
    if (problems.length > 0 || la === undefined || lo === undefined) {
      this.collector.reject(where, built.properties.id as string, [...problems, ...built.issues]);
      return;
    }
    if (built.namedByImport) {
      this.namedCount++;
      this.namedExample ||= String(built.properties.name);
    }
    this.collector.add(
      { geometry: { type: 'Point', coordinates: [lo, la] }, properties: built.properties },
      where,
      built.issues,
    );
  }

  private joinRow(row: TableRecord, values: Record<string, unknown>): void {
    const ctx = this.ctx!;
    this.joinRows.read++;
    const pcode = text(values[this.pcodeField]);
    const place = (issues: RowIssue[], id?: string) =>
      issues.map((i) => placeIssue(this.o.fileName, { row: row.line }, id, i));
    if (pcode === undefined) {
      this.joinRows.rejected++;
      this.joinProblems.push(
        ...place([
          { level: 'error', code: 'no_pcode', field: this.origin(this.pcodeField), message: 'has no P-code' },
        ]),
      );
      return;
    }
    const built = buildProperties(values, {}, ctx, row.line);
    const errors = built.issues.filter((i) => i.level === 'error');
    const figure = (built.properties.figures as { date: string; source: string }[] | undefined)?.[0];
    if (errors.length > 0 || !figure) {
      this.joinRows.rejected++;
      const none: RowIssue[] = figure
        ? []
        : [
            {
              level: 'error',
              code: ctx.figureDate || this.fields.date ? 'no_figure' : 'figures_without_date',
              field: this.origin('population'),
              message:
                ctx.figureDate || this.fields.date
                  ? 'has no figure (IDPs or households)'
                  : 'has no date for its figures',
              suggestion: 'give the date of the figures, or add a date column',
            },
          ];
      this.joinProblems.push(
        ...place([...built.issues.filter((i) => i.level === 'error' || figure), ...none]),
      );
      return;
    }
    const r = this.join!.add(pcode, figure, row.line, {
      pcode: this.origin(this.pcodeField),
      figure: (key) => this.originOfPath(`properties.figures[0].${key}`),
    });
    const all = [...built.issues, ...r.issues];
    this.joinProblems.push(...place(all, r.id));
    if (all.some((i) => i.level === 'error')) this.joinRows.rejected++;
    else this.joinRows.valid++;
  }

  /**
   * The preview of a file whose CSV syntax broke at `line` (an unclosed quote, say): the rows read so far
   * are reported, and nothing is to be written.
   */
  failAtLine(line: number, error: unknown): ImportPreview {
    const preview = this.finish();
    preview.problems.unshift({
      level: 'error',
      code: 'invalid_csv',
      file: this.o.fileName,
      row: line,
      message: `is not valid CSV from line ${line}: ${(error as Error).message}`,
    });
    return { ...preview, features: [], counts: { ...preview.counts, valid: 0 } };
  }

  /** Ends the table: the preview of every row read. */
  finish(): ImportPreview {
    this.reader.end();
    const o = this.o;
    const layout = this.layout;
    if (!layout && this.fileProblems.length === 0)
      this.fileError('empty_file', 'is empty: no header row found');
    const set = Object.keys(this.set).length > 0 ? { set: { ...this.set } } : {};
    const given = this.mapping;
    const mapping: ColumnMapping | undefined = layout
      ? {
          fields: { ...this.fields },
          ...set,
          ...(given?.values && Object.keys(given.values).length > 0 ? { values: given.values } : {}),
          ...(given?.preset ? { preset: given.preset } : {}),
        }
      : undefined;
    const base = {
      layer: o.layer,
      format: this.format,
      file: o.fileName,
      ...(layout
        ? {
            columns: layout.columns.map((c) => ({ ...c })),
            mapping,
            sourceKey: sourceKeyOf(this.format, layout.columns),
            headerLine: layout.headerLine,
            ...(this.fits.length > 0 ? { presets: this.fits } : {}),
            ...(layout.hashtagLine !== undefined ? { hashtagLine: layout.hashtagLine } : {}),
          }
        : {}),
    };
    if (this.mode === 'join') {
      const features = this.join!.features();
      // The joined areas are validated like any feature (their figures must stay oldest first, etc.).
      const check = new FeatureCollector({
        file: o.fileName,
        layer: o.layer,
        origin: (p) => this.originOfPath(p),
      });
      const kept: Feature[] = [];
      for (const f of features) {
        const k = check.add(
          { geometry: f.geometry, properties: f.properties as Record<string, unknown> },
          {},
        );
        if (k) kept.push(k);
      }
      const problems = [...this.fileProblems, ...this.joinProblems, ...check.allProblems()];
      return {
        ...base,
        features: kept,
        problems,
        counts: countsOf(this.joinRows.read, this.joinRows.valid, this.joinRows.rejected, problems),
        joined: kept.length,
      };
    }
    if (this.dmsCount > 0)
      this.collector.notices.add(
        'packed_dms',
        'warning',
        () =>
          `${this.dmsCount} coordinate${this.dmsCount === 1 ? '' : 's'} read as packed degrees, minutes and seconds, e.g. ${this.dmsExample}`,
        'check a few positions on the map; a file with decimal-degree columns is read by those',
      );
    if (this.namedCount > 0)
      this.collector.notices.add('named_from_fields', 'warning', () =>
        namedNotice(this.namedCount, 'row', this.namedExample),
      );
    const problems = [...this.fileProblems, ...this.collector.allProblems()];
    return {
      ...base,
      features: this.collector.features,
      problems,
      counts: countsOf(this.collector.read, this.collector.valid, this.collector.rejected, problems),
    };
  }
}

/** The file-wide warning for rows or features the file did not name. */
export function namedNotice(n: number, what: string, example: string): string {
  return `${n} ${what}${n === 1 ? ' has' : 's have'} no name: named from ${n === 1 ? 'its' : 'their'} other fields, e.g. "${example}"`;
}
