import type { Position } from 'geojson';
import type { BoxIndex } from '../geo/createBoxIndex';
import type { AreaFeature, ConstraintFeature, IncidentFeature, Scenario } from '../schemas';
import type { ActiveCrossing, ActiveFrontline, ActiveLayers } from './activeLayers';
import type { Graph } from './access/dijkstra';
import type { FrontlineSegments } from './frontlines/frontlineSegments';
import type { EdgeHazards } from './hazards/evaluateEdgeHazards';
import type { HazardCache } from './hazards/hazardCache';
import type { NetworkOptions } from './network/networkOptions';
import type { RoadNetwork } from './network/roadNetwork';

/** What one analysis works from: the static network and indexes, and the hazards of the as-of date. */
export interface AnalysisContext {
  net: RoadNetwork;
  /** An edge's positions rounded for the report (made once per edge). */
  edgeCoords: (edge: number) => Position[];
  /** Whether an edge's rounded positions hold two equal ones in a row (found once per edge). */
  edgeHasRepeats: (edge: number) => boolean;
  graph: Graph;
  options: NetworkOptions;
  scenario: Scenario;
  layers: ActiveLayers;
  /** Drawn, overridden and derived front lines in force, in id order. */
  frontlines: ActiveFrontline[];
  frontlineSegments: FrontlineSegments;
  hazards: EdgeHazards;
  /** Every incident of the situation, indexed once; `activeIncidents` says which are in the window. */
  incidents: readonly IncidentFeature[];
  incidentIndex: BoxIndex;
  activeIncidents: Set<string>;
  /** Active areas that deny access or are contested (the only ones that affect roads and sites), indexed. */
  hazardAreas: AreaFeature[];
  hazardAreaIndex: BoxIndex;
  /** Every area of control of the situation, in force or not (to tell which changed hands), in id order. */
  allAreas: readonly AreaFeature[];
  /** Sieges in force (constraints of kind `siege`), in id order. */
  sieges: ConstraintFeature[];
  /** Active constraints of severity >= 1 other than sieges, indexed. */
  hazardConstraints: ConstraintFeature[];
  hazardConstraintIndex: BoxIndex;
  /** Every area of the situation that denies access or is contested, and every constraint of severity >= 1,
   * indexed once (corridor stretches are computed for all of them once, then filtered by the active ids). */
  allHazardAreas: AreaFeature[];
  allHazardAreaIndex: BoxIndex;
  allHazardConstraints: ConstraintFeature[];
  allHazardConstraintIndex: BoxIndex;
  activeAreaIds: Set<string>;
  activeConstraintIds: Set<string>;
  /** Per-feature cache of what hazards do, kept between analyses. */
  cache: HazardCache;
  /** Active crossings by junction. */
  crossingsAt: Map<number, ActiveCrossing[]>;
}
