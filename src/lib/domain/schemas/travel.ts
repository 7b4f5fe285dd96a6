import { z } from 'zod';

const perClass = (primary: number, secondary: number, track: number, max: number) =>
  z
    .object({
      primary: z.number().positive().max(max).default(primary),
      secondary: z.number().positive().max(max).default(secondary),
      track: z.number().positive().max(max).default(track),
    })
    .strict()
    .prefault({});

/**
 * How the convoy planner turns km into hours. The defaults follow the Logistics Cluster's rule of thumb
 * in its Logistics Capacity Assessments: about 50 km/h of driving on good (primary) road, plus 25 % for
 * stops; secondary road and tracks are slower, and in the rainy season times on them grow up to three
 * times. A scenario may set its own (`travel` in scenario.json) and a request may override them.
 */
export const travelParamsSchema = z
  .object({
    /** Driving speed in km/h by road class, in the dry season. */
    speedKmh: perClass(50, 35, 20, 200),
    /** Share of driving time added for stops, checks and refuelling (0.25 = 25 %). */
    stopAllowance: z.number().min(0).max(5).default(0.25),
    /** Months (1–12) of the rainy season, when times are multiplied by `rainyFactor`. */
    rainyMonths: z
      .array(z.number().int().min(1).max(12))
      .default([6, 7, 8, 9, 10])
      .refine((m) => new Set(m).size === m.length, 'lists a month twice'),
    /** Multiplier on driving time by road class in the rainy season. */
    rainyFactor: perClass(1.25, 2, 3, 10),
    /** Speed in km/h on the gap between a place and the road it joins (off road). */
    offRoadKmh: z.number().positive().max(200).default(10),
    /** Hours of driving in a day, to give the trip in days (convoys do not drive at night). */
    drivingHoursPerDay: z.number().positive().max(24).default(10),
  })
  .strict();
export type TravelParams = z.infer<typeof travelParamsSchema>;
export type TravelParamsInput = z.input<typeof travelParamsSchema>;
