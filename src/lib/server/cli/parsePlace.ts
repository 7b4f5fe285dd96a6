import type { Place } from '../../domain/schemas/plan';
import { CliUsageError } from './cliError';

/**
 * A place written on the command line: `lon,lat` (decimal degrees, e.g. `25.31,13.49`) or the id of a site
 * or crossing. `option` names the option in the error.
 */
export function parsePlace(text: string, option: string): Place {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return text;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    throw new CliUsageError(`${option} "${text}" is not a longitude,latitude pair (longitude first)`);
  return { lon, lat };
}
