// A report a person can read: a file of 50,000 rows with one mistake repeated on each gives one line for
// that mistake (its count and the first rows), not 50,000. Problems are of one kind when they have the same
// level and field and say the same thing but for the values they quote (a name, a number, a position).
// Pure; the command line's report and the /data page both use it.
import type { ImportProblem } from './types';

export interface ProblemGroup {
  level: ImportProblem['level'];
  /** The kind of problem (the first problem's code; problems of one group say the same thing). */
  code: ImportProblem['code'];
  field?: string;
  /** The first problem's message, as it reads (values included). */
  message: string;
  suggestion?: string;
  /** How many problems are of this kind. */
  count: number;
  /** The first few (in file order), for their line or feature and id. */
  first: ImportProblem[];
}

/** The message with what varies from row to row (quoted values, numbers) taken out. */
export function problemKind(p: ImportProblem): string {
  const shape = p.message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/“[^”]*”/g, '"…"')
    .replace(/-?\d+(?:[.,]\d+)*/g, '#');
  // Numbered or bracketed paths (`geometry.coordinates[0][3]`) are one field.
  const field = (p.field ?? '').replace(/\[\d+\]/g, '[]');
  return `${p.level}\u0000${field}\u0000${shape}`;
}

/**
 * Problems grouped by kind: errors first, then warnings, each level's groups in order of their first
 * problem in the file. `keep` is how many of each group's problems are kept as examples.
 */
export function groupProblems(problems: readonly ImportProblem[], keep = 3): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = problemKind(p);
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (g.first.length < keep) g.first.push(p);
      continue;
    }
    groups.set(key, {
      level: p.level,
      code: p.code,
      ...(p.field !== undefined ? { field: p.field } : {}),
      message: p.message,
      ...(p.suggestion ? { suggestion: p.suggestion } : {}),
      count: 1,
      first: [p],
    });
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.level === 'error'), ...all.filter((g) => g.level !== 'error')];
}

/** Where a problem is, in words: `line 21`, `feature #3`, or `file`. */
export function whereIs(p: ImportProblem): string {
  if (p.row !== undefined) return `line ${p.row}`;
  if (p.featureIndex !== undefined) return `feature #${p.featureIndex}`;
  return 'file';
}

/** The first rows of a group in words: `line 4 (SD01), line 9, line 12 and 417 more`. */
export function groupPlaces(g: ProblemGroup): string {
  const shown = g.first.map((p) => `${whereIs(p)}${p.id ? ` (${p.id})` : ''}`).join(', ');
  const more = g.count - g.first.length;
  return more > 0 ? `${shown} and ${more} more` : shown;
}
