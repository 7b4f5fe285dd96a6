// A table of figures per administrative area (e.g. IDPs per locality, with P-codes and no coordinates)
// joins onto the admin areas already stored: each row becomes a dated figure of the area with its P-code.
import type { Feature } from 'geojson';
import { adminFigure, pathToField } from '$lib/domain/schemas';
import type { RowIssue } from './problems';
import { mergeFigure } from './toLayer';

type Figure = { date: string; source: string; idps?: number; households?: number };

export class AdminJoin {
  private readonly byPcode = new Map<string, Feature>();
  private readonly updated = new Map<string, { feature: Feature; lines: Map<string, number> }>();

  constructor(existing: readonly Feature[] = []) {
    for (const f of existing) {
      const pcode = (f.properties as { pcode?: unknown } | null)?.pcode;
      if (typeof pcode === 'string') this.byPcode.set(pcode.toUpperCase(), f);
    }
  }

  get size(): number {
    return this.byPcode.size;
  }

  /**
   * Adds one row's figure to the area with `pcode`. Returns the row's problems (an error rejects the row):
   * an unknown P-code, an invalid figure; a P-code given twice with the same date keeps the later row.
   */
  add(
    pcode: string,
    figure: Figure,
    line: number,
    fields: { pcode: string; figure: (key: string) => string },
  ): { issues: RowIssue[]; id?: string } {
    const key = pcode.toUpperCase();
    const area = this.byPcode.get(key);
    if (!area)
      return {
        issues: [
          {
            level: 'error',
            code: 'unknown_pcode',
            field: fields.pcode,
            message: `no admin area with pcode ${key}: import the admin boundaries first`,
            suggestion:
              'import the OCHA administrative boundaries (COD-AB) into the admin layer, then this table',
          },
        ],
      };
    const id = String((area.properties as { id: unknown }).id);
    const checked = adminFigure.safeParse(figure);
    if (!checked.success)
      return {
        id,
        issues: checked.error.issues.map((e) => ({
          level: 'error' as const,
          code: 'invalid_value',
          field: fields.figure(pathToField(e.path)),
          message: e.message,
        })),
      };
    let entry = this.updated.get(key);
    if (!entry) {
      entry = { feature: structuredClone(area), lines: new Map() };
      this.updated.set(key, entry);
    }
    const issues: RowIssue[] = [];
    const dateKey = `${figure.date}|${figure.source}`;
    const earlier = entry.lines.get(dateKey);
    if (earlier !== undefined)
      issues.push({
        level: 'warning',
        code: 'pcode_figure_replaced',
        field: fields.pcode,
        message: `pcode ${key} already has a figure dated ${figure.date} on line ${earlier}: this line replaces it`,
      });
    entry.lines.set(dateKey, line);
    const props = entry.feature.properties as { figures?: Figure[] };
    props.figures = mergeFigure(props.figures ?? [], checked.data as Figure);
    return { issues, id };
  }

  /** The areas with their new figures, ready to be written as updates. */
  features(): Feature[] {
    return [...this.updated.values()].map((e) => e.feature);
  }
}
