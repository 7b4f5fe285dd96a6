import type { RoadClass, TravelParams, TravelParamsInput } from '../../schemas';
import { travelParamsSchema } from '../../schemas';

/**
 * The travel parameters of a plan: the defaults, then the scenario's, then the request's (each per field,
 * speeds and rainy factors per road class).
 */
export function mergeTravelParams(...layers: (Partial<TravelParamsInput> | undefined)[]): TravelParams {
  const out: Record<string, unknown> = {};
  for (const l of layers) {
    if (!l) continue;
    for (const [k, v] of Object.entries(l)) {
      if (v === undefined) continue;
      const prev = out[k];
      out[k] =
        typeof v === 'object' && !Array.isArray(v) && typeof prev === 'object' && prev !== null
          ? { ...prev, ...v }
          : v;
    }
  }
  return travelParamsSchema.parse(out);
}

/** Hours of driving (without stops) for `km` of road of a class in the month. */
export function drivingHours(travel: TravelParams, roadClass: RoadClass, km: number, month: number): number {
  const rainy = travel.rainyMonths.includes(month) ? travel.rainyFactor[roadClass] : 1;
  return (km / travel.speedKmh[roadClass]) * rainy;
}

/** Hours on the road with the allowance for stops added. */
export function withStops(travel: TravelParams, hours: number): number {
  return hours * (1 + travel.stopAllowance);
}
