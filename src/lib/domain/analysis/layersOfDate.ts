import type {
  AnalysisParams,
  AreaFeature,
  ConstraintFeature,
  CorridorFeature,
  IncidentFeature,
  SiteFeature,
} from '../schemas';
import type { ActiveCrossing, ActiveFrontline, ActiveLayers } from './activeLayers';

/**
 * The layers in force on a date, made by a constructor rather than an object literal: V8 builds the template
 * of an object literal the second time the literal runs and widens the known type of its object fields then,
 * which on an analyzer's second date threw away the optimized code of the functions that had read the layers
 * on the first (`baseHazards`, `protectionReasons`, the corridors' `staticIntervals`). Fields stored by a
 * constructor keep their types while each date stores values of the same kinds.
 */
export class LayersOfDate implements ActiveLayers {
  declare asOf: string;
  declare month: number;
  declare params: AnalysisParams;
  declare areas: AreaFeature[];
  declare frontlines: ActiveFrontline[];
  declare sites: SiteFeature[];
  declare crossings: ActiveCrossing[];
  declare roadIds: Set<string>;
  declare corridors: CorridorFeature[];
  declare incidents: IncidentFeature[];
  declare constraints: ConstraintFeature[];

  constructor(layers: ActiveLayers) {
    this.asOf = layers.asOf;
    this.month = layers.month;
    this.params = layers.params;
    this.areas = layers.areas;
    this.frontlines = layers.frontlines;
    this.sites = layers.sites;
    this.crossings = layers.crossings;
    this.roadIds = layers.roadIds;
    this.corridors = layers.corridors;
    this.incidents = layers.incidents;
    this.constraints = layers.constraints;
  }
}
