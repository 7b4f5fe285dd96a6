import { createAnalyzer } from '../../../domain/analysis/analyzer';
import { compactReport } from '../../../domain/analysis/compactReport';
import { isoDate } from '../../../domain/schemas/common';
import { CliUsageError } from '../cliError';
import { formatTable } from '../formatTable';
import { loadSituationInput } from '../loadSituationInput';
import { parseArgs } from '../parseArgs';
import { readParamsFile } from '../readParamsFile';
import { writeJsonStream } from '../writeJsonStream';
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
  --compact           with json: the compact report, whose size grows with what is not open rather than
                      with the road network: "roads" (where each road is not open, in km from its start)
                      instead of "segments", and no geometry of corridor stretches or best paths

Exit codes: 0 done, 2 bad input (the message names file, feature and field), 1 unexpected failure.

Example: corridor analyze geodata --as-of 2024-08-15 --format table`,
  run(argv, io) {
    const { positionals, options } = parseArgs(argv, ['as-of', 'params', 'format'], ['help', 'compact']);
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    const format = (options.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'table')
      throw new CliUsageError(`--format must be json or table, not "${format}"`);
    if (options.compact && format !== 'json')
      throw new CliUsageError('--compact goes with --format json only');
    const asOfOption = options['as-of'] as string | undefined;
    if (asOfOption !== undefined && !isoDate.safeParse(asOfOption).success)
      throw new CliUsageError(`--as-of "${asOfOption}" is not a date written YYYY-MM-DD`);
    const request = options.params ? readParamsFile(options.params as string) : undefined;
    const situation = loadSituationInput(positionals);
    const asOf = asOfOption ?? request?.asOf ?? situation.scenario.defaultAsOf;
    const analyzer = createAnalyzer(situation);
    const report = analyzer.analyze(asOf, request?.params, request?.overrides);
    if (format === 'table') {
      io.stdout(formatTable(report));
      return 0;
    }
    // Written in pieces: a country-sized report does not fit in one string.
    const output = options.compact
      ? compactReport(report, analyzer.roadRanges(asOf, request?.params, request?.overrides))
      : report;
    writeJsonStream(output, io.stdout);
    io.stdout('\n');
    return 0;
  },
};
