import { groupPlaces, groupProblems, whereIs } from '../../import/groupProblems';
import { findPreset } from '../../import/presets';
import { presetHint } from '../../import/presets/describe';
import type { ImportPreview } from '../../import/types';
import type { CommitResult } from '../import/commitImport';

/**
 * The import report for a terminal: what was read and how, the counts, then the problems grouped by kind
 * (one line per kind: level, how many, field, what, then the first rows and the suggestion; a problem seen
 * once on one line with where it is), then what was written. `--format-report json` lists every problem.
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
  const preset = p.mapping?.preset ? findPreset(p.mapping.preset) : undefined;
  if (preset) out.push(`read with the ${preset.label} preset (${preset.name})`);
  else {
    const hint = presetHint(p.presets, p.layer);
    if (hint) out.push(hint);
  }
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
  const indent = ' '.repeat(21);
  for (const g of groupProblems(p.problems)) {
    const x = g.first[0];
    if (g.count === 1) {
      const parts = [x.level.padEnd(7), whereIs(x).padEnd(12)];
      if (x.id) parts.push(x.id);
      if (x.field) parts.push(`[${x.field}]`);
      parts.push(x.message);
      out.push(parts.join(' '));
    } else {
      const parts = [x.level.padEnd(7), `${g.count} times`.padEnd(12)];
      if (x.field) parts.push(`[${x.field}]`);
      parts.push(x.message);
      out.push(parts.join(' '));
      out.push(`${indent}at ${groupPlaces(g)}`);
    }
    if (x.suggestion && x.suggestion !== x.message) out.push(`${indent}→ ${x.suggestion}`);
  }
  out.push('', outcome);
  if (result && 'recorded' in result.feed)
    out.push(
      `change feed: ${result.feed.recorded} status change${result.feed.recorded === 1 ? '' : 's'} recorded`,
    );
  return `${out.join('\n')}\n`;
}
