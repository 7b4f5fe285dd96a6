import { crossingStatusOn, isValidOn } from '$lib/domain/asOf';
import type { AnalysisReport, Situation } from '$lib/domain/schemas';
import type { FeedReason, SubjectStatus } from './types';

/** Site reasons that explain its flags, not how it is reached: left out of an access change's reasons. */
const FLAG_ONLY_CODES = new Set([
  'famine',
  'protection_frontline',
  'protection_contested_area',
  'protection_incidents',
  'protection_besieged',
  'protection_mass_violence',
]);

/** A subject's key in a snapshot: ids are unique across layers, the kind keeps keys readable. */
const subjectKey = (s: Pick<SubjectStatus, 'kind' | 'id'>) => `${s.kind}/${s.id}`;

/** Reasons once each (the same reason comes from every segment of a stretch), in the order first given. */
function unique(reasons: readonly FeedReason[]): FeedReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const k = `${r.code}\u0000${r.featureId}\u0000${r.detail}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/**
 * The verdict on the report's date of every corridor and site (from `report`, the situation's analysis report
 * of that date, DESIGN.md §3) and every crossing (the latest entry of its status history on or before the
 * date), keyed by `subjectKey`. Subjects that do not count on the date (not valid, or a crossing before its first
 * status) are absent.
 */
export function statusesOn(situation: Situation, report: AnalysisReport): Map<string, SubjectStatus> {
  const asOf = report.asOf;
  const out = new Map<string, SubjectStatus>();
  const put = (s: SubjectStatus) => out.set(subjectKey(s), s);
  for (const c of report.corridors)
    put({
      kind: 'corridor',
      id: c.id,
      name: c.name,
      field: 'status',
      value: c.status,
      reasons: unique(c.stretches.flatMap((s) => s.reasons)),
    });
  const names = new Map<string, string>();
  for (const f of [...situation.sites, ...situation.crossings]) names.set(f.properties.id, f.properties.name);
  for (const s of report.sites) {
    const path = s.bestPath;
    const via = path?.viaCrossingIds.map((id) => `"${names.get(id) ?? id}"`).join(', ');
    const context: FeedReason | undefined =
      path && path.fromHubId !== s.id
        ? {
            code: 'best_path',
            featureId: path.fromHubId,
            detail: `reached from "${names.get(path.fromHubId) ?? path.fromHubId}"${via ? ` through ${via}` : ''}, ${path.lengthKm} km`,
          }
        : undefined;
    const cutOff: FeedReason[] =
      s.access === 'cut_off'
        ? [
            {
              code: 'cut_off',
              featureId: s.id,
              detail: 'no hub reaches it over the roads usable on this date',
            },
          ]
        : [];
    put({
      kind: 'site',
      id: s.id,
      name: s.name,
      field: 'access',
      value: s.access,
      reasons: unique([
        ...(context ? [context] : cutOff),
        ...s.reasons.filter((r) => !FLAG_ONLY_CODES.has(r.code)),
      ]),
      ...(context ? { context } : {}),
    });
  }
  for (const c of situation.crossings) {
    if (!isValidOn(c.properties, asOf)) continue;
    const st = crossingStatusOn(c, asOf);
    if (!st) continue;
    put({
      kind: 'crossing',
      id: c.properties.id,
      name: c.properties.name,
      field: 'status',
      value: st.status,
      reasons: [
        {
          code: 'crossing_status',
          featureId: c.properties.id,
          detail: `${st.status} since ${st.since} (source: ${st.source})${st.note ? `: ${st.note}` : ''}`,
        },
      ],
    });
  }
  return out;
}
