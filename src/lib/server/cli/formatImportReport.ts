import type { ImportPreview, ImportProblem } from '../../import/types';
import type { CommitResult } from '../import/commitImport';

/** Where a problem is, in words: `line 21`, `feature #3`, or `file`. */
function where(p: ImportProblem): string {
  if (p.row !== undefined) return `line ${p.row}`;
  if (p.featureIndex !== undefined) return `feature #${p.featureIndex}`;
  return 'file';
}

/**
 * The import report for a terminal: what was read and how, the counts, then each problem on one line
 * (level, where, id, field, what) with its suggestion under it, then what was written.
 */
export function formatImportReport(p: ImportPreview, outcome: string, result?: CommitResult): string {
  const out: string[] = [];
  out.push(`${p.file} → ${p.layer} (${p.format})`);
  if (p.headerLine !== undefined)
    out.push(
      `header on line ${p.headerLine}${p.hashtagLine !== undefined ? `, HXL hashtags on line ${p.hashtagLine}` : ''}`,
    );
  if (p.mapping && Object.keys(p.mapping.fields).length > 0)
    out.push(
      `columns: ${Object.entries(p.mapping.fields)
        .map(([field, column]) => `${field} ← "${column}"`)
        .join(', ')}`,
    );
  const { read, valid, rejected, warnings } = p.counts;
  out.push(
    `${read} read, ${valid} valid, ${rejected} rejected, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  const errors = p.problems.filter((x) => x.level === 'error');
  const rest = p.problems.filter((x) => x.level !== 'error');
  if (p.problems.length > 0)
    out.push(
      '',
      `Problems (${errors.length} error${errors.length === 1 ? '' : 's'}, ${rest.length} warning${rest.length === 1 ? '' : 's'})`,
    );
  for (const x of [...errors, ...rest]) {
    const parts = [x.level.padEnd(7), where(x).padEnd(12)];
    if (x.id) parts.push(x.id);
    if (x.field) parts.push(`[${x.field}]`);
    parts.push(x.message);
    out.push(parts.join(' '));
    if (x.suggestion && x.suggestion !== x.message) out.push(`${' '.repeat(21)}→ ${x.suggestion}`);
  }
  out.push('', outcome);
  if (result && 'recorded' in result.feed)
    out.push(
      `change feed: ${result.feed.recorded} status change${result.feed.recorded === 1 ? '' : 's'} recorded`,
    );
  return `${out.join('\n')}\n`;
}
