import type { Position } from 'geojson';
import type { RoadFeature } from '../../schemas';
import type { NetworkEdge } from './roadNetwork';

/**
 * An edge as the build makes it. Its length is read from one array of the network's edge lengths and its road
 * id from its road: V8 keeps a fractional number held in an object's field as a heap object of its own, so a
 * `lengthKm` field was one more object per edge (about 655,000 on the full-size walks network) for every
 * garbage collection to walk, and `roadId` repeated `road.id`.
 */
export class BuiltEdge implements NetworkEdge {
  constructor(
    readonly index: number,
    readonly id: string,
    readonly road: RoadFeature['properties'],
    readonly from: number,
    readonly to: number,
    readonly coords: Position[],
    private readonly lengths: Float64Array,
  ) {}

  get roadId(): string {
    return this.road.id;
  }

  get lengthKm(): number {
    return this.lengths[this.index];
  }
}
