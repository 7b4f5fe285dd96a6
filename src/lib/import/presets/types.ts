// What a preset is: a named mapping for the files of one common source (columns → fields, fixed values,
// value translations) and what tells its files apart (the columns they always have, and those they often
// have). Presets are data, not code, so each source's module can be read at a glance. Pure.
import type { LayerName } from '$lib/domain/schemas';

/**
 * One column, by any of its usual names: header names (compared normalized: case, `_ - . :` and spaces do
 * not matter) or HXL tags (written with their `#`, compared by their attributes in any order).
 */
export type ColumnNames = readonly string[];

export interface ImportPreset {
  /** What `--preset` takes: lower case and hyphens (`ucdp-ged`). */
  name: string;
  /** The source as people call it (`UCDP GED`): a proper name, the same in every language. */
  label: string;
  /** The layer its files import into. */
  layer: LayerName;
  /** Columns every file of the source has: the preset is never offered when one is missing. */
  required: readonly ColumnNames[];
  /** Columns its files often have: the more are present, the better the fit. */
  typical: readonly ColumnNames[];
  /** Field of the layer → its column, the first name the file has winning. */
  fields: Readonly<Record<string, ColumnNames>>;
  /** Fixed values every row gets. */
  set?: Readonly<Record<string, string>>;
  /**
   * Value translations: field → the value as the source writes it → the value of the layer. A key `>=N`
   * takes numbers from N up (the highest such key a number reaches wins).
   */
  values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Fields the user must give fixed values for: the source has no column for them. */
  ask?: readonly string[];
  /**
   * Offered to a file with no column at all for the `ask` fields, when its layer is chosen (a hand-drawn
   * polygon has no columns to tell its source by), instead of by `required` columns.
   */
  offeredForLayer?: boolean;
  /** What the user must still add, for `--presets` and the docs (English, like the command line). */
  needs?: string;
  /** The file is a table of counts per administrative area, not one row per feature. */
  aggregate?: boolean;
}

/** How well a file fits a preset: 0 (not offered) to 1 (every typical column present). */
export interface PresetFit {
  name: string;
  label: string;
  layer: LayerName;
  score: number;
}
