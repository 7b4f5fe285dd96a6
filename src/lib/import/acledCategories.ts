// ACLED event types and sub-event types (ACLED Codebook, 2023) → the ACAPS access-constraint categories of
// DESIGN.md §2, with a base severity. The same table is in docs/import.md; change both together.
import type { IncidentCategory } from '$lib/domain/schemas';
import { normalizeKey } from './text';

interface AcledRule {
  category: IncidentCategory;
  /** Severity before fatalities are counted (see `acledSeverity`). */
  severity: number;
}

/** By event type, then by sub-event type; `*` is the event type's default. Keys normalized (lower case). */
export const acledTable: Record<string, Record<string, AcledRule>> = {
  battles: {
    '*': { category: 'hostilities', severity: 2 },
    'armed clash': { category: 'hostilities', severity: 2 },
    // Control changed hands: the roads through the place are closed to aid until access is renegotiated.
    'government regains territory': { category: 'hostilities', severity: 3 },
    'non state actor overtakes territory': { category: 'hostilities', severity: 3 },
  },
  'explosions remote violence': {
    '*': { category: 'hostilities', severity: 2 },
    'remote explosive landmine ied': { category: 'explosive_hazards', severity: 3 },
  },
  // Its own category: with a perpetrator (`actorId`), it is the record behind the protection flag.
  'violence against civilians': {
    '*': { category: 'violence_against_civilians', severity: 2 },
  },
  'strategic developments': {
    '*': { category: 'movement_restriction', severity: 0 },
    'looting property destruction': { category: 'restriction_of_access_to_services', severity: 1 },
    'disrupted weapons use': { category: 'explosive_hazards', severity: 1 },
    arrests: { category: 'interference', severity: 0 },
  },
  protests: {
    '*': { category: 'movement_restriction', severity: 0 },
    'protest with intervention': { category: 'movement_restriction', severity: 1 },
    'excessive force against protesters': { category: 'movement_restriction', severity: 2 },
  },
  riots: {
    '*': { category: 'movement_restriction', severity: 1 },
  },
};

/** Event types whose victims may be aid workers: then the category is violence against aid. */
const violentTypes = new Set([
  'battles',
  'explosions remote violence',
  'violence against civilians',
  'riots',
]);

/** ACLED names aid workers as an actor ("Aid Workers (Sudan)") or in an associated actor. */
const AID_ACTOR =
  /\b(aid workers?|humanitarian|ngo|united nations|unicef|wfp|unhcr|icrc|msf|red crescent|red cross)\b/i;

/** The rule for an event type and sub-event type, or undefined when the event type is not ACLED's. */
export function acledRule(eventType: string, subEventType?: string): AcledRule | undefined {
  const byType = acledTable[normalizeKey(eventType)];
  if (!byType) return undefined;
  return byType[normalizeKey(subEventType ?? '')] ?? byType['*'];
}

/** The category of an ACLED-style event type, for tables that name event types (e.g. `#event+type`). */
export function categoryOfEventType(eventType: string, subEventType?: string): IncidentCategory | undefined {
  return acledRule(eventType, subEventType)?.category;
}

/**
 * The category of one ACLED event: from the table, except that violence whose target or associated actor
 * is an aid organisation or aid workers is `violence_against_aid`.
 */
export function acledCategory(
  eventType: string,
  subEventType: string,
  actors: readonly string[],
): IncidentCategory | undefined {
  const rule = acledRule(eventType, subEventType);
  if (!rule) return undefined;
  if (violentTypes.has(normalizeKey(eventType)) && actors.some((a) => AID_ACTOR.test(a)))
    return 'violence_against_aid';
  return rule.category;
}

/**
 * Severity 0–3 of an ACLED event: the table's base severity, raised to at least 2 when anyone was killed
 * and to 3 when ten or more were (3 blocks roads within `incidentRadiusKm`, DESIGN.md §3).
 *
 * @example acledSeverity('Battles', 'Armed clash', 0) // 2
 * @example acledSeverity('Protests', 'Peaceful protest', 1) // 2
 * @example acledSeverity('Battles', 'Armed clash', 12) // 3
 */
export function acledSeverity(eventType: string, subEventType: string, fatalities: number): number {
  const base = acledRule(eventType, subEventType)?.severity ?? 0;
  if (fatalities >= 10) return 3;
  if (fatalities >= 1) return Math.max(base, 2);
  return base;
}
