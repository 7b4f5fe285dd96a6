// The label of each kind of import problem in the interface's language, by the problem's code. The problem's
// own message (English, with the values it quotes) is what the command line prints and scripts read; the
// /data page shows this label, and the message on demand (docs/i18n.md). Typed: a new code needs a label.
import type { ProblemCode } from '$lib/import/problemCodes';
import { m } from '$lib/paraglide/messages';

const LABELS: Record<ProblemCode, () => string> = {
  empty_file: m.import_problem_empty_file,
  invalid_json: m.import_problem_invalid_json,
  invalid_csv: m.import_problem_invalid_csv,
  invalid_xml: m.import_problem_invalid_xml,
  not_geojson: m.import_problem_not_geojson,
  unsupported_crs: m.import_problem_unsupported_crs,
  not_a_feature: m.import_problem_not_a_feature,
  wrong_format: m.import_problem_wrong_format,
  not_acled: m.import_problem_not_acled,
  no_hxl_row: m.import_problem_no_hxl_row,
  acled_wrong_layer: m.import_problem_acled_wrong_layer,
  table_without_geometry: m.import_problem_table_without_geometry,
  aggregate_table: m.import_problem_aggregate_table,
  bad_fixed_value: m.import_problem_bad_fixed_value,
  unknown_preset: m.import_problem_unknown_preset,
  preset_wrong_layer: m.import_problem_preset_wrong_layer,
  preset_needs_fixed_value: m.import_problem_preset_needs_fixed_value,
  mapped_column_missing: m.import_problem_mapped_column_missing,
  no_position_column: m.import_problem_no_position_column,
  no_pcode_column: m.import_problem_no_pcode_column,
  coordinate_column_chosen: m.import_problem_coordinate_column_chosen,
  figures_date_from_title: m.import_problem_figures_date_from_title,
  packed_dms: m.import_problem_packed_dms,
  named_from_fields: m.import_problem_named_from_fields,
  rings_rewound: m.import_problem_rings_rewound,
  parents_assigned: m.import_problem_parents_assigned,
  boundaries_keyed: m.import_problem_boundaries_keyed,
  no_geometry: m.import_problem_no_geometry,
  wrong_geometry_type: m.import_problem_wrong_geometry_type,
  invalid_geometry: m.import_problem_invalid_geometry,
  invalid_value: m.import_problem_invalid_value,
  missing_coordinate: m.import_problem_missing_coordinate,
  not_a_number: m.import_problem_not_a_number,
  not_whole_number: m.import_problem_not_whole_number,
  not_yes_no: m.import_problem_not_yes_no,
  bad_date: m.import_problem_bad_date,
  excel_date: m.import_problem_excel_date,
  ambiguous_date: m.import_problem_ambiguous_date,
  unknown_country: m.import_problem_unknown_country,
  status_without_date: m.import_problem_status_without_date,
  figures_without_date: m.import_problem_figures_without_date,
  no_figure: m.import_problem_no_figure,
  id_rewritten: m.import_problem_id_rewritten,
  duplicate_id: m.import_problem_duplicate_id,
  unknown_actor: m.import_problem_unknown_actor,
  no_pcode: m.import_problem_no_pcode,
  unknown_pcode: m.import_problem_unknown_pcode,
  pcode_figure_replaced: m.import_problem_pcode_figure_replaced,
  point_at_zero: m.import_problem_point_at_zero,
  outside_extent: m.import_problem_outside_extent,
  coordinates_swapped: m.import_problem_coordinates_swapped,
  wrong_country: m.import_problem_wrong_country,
};

export function problemLabel(code: ProblemCode): string {
  return LABELS[code]();
}
