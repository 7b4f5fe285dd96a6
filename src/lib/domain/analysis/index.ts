/**
 * The analysis of DESIGN.md §3: a situation, an as-of date and parameters in, a report out. Pure and
 * deterministic; inputs are never mutated. docs/analysis.md explains the model.
 */
export { analyze, createAnalyzer, type Analyzer } from './analyzer';
export { compactReport } from './compactReport';
export {
  route,
  type RouteOptions,
  type RoutePoint,
  ALTERNATIVE_PENALTY,
  ALTERNATIVE_MAX_OVERLAP,
} from './routing/route';
export { AnalysisInputError } from './errors';
export { accessDifficulty } from './hotspots';
export {
  protectionNeeds,
  type ProtectionNeeds,
  type SiteNeedingProtection,
  type CorridorNeedingGuard,
  type AidIncident,
  type GuardReason,
} from './protectionNeeds';
export { defaultNetworkOptions, type NetworkOptions } from './network/networkOptions';
export { CORRIDOR_MATCH_KM } from './corridors/roadsUnder';
export { SHARED_BOUNDARY_TOLERANCE_KM } from './frontlines/deriveFrontlines';
export type { RoadNetwork, NetworkEdge } from './network/roadNetwork';
export type {
  AnalysisReport,
  AnalysisParams,
  AnalysisParamsInput,
  AnalysisOverrides,
  AnalysisOverridesInput,
  CorridorReport,
  SiteReport,
  Hotspot,
  Reason,
  ReasonCode,
  RouteResult,
  Route,
  SegmentStatus,
  SiteAccess,
  SiteFlag,
  Stretch,
} from '../schemas';
export { planRoutes, type PlanOptions } from './routing/planRoutes';
export { mergeTravelParams } from './routing/travelTime';
export { seriesOf, seriesWith, withEventPhrases, type SeriesOptions } from './series/seriesOf';
export { ENGLISH_EVENT_PHRASES, type EventPhrases } from './series/eventPhrases';
export { seriesDates, MAX_SERIES_POINTS } from './series/seriesDates';
export { parseStep } from './series/parseStep';
