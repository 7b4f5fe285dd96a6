// The contract between the importers (pure, run in Node for the command line and in a browser Web Worker for
// the /data page) and what writes their result. Parsers never write: they turn a file into a preview, the
// valid features and every problem found, and only a commit (all or nothing) writes.
import type { Feature } from 'geojson';
import type { LayerName } from '$lib/domain/schemas';

export type ImportFormat = 'geojson' | 'csv' | 'hxl' | 'acled' | 'kml' | 'gpx';

/** One problem of one row or feature, with where it is and, when one can be given, how to fix it. */
export interface ImportProblem {
  /** `error`: the row or feature is not imported. `warning`: it is imported, but look at it. */
  level: 'error' | 'warning';
  /** The file's name, as given by the user. */
  file: string;
  /** 1-based line of the row in a CSV file (the header is line 1 after any title rows), or 0-based feature index. */
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
}

export interface ImportOptions {
  /** The file's name, used in every problem and to detect the format. */
  fileName: string;
  layer: LayerName;
  format?: 'auto' | ImportFormat;
  mapping?: ColumnMapping;
  /** The workspace extent [minLon, minLat, maxLon, maxLat]: points outside it get a warning. */
  extent?: [number, number, number, number];
  /** Called now and then with the fraction of the input read (0–1). */
  onProgress?: (fraction: number) => void;
}

export interface ImportPreview {
  layer: LayerName;
  format: ImportFormat;
  file: string;
  /** Valid features, in the target layer's schema, ready to be written. */
  features: Feature[];
  problems: ImportProblem[];
  counts: { read: number; valid: number; rejected: number; warnings: number };
  /** Table inputs: the columns found (header and HXL tag) and the mapping used. */
  columns?: { name: string; tag?: string }[];
  mapping?: ColumnMapping;
  /** Key under which the mapping is remembered (a signature of the header row). */
  sourceKey?: string;
}
