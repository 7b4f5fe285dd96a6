/**
 * One problem in the input, with where it is. Every error the user sees about data names the file, the
 * feature (index and id), the field and the reason, so a data officer can find and fix it.
 */
export interface ValidationIssue {
  file: string;
  /** Index of the feature in its FeatureCollection (0-based), when the problem is in a feature. */
  index?: number;
  id?: string;
  /** Dotted path of the field, e.g. `properties.ipcPhase` or `geometry.coordinates[0][3]`. */
  field: string;
  reason: string;
}

/** `file: feature #3 (id "x"), field "properties.kind": reason` */
export function formatIssue(i: ValidationIssue): string {
  const where =
    i.index === undefined ? '' : ` feature #${i.index}${i.id !== undefined ? ` (id "${i.id}")` : ''},`;
  return `${i.file}:${where} field "${i.field}": ${i.reason}`;
}

/** Thrown when input data is invalid; `issues` holds every problem found, not only the first. */
export class DataValidationError extends Error {
  constructor(public readonly issues: ValidationIssue[]) {
    const shown = issues.slice(0, 20).map(formatIssue);
    const more = issues.length > 20 ? [`… and ${issues.length - 20} more problems`] : [];
    super(
      `Invalid data (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`,
    );
    this.name = 'DataValidationError';
  }
}

/** `['properties', 'figures', 0, 'date']` → `properties.figures[0].date` */
export function pathToField(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}
