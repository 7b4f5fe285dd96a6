import type { EdgeHazards } from './evaluateEdgeHazards';
import type { EdgeReasonLookup } from './overlaidReasons';

/**
 * Hazards made by a constructor rather than an object literal, with `changedFrom` stored from the start. V8
 * builds the template of an object literal the second time the literal runs and widens the known type of its
 * object fields then; a field added after construction gives the object another shape. Either, on an
 * analyzer's second date, threw away the optimized code of the functions that had read the hazards on the
 * first (`usableAttachment`, the site searches). Made this way, each call stores values of the same kinds
 * in the same fields, and the code compiled on the first date keeps working on the next.
 */
export class HazardsOfDate implements EdgeHazards {
  declare status: Uint8Array;
  declare routeStatus: Uint8Array;
  declare closedNodes: Set<number>;
  declare reasons: EdgeReasonLookup;
  declare crossline: Map<number, string[]>;
  declare dateKey: object;
  declare changedFrom: EdgeHazards['changedFrom'];

  constructor(
    status: Uint8Array,
    routeStatus: Uint8Array,
    closedNodes: Set<number>,
    reasons: EdgeReasonLookup,
    crossline: Map<number, string[]>,
    dateKey: object,
    changedFrom: EdgeHazards['changedFrom'],
  ) {
    this.status = status;
    this.routeStatus = routeStatus;
    this.closedNodes = closedNodes;
    this.reasons = reasons;
    this.crossline = crossline;
    this.dateKey = dateKey;
    this.changedFrom = changedFrom;
  }
}
