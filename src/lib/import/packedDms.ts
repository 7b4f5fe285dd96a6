// Coordinates written as packed degrees, minutes and seconds: `131857.0` is 13° 18′ 57.0″, `0244942E` is
// 24° 49′ 42″ E. Gazetteers made from older GIS exports (the US HIU lists of Darfur villages, say) carry them
// beside, or instead of, decimal degrees. Pure.
import { parseNumber } from './numbers';
import { westernDigits } from './text';

export type Axis = 'lat' | 'lon';

const LIMIT: Record<Axis, number> = { lat: 90, lon: 180 };

/** A value that reads as decimal degrees within the axis's range (`13.3158`, `-4,5`). */
export function isDecimalDegrees(raw: string, axis: Axis): boolean {
  const n = parseNumber(raw, 'coordinate');
  return n !== undefined && Math.abs(n) <= LIMIT[axis] && !/^\s*[+-]?\d{5,}(\.\d*)?\s*$/.test(raw);
}

/**
 * Packed DMS → decimal degrees, or undefined when the value is not one: digits `[D]DDMMSS` (the last two
 * whole digits are seconds, the two before minutes, the rest degrees), an optional fraction of a second,
 * and a hemisphere letter before or after (N, S, E, W; S and W are negative) or a sign. Minutes and seconds
 * must be under 60, and the degrees within the axis's range; a letter must suit the axis.
 *
 * @example parsePackedDms('131857.0', 'lat') // 13.315833…
 * @example parsePackedDms('0244942E', 'lon') // 24.828333…
 */
export function parsePackedDms(raw: string, axis: Axis): number | undefined {
  const m = /^([+-]?)([NSEW]?)\s*(\d{5,7})(?:[.,](\d+))?\s*([NSEW]?)$/i.exec(westernDigits(raw).trim());
  if (!m) return undefined;
  const [, sign, before, digits, fraction, after] = m;
  if (before && after) return undefined;
  const hemisphere = (before || after).toUpperCase();
  if (hemisphere && (axis === 'lat' ? !/[NS]/.test(hemisphere) : !/[EW]/.test(hemisphere))) return undefined;
  const degrees = Number(digits.slice(0, -4));
  const minutes = Number(digits.slice(-4, -2));
  const seconds = Number(`${digits.slice(-2)}.${fraction ?? '0'}`);
  if (minutes >= 60 || seconds >= 60) return undefined;
  const value = degrees + minutes / 60 + seconds / 3600;
  if (value > LIMIT[axis]) return undefined;
  const negative = sign === '-' || hemisphere === 'S' || hemisphere === 'W';
  return negative ? -value : value;
}
