// The contract between the importers (pure, run in Node for the command line and in a browser Web Worker for
// the /data page) and what writes their result. Parsers never write: they turn a file into a preview, the
// valid features and every problem found, and only a commit (all or nothing) writes.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LayerName } from '$lib/domain/schemas';
import type { ProblemCode } from './problemCodes';
import type { PresetFit } from './presets/types';

export type ImportFormat = 'geojson' | 'csv' | 'hxl' | 'acled' | 'kml' | 'gpx';

/** One problem of one row or feature, with where it is and, when one can be given, how to fix it. */
export interface ImportProblem {
  /** `error`: the row or feature is not imported. `warning`: it is imported, but look at it. */
  level: 'error' | 'warning';
  /** The kind of problem (its label in the interface's language comes from it). */
  code: ProblemCode;
  /** The file's name, as given by the user. */
  file: string;
  /**
   * 1-based line of the row in a CSV file, counted from the top of the file as a text editor or a
   * spreadsheet numbers it (title and group rows included), or 0-based feature index. Absent: the problem
   * is about the whole file.
   */
  row?: number;
  featureIndex?: number;
  /** The feature's id, when it has one. */
  id?: string;
  /** Column name (CSV) or dotted field path (GeoJSON, e.g. `geometry.coordinates[0][3]`). */
  field?: string;
  message: string;
  /** e.g. "latitude and longitude look swapped", "point at 0,0", "outside the workspace extent". */
  suggestion?: string;
}

/** Which column of a table feeds which field of the target layer; remembered per source. */
export interface ColumnMapping {
  /** Field of the target layer (`lat`, `lon`, `name`, `nameAr`, `date`, `population`, `id`, …) → column header. */
  fields: Record<string, string>;
  /** Lines before the header (title and group rows), when not detected. */
  headerRow?: number;
  /**
   * Fixed values: field → the value every row gets (`kind` → `village`, `actorId` → `rsf`), for a field the
   * file has no column for. A fixed value replaces any column mapped to the same field.
   */
  set?: Record<string, string>;
  /**
   * Value translations: field → the value as the file writes it → the value of the layer (`1` → `hostilities`
   * for UCDP's type of violence). A key `>=N` takes numbers from N up. Values not listed are read as written.
   */
  values?: Record<string, Record<string, string>>;
  /** The preset (`presets/`) the mapping was filled from; it is applied again under the mapping. */
  preset?: string;
}

export interface ImportOptions {
  /** The file's name, used in every problem and to detect the format. */
  fileName: string;
  layer: LayerName;
  format?: 'auto' | ImportFormat;
  mapping?: ColumnMapping;
  /**
   * A preset for the file's source (`ucdp-ged`, see `presets/index.ts`): its mapping, fixed values and value
   * translations, under what `mapping` gives. Without it the file is read as detected, and the presets its
   * columns fit are only listed in the preview (`presets`).
   */
  preset?: string;
  /** The workspace extent [minLon, minLat, maxLon, maxLat]: points outside it get a warning. */
  extent?: [number, number, number, number];
  /** Called now and then with the fraction of the input read (0–1). */
  onProgress?: (fraction: number) => void;
  /**
   * Features already stored that rows may join to: a table of figures per P-code (no coordinates) imported
   * into `admin` adds dated figures to the stored admin area with that P-code. Only `admin` features are
   * looked at; others are ignored.
   */
  existing?: readonly Feature[];
  /**
   * Country outlines (see `countryShapes.ts`): a site whose position is not in the country its `country`
   * field names gets a warning ("plots in Chad"). Without them that check is skipped.
   */
  countries?: readonly CountryShape[];
  /**
   * The scenario's actor ids: a feature naming another actor (`actorId`, `actorIds`) is refused, as when
   * the scenario is loaded. Without them that check is left to the commit.
   */
  actors?: readonly string[];
  /** ISO 3166-1 alpha-3 code given to sites when the file has no country column (the workspace's country). */
  defaultCountry?: string;
  /**
   * The date of the figures when the file has no date column (`YYYY-MM-DD`). Without it, a date in a title
   * row (e.g. "IDP Master List 17-Dec-2024") is used, with a warning.
   */
  date?: string;
}

/** One country's outline, with its ISO 3166-1 alpha-3 code and English name. */
export interface CountryShape {
  iso3: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** [west, south, east, north], to skip the polygon test for most points. */
  bbox: [number, number, number, number];
}

export interface ImportPreview {
  layer: LayerName;
  format: ImportFormat;
  file: string;
  /** Valid features, in the target layer's schema, ready to be written. */
  features: Feature[];
  problems: ImportProblem[];
  counts: { read: number; valid: number; rejected: number; warnings: number };
  /**
   * Table inputs: the columns found (header and HXL tag) and the mapping used. `name` is unique: a header
   * repeated in the file gets " (2)", " (3)"…; `group` is the label of the group row above it, if any.
   */
  columns?: { name: string; tag?: string; group?: string }[];
  mapping?: ColumnMapping;
  /** Key under which the mapping is remembered (a signature of the header row). */
  sourceKey?: string;
  /** Table inputs: the 1-based line of the header row (after any title and group rows). */
  headerLine?: number;
  /** Table inputs: the 1-based line of the HXL hashtag row, when the file has one. */
  hashtagLine?: number;
  /** The presets the file's columns fit, best first (offered, not applied: see `ImportOptions.preset`). */
  presets?: PresetFit[];
  /** How many of `features` update a feature given in `options.existing` (joins), the rest being new. */
  joined?: number;
}
