import { z } from 'zod';
import { featureId } from './common';

/** An armed force or group that holds areas of control (DESIGN.md §2). Actors are not spatial. */
export const actorSchema = z.object({
  id: featureId,
  name: z.string().min(1),
  nameAr: z.string().min(1).optional(),
  /** Fill colour on the map, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb'),
  /** Ids of the actors this one fights: a boundary between their areas is a front line. */
  opposes: z.array(featureId).default([]),
  /** The situation marks this actor as denying humanitarian access in its `assessed` areas. */
  deniesAccess: z.boolean().default(false),
  source: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof actorSchema>;
