import type { Scenario } from './scenario';
import type {
  AdminFeature,
  AreaFeature,
  ConstraintFeature,
  CorridorFeature,
  CrossingFeature,
  FrontlineFeature,
  IncidentFeature,
  RoadFeature,
  SiteFeature,
} from './layers';

/** A whole situation: the scenario and every layer, each a list of validated features. */
export interface Situation {
  scenario: Scenario;
  areas: AreaFeature[];
  frontlines: FrontlineFeature[];
  sites: SiteFeature[];
  crossings: CrossingFeature[];
  roads: RoadFeature[];
  corridors: CorridorFeature[];
  incidents: IncidentFeature[];
  constraints: ConstraintFeature[];
  /** Administrative boundaries (reference only: the access analysis does not read them). */
  admin: AdminFeature[];
}

/** Any feature of any layer. */
export type AnyFeature = Situation[Exclude<keyof Situation, 'scenario'>][number];
