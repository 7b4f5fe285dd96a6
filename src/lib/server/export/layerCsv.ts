import { toCsv } from './csv';
import { layerColumns, type ExportFeature } from './layerColumns';

/** A layer as CSV with an HXL row: one row per feature, lat/lon for points and WKT for other geometries. */
export function layerCsv(layer: string, features: ExportFeature[], asOf?: string): string {
  const columns = layerColumns(layer, features, asOf);
  return toCsv({
    headers: columns.map((c) => c.header),
    hxl: columns.map((c) => c.hxl),
    rows: features.map((f) => columns.map((c) => c.value(f))),
  });
}
