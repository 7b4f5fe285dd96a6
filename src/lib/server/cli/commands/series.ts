import { parseStep, seriesOf } from '../../../domain/analysis';
import { isoDate } from '../../../domain/schemas/common';
import { seriesCsv } from '../../export/seriesCsv';
import { CliUsageError } from '../cliError';
import { loadSituationInput } from '../loadSituationInput';
import { parseArgs } from '../parseArgs';
import type { Command } from './command';

export const seriesCommand: Command = {
  name: 'series',
  summary: 'key figures (people cut off, besieged…) every week or N days, with the events behind each jump',
  usage: `Usage: corridor series <dir | files…> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--step 7d] [--format json|csv]

Analyses a situation on every step from --from to --to and prints the totals of each date (people and
sites cut off, besieged, with a famine finding; inactive sites; corridors blocked and at risk; crossings
closed and restricted), each with the dated events of the data since the previous date that bear on a
figure that moved (e.g. "Adré – El Geneina crossing reopened").

  <dir | files…>      a directory laid out like geodata/, or a list of its files
  --from DATE         first date (default: the start of the scenario's time range)
  --to DATE           last date, always included (default: the end of the scenario's time range)
  --step STEP         days (7d, 14d) or weeks (2w) between dates (default 7d)
  --format FORMAT     json (default: { from, to, stepDays, points: [{ date, …totals, annotations }] })
                      or csv (one row per date, an HXL row under the header)

Exit codes: 0 done, 2 bad input (the message names what is wrong), 1 unexpected failure.

Example: corridor series geodata --from 2024-01-06 --to 2024-12-28 --step 7d --format csv`,
  run(argv, io) {
    const { positionals, options } = parseArgs(argv, ['from', 'to', 'step', 'format'], ['help']);
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    const format = (options.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new CliUsageError(`--format must be json or csv, not "${format}"`);
    for (const name of ['from', 'to'] as const) {
      const v = options[name] as string | undefined;
      if (v !== undefined && !isoDate.safeParse(v).success)
        throw new CliUsageError(`--${name} "${v}" is not a date written YYYY-MM-DD`);
    }
    const step = parseStep((options.step as string | undefined) ?? '7d');
    const situation = loadSituationInput(positionals);
    const range = situation.scenario.timeRange;
    const series = seriesOf(
      situation,
      (options.from as string | undefined) ?? range.from,
      (options.to as string | undefined) ?? range.to,
      step,
    );
    io.stdout(format === 'json' ? `${JSON.stringify(series, null, 2)}\n` : seriesCsv(series));
    return 0;
  },
};
