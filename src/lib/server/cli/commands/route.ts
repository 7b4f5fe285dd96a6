import { planRoutes } from '../../../domain/analysis/routing/planRoutes';
import { isoDate } from '../../../domain/schemas/common';
import { MAX_ALTERNATIVES } from '../../../domain/schemas/plan';
import { planGeojson } from '../../export/planGeojson';
import { planGpx } from '../../export/planGpx';
import { planKml } from '../../export/planKml';
import type { PlanExportOptions } from '../../export/planText';
import { CliUsageError } from '../cliError';
import { loadSituationInput } from '../loadSituationInput';
import { parseArgs } from '../parseArgs';
import { parsePlace } from '../parsePlace';
import { readParamsFile } from '../readParamsFile';
import type { Command } from './command';

const formats = ['json', 'gpx', 'kml', 'geojson'] as const;

export const routeCommand: Command = {
  name: 'route',
  summary: 'plan convoy routes between two places on a date: alternatives, stretches, crossings, exports',
  usage: `Usage: corridor route <dir | files…> --from <id|lon,lat> --to <id|lon,lat> [--as-of YYYY-MM-DD]
       [--alternatives N] [--via <id|lon,lat>,…] [--avoid id,…] [--params file.json] [--format json|gpx|kml|geojson]

Plans the best road route and up to ${MAX_ALTERNATIVES} distinct alternatives between two places on the as-of date:
blocked road is never used, at-risk road costs more. Each route comes with its stretches (status, reasons,
km from the start), the crossings on it with who must agree, the hazards passed and a travel time.

  --from, --to PLACE  the id of a site (hubs are sites) or crossing, or a position lon,lat (snapped to the
                      nearest road; the gap is reported)
  --as-of DATE        the date (default: the scenario's defaultAsOf)
  --alternatives N    alternatives besides the best route, 0–${MAX_ALTERNATIVES} (default ${MAX_ALTERNATIVES})
  --via PLACES        places to pass, in order, separated by ";" or by "," between ids
  --avoid IDS         ids of crossings, sites, roads, areas or hazards to keep off, separated by ","
  --params FILE       JSON: analysis parameters, or {"params": {…}, "overrides": {…}}
  --format FORMAT     json (default: { routes: [...] } and, without a route, its reasons), gpx (GPX 1.1),
                      kml (KML 2.2) or geojson

Exit codes: 0 done (also when there is no route: the answer says why), 2 bad input, 1 unexpected failure.

Example: corridor route geodata --from td_adre_transit --to sd_zamzam --as-of 2024-08-20 --format gpx`,
  run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      ['from', 'to', 'as-of', 'alternatives', 'via', 'avoid', 'params', 'format'],
      ['help'],
    );
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    const format = (options.format as string | undefined) ?? 'json';
    if (!(formats as readonly string[]).includes(format))
      throw new CliUsageError(`--format must be one of ${formats.join(', ')}, not "${format}"`);
    for (const o of ['from', 'to'])
      if (typeof options[o] !== 'string') throw new CliUsageError(`--${o} is required`);
    const asOfOption = options['as-of'] as string | undefined;
    if (asOfOption !== undefined && !isoDate.safeParse(asOfOption).success)
      throw new CliUsageError(`--as-of "${asOfOption}" is not a date written YYYY-MM-DD`);
    let alternatives: number | undefined;
    if (options.alternatives !== undefined) {
      alternatives = Number(options.alternatives);
      if (!Number.isInteger(alternatives) || alternatives < 0 || alternatives > MAX_ALTERNATIVES)
        throw new CliUsageError(
          `--alternatives must be a whole number from 0 to ${MAX_ALTERNATIVES}, not "${String(options.alternatives)}"`,
        );
    }
    const via =
      typeof options.via === 'string' ? splitPlaces(options.via).map((p) => parsePlace(p, '--via')) : [];
    const request = options.params ? readParamsFile(options.params as string) : undefined;
    const situation = loadSituationInput(positionals);
    const plan = planRoutes(situation, {
      asOf: asOfOption ?? request?.asOf ?? situation.scenario.defaultAsOf,
      from: parsePlace(options.from as string, '--from'),
      to: parsePlace(options.to as string, '--to'),
      via,
      avoid:
        typeof options.avoid === 'string'
          ? options.avoid
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
      alternatives,
      params: request?.params,
      overrides: request?.overrides,
    });
    const exportOptions: PlanExportOptions = {
      title: `Convoy plan ${plan.from.name} → ${plan.to.name}, ${plan.asOf}`,
      sensitivity: 'restricted',
    };
    if (format === 'json') io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
    else if (format === 'gpx') io.stdout(planGpx(plan, exportOptions));
    else if (format === 'kml') io.stdout(planKml(plan, exportOptions));
    else io.stdout(`${JSON.stringify(planGeojson(plan, exportOptions), null, 2)}\n`);
    return 0;
  },
};

/**
 * Waypoints as written after --via: separated by ";", or by "," when none is a position (a position
 * holds a comma itself).
 */
function splitPlaces(text: string): string[] {
  const parts = text.includes(';') ? text.split(';') : /\d\s*,\s*-?\d/.test(text) ? [text] : text.split(',');
  return parts.map((s) => s.trim()).filter(Boolean);
}
