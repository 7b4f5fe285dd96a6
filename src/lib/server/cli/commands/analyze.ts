import { analyze } from '../../../domain/analysis/analyzer';
import { isoDate } from '../../../domain/schemas/common';
import { CliUsageError } from '../cliError';
import { formatTable } from '../formatTable';
import { loadSituationInput } from '../loadSituationInput';
import { parseArgs } from '../parseArgs';
import { readParamsFile } from '../readParamsFile';
import type { Command } from './command';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'analyse a situation on a date: corridor status, site access, flags, hotspots',
  usage: `Usage: corridor analyze <dir | files…> [--as-of YYYY-MM-DD] [--params file.json] [--format json|table]

Analyses a situation (DESIGN.md §3) and prints the report.

  <dir | files…>      a directory laid out like geodata/ (scenario.json and <layer>.geojson files),
                      or a list of files named scenario.json and <layer>.geojson
  --as-of DATE        the as-of date (default: the scenario's defaultAsOf)
  --params FILE       JSON: the parameters ({"frontlineBufferKm": 5, …}), or
                      {"asOf": …, "params": {…}, "overrides": {…}}
  --format FORMAT     json (default, the report of DESIGN.md §3) or table (corridors, sites, hotspots)

Exit codes: 0 done, 2 bad input (the message names file, feature and field), 1 unexpected failure.

Example: corridor analyze geodata --as-of 2024-08-15 --format table`,
  run(argv, io) {
    const { positionals, options } = parseArgs(argv, ['as-of', 'params', 'format'], ['help']);
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    const format = (options.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'table')
      throw new CliUsageError(`--format must be json or table, not "${format}"`);
    const asOfOption = options['as-of'] as string | undefined;
    if (asOfOption !== undefined && !isoDate.safeParse(asOfOption).success)
      throw new CliUsageError(`--as-of "${asOfOption}" is not a date written YYYY-MM-DD`);
    const request = options.params ? readParamsFile(options.params as string) : undefined;
    const situation = loadSituationInput(positionals);
    const asOf = asOfOption ?? request?.asOf ?? situation.scenario.defaultAsOf;
    const report = analyze(situation, asOf, request?.params, request?.overrides);
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report));
    return 0;
  },
};
