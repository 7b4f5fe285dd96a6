// Where a protection force is needed, with its parameters checked (requests, the command line, tests).
import {
  protectionNeedsParamsSchema,
  type AnalysisReport,
  type ProtectionNeedsParamsInput,
  type Situation,
} from '../schemas';
import { neededProtection, type ProtectionNeeds } from './neededProtection';

export type {
  AidIncident,
  CorridorNeedingGuard,
  GuardReason,
  ProtectionNeeds,
  SiteNeedingProtection,
} from './neededProtection';

/** `neededProtection` with its parameters read by the schema (defaults filled in, bad values refused). */
export function protectionNeeds(
  report: AnalysisReport,
  situation: Situation,
  paramsInput: ProtectionNeedsParamsInput = {},
): ProtectionNeeds {
  return neededProtection(report, situation, protectionNeedsParamsSchema.parse(paramsInput));
}
