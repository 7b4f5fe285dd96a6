import { changeLines, signed, totalsRows, type ChangeLine } from '../../domain/analysis/compare';
import type { DateComparison } from '../../domain/schemas/compare';
import { columns } from './formatTable';

/** A comparison as readable text: the key figures of both dates and their difference, then every change. */
export function formatComparison(c: DateComparison): string {
  const out: string[] = [`Changes from ${c.from} to ${c.to}`, ''];
  out.push(
    columns(
      ['key figure', c.from, c.to, 'difference'],
      totalsRows(c).map((t) => [
        t.label,
        t.from.toLocaleString('en-US'),
        t.to.toLocaleString('en-US'),
        signed(t.difference),
      ]),
    ),
  );
  const words = changeLines(c);
  const group = (title: string, lines: ChangeLine[]) => {
    out.push('', `${title} (${lines.length})`);
    if (lines.length === 0) out.push('  none');
    for (const l of lines) out.push(`  ${l.title}`, ...l.details.map((d) => `      ${d}`));
  };
  group('Crossings', words.crossings);
  group('Corridors', words.corridors);
  group('Sites', words.sites);
  return `${out.join('\n')}\n`;
}
