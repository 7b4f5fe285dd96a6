import type { ProblemCode } from './problemCodes';
import type { ImportProblem } from './types';

/** A problem of one row or feature before it is placed in the file (the collector adds where). */
export interface RowIssue {
  level: ImportProblem['level'];
  code: ProblemCode;
  /** Column name (tables) or dotted property path (features). */
  field?: string;
  message: string;
  suggestion?: string;
}

/** A row's issue as the problem reported: placed in the file at its line or feature index, with its id. */
export function placeIssue(
  file: string,
  where: { row?: number; featureIndex?: number },
  id: string | undefined,
  issue: RowIssue,
): ImportProblem {
  return {
    level: issue.level,
    code: issue.code,
    file,
    ...(where.row !== undefined ? { row: where.row } : {}),
    ...(where.featureIndex !== undefined ? { featureIndex: where.featureIndex } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(issue.field !== undefined ? { field: issue.field } : {}),
    message: issue.message,
    ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
  };
}

/**
 * A suggestion for a validation reason the schemas give, so the user learns how to fix the file and not
 * only what is wrong with it.
 */
export function suggestionFor(reason: string): string | undefined {
  if (/ring is not closed/.test(reason))
    return 'ring not closed: repeat the first position at the end of the ring';
  if (/^self-intersection at/.test(reason))
    return `${reason}: redraw the outline so it does not cross itself (in QGIS: Vector › Geometry Tools › Check Validity)`;
  if (/must be a date written YYYY-MM-DD/.test(reason)) return 'write dates as YYYY-MM-DD';
  if (/latitude .* is outside \[-90, 90\]/.test(reason))
    return 'latitude and longitude look swapped: swap the two columns (or their mapping)';
  if (/ISO 3166-1 alpha-3/.test(reason))
    return 'write the country as a three-letter code such as SDN, or add a country column';
  return undefined;
}

/**
 * zod's wording for a missing value ("Invalid input: expected string, received undefined") said plainly.
 */
export function plainReason(reason: string): string {
  if (/received undefined$/.test(reason)) return 'is required';
  return reason;
}

/** Messages about the whole file that would otherwise repeat on every row, counted and said once. */
export class FileNotices {
  private readonly notices = new Map<
    ProblemCode,
    { level: ImportProblem['level']; count: number; say: (n: number) => string; suggestion?: string }
  >();

  /** One more of the notice of kind `code` (said once, with the count). */
  add(
    code: ProblemCode,
    level: ImportProblem['level'],
    say: (n: number) => string,
    suggestion?: string,
  ): void {
    const n = this.notices.get(code);
    if (n) n.count++;
    else this.notices.set(code, { level, count: 1, say, suggestion });
  }

  problems(file: string): ImportProblem[] {
    return [...this.notices.entries()].map(([code, n]) => ({
      level: n.level,
      code,
      file,
      message: n.say(n.count),
      ...(n.suggestion ? { suggestion: n.suggestion } : {}),
    }));
  }
}
