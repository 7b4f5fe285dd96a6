import type { AnalysisReport } from '$lib/domain/schemas';
import type { AnnotationReason, AnnotationStretch, MapAnnotations } from './mapData';

/**
 * What the map draws from an analysis report (DESIGN.md §3): each corridor's status and its blocked and
 * at-risk stretches, each site's flags, lifecycle status, siege and reasons, and the ranked hotspots. The report is not mutated.
 *
 * @example annotationsFromReport(report).corridorStatus?.cor_adre_nyala // 'blocked' on 2024-05-01
 */
export function annotationsFromReport(report: AnalysisReport): MapAnnotations {
  const corridorStatus: Record<string, string> = {};
  const corridorStretches: Record<string, AnnotationStretch[]> = {};
  const siteFlags: Record<string, readonly string[]> = {};
  const siteStatus: Record<string, { status: string; besieged: boolean }> = {};
  const reasons: Record<string, readonly AnnotationReason[]> = {};
  for (const c of report.corridors) {
    corridorStatus[c.id] = c.status;
    corridorStretches[c.id] = c.stretches.flatMap((s) =>
      s.status === 'open' ? [] : [{ status: s.status, fromKm: s.fromKm, toKm: s.toKm, geometry: s.geometry }],
    );
    reasons[c.id] = c.stretches.flatMap((s) => s.reasons);
  }
  for (const s of report.sites) {
    siteFlags[s.id] = s.flags;
    siteStatus[s.id] = { status: s.status, besieged: s.besieged };
    reasons[s.id] = s.reasons;
  }
  return {
    corridorStatus,
    corridorStretches,
    siteFlags,
    siteStatus,
    reasons,
    hotspots: report.hotspots.map((h) => ({ siteId: h.siteId, score: h.score })),
  };
}
