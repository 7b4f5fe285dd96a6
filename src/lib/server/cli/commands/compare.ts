import { compareDates } from '../../../domain/analysis/compare';
import { comparisonCsv } from '../../export/compareCsv';
import { CliUsageError } from '../cliError';
import { formatComparison } from '../formatComparison';
import { loadSituationInput } from '../loadSituationInput';
import { parseArgs } from '../parseArgs';
import { readParamsFile } from '../readParamsFile';
import type { Command } from './command';

const formats = ['json', 'csv', 'table'] as const;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'what changed between two dates: crossings, corridors, sites and the key figures',
  usage: `Usage: corridor compare <dir | files…> --from YYYY-MM-DD --to YYYY-MM-DD [--params file.json] [--format json|csv|table]

Compares the analysis (DESIGN.md §3) of two dates: the crossings opened, closed or restricted (with the
dated status entry and its source), the corridors whose status changed and why, the sites whose access
class or flags changed, and the totals of both dates with the difference of each (docs/analysis.md).

  <dir | files…>      a directory laid out like geodata/, or a list of files named scenario.json and
                      <layer>.geojson
  --from DATE         the first date (inside the scenario's time range)
  --to DATE           the second date, not before the first
  --params FILE       JSON: the analysis parameters ({"frontlineBufferKm": 5, …}), used on both dates
  --format FORMAT     json (default: { from, to, summary, crossings, corridors, sites,
                      totals: { from, to, difference } }), csv (one row per change and per key figure)
                      or table

Exit codes: 0 done, 2 bad input (the message names the date, file, feature or field), 1 unexpected failure.

Example: corridor compare geodata --from 2024-03-01 --to 2024-08-20 --format table`,
  run(argv, io) {
    const { positionals, options } = parseArgs(argv, ['from', 'to', 'params', 'format'], ['help']);
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    const format = (options.format as string | undefined) ?? 'json';
    if (!(formats as readonly string[]).includes(format))
      throw new CliUsageError(`--format must be json, csv or table, not "${format}"`);
    const from = options.from as string | undefined;
    const to = options.to as string | undefined;
    if (from === undefined || to === undefined)
      throw new CliUsageError('give both dates: --from YYYY-MM-DD --to YYYY-MM-DD');
    const request = options.params ? readParamsFile(options.params as string) : undefined;
    if (request?.asOf !== undefined || request?.overrides !== undefined)
      throw new CliUsageError(
        `${options.params as string}: a comparison takes parameters only (no asOf, no overrides): the dates are --from and --to`,
      );
    const situation = loadSituationInput(positionals);
    const comparison = compareDates(situation, from, to, request?.params);
    io.stdout(
      format === 'json'
        ? `${JSON.stringify(comparison, null, 2)}\n`
        : format === 'csv'
          ? comparisonCsv(comparison)
          : formatComparison(comparison),
    );
    return 0;
  },
};
