import type { Position } from 'geojson';
import type { BoxIndex } from '../geo/createBoxIndex';
import type { AreaFeature, ConstraintFeature, IncidentFeature, Scenario } from '../schemas';
import type { ActiveCrossing, ActiveFrontline, ActiveLayers } from './activeLayers';
import type { Graph } from './access/dijkstra';
import type { AnalysisContext } from './context';
import type { FrontlineSegments } from './frontlines/frontlineSegments';
import type { EdgeHazards } from './hazards/evaluateEdgeHazards';
import type { HazardCache } from './hazards/hazardCache';
import type { NetworkOptions } from './network/networkOptions';
import type { RoadNetwork } from './network/roadNetwork';

/**
 * The context of one date, made by a constructor rather than an object literal. V8 builds the template of an
 * object literal the second time the literal runs and then widens the known type of each of its object
 * fields to "any": with a literal, the second date an analyzer saw threw away the optimized code of every
 * function that had read the context's fields on the first (the site searches' `pathOf` and `explain`, the
 * trees' `at`, the corridors' intervals), which then ran unoptimized through most of that date's analysis.
 * Fields stored by a constructor keep their types while each date stores values of the same kinds. The fields
 * are stored in one order; they are copied from `fields` as given.
 */
export class ContextOfDate implements AnalysisContext {
  declare net: RoadNetwork;
  declare edgeCoords: (edge: number) => Position[];
  declare edgeHasRepeats: (edge: number) => boolean;
  declare graph: Graph;
  declare options: NetworkOptions;
  declare scenario: Scenario;
  declare layers: ActiveLayers;
  declare frontlines: ActiveFrontline[];
  declare frontlineSegments: FrontlineSegments;
  declare hazards: EdgeHazards;
  declare incidents: readonly IncidentFeature[];
  declare incidentIndex: BoxIndex;
  declare activeIncidents: Set<string>;
  declare hazardAreas: AreaFeature[];
  declare hazardAreaIndex: BoxIndex;
  declare allAreas: readonly AreaFeature[];
  declare sieges: ConstraintFeature[];
  declare hazardConstraints: ConstraintFeature[];
  declare hazardConstraintIndex: BoxIndex;
  declare allHazardAreas: AreaFeature[];
  declare allHazardAreaIndex: BoxIndex;
  declare allHazardConstraints: ConstraintFeature[];
  declare allHazardConstraintIndex: BoxIndex;
  declare activeAreaIds: Set<string>;
  declare activeConstraintIds: Set<string>;
  declare cache: HazardCache;
  declare crossingsAt: Map<number, ActiveCrossing[]>;

  constructor(fields: AnalysisContext) {
    this.net = fields.net;
    this.edgeCoords = fields.edgeCoords;
    this.edgeHasRepeats = fields.edgeHasRepeats;
    this.allHazardAreas = fields.allHazardAreas;
    this.allHazardAreaIndex = fields.allHazardAreaIndex;
    this.allAreas = fields.allAreas;
    this.allHazardConstraints = fields.allHazardConstraints;
    this.allHazardConstraintIndex = fields.allHazardConstraintIndex;
    this.activeAreaIds = fields.activeAreaIds;
    this.activeConstraintIds = fields.activeConstraintIds;
    this.cache = fields.cache;
    this.graph = fields.graph;
    this.hazardAreas = fields.hazardAreas;
    this.hazardAreaIndex = fields.hazardAreaIndex;
    this.hazardConstraints = fields.hazardConstraints;
    this.sieges = fields.sieges;
    this.hazardConstraintIndex = fields.hazardConstraintIndex;
    this.options = fields.options;
    this.scenario = fields.scenario;
    this.layers = fields.layers;
    this.frontlines = fields.frontlines;
    this.frontlineSegments = fields.frontlineSegments;
    this.hazards = fields.hazards;
    this.incidents = fields.incidents;
    this.incidentIndex = fields.incidentIndex;
    this.activeIncidents = fields.activeIncidents;
    this.crossingsAt = fields.crossingsAt;
  }
}
