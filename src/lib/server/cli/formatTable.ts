import { statusOfCode } from '../../domain/analysis/reasons';
import type { AnalysisReport } from '../../domain/schemas/report';

/** Left-aligned text columns, widths fitted to the content. */
export function columns(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The report as readable tables: corridors with their blocked stretches, then sites, then hotspots. */
export function formatTable(report: AnalysisReport): string {
  const out: string[] = [`Analysis as of ${report.asOf}`, ''];
  out.push(`Corridors (${report.corridors.length})`);
  out.push(
    columns(
      ['id', 'name', 'status', 'km', 'blocked km', 'at-risk km', 'blocked where and why'],
      report.corridors.map((c) => [
        c.id,
        c.name,
        c.status,
        String(c.lengthKm),
        String(c.blockedKm),
        String(c.atRiskKm),
        c.stretches
          .filter((s) => s.status === 'blocked')
          .map(
            (s) =>
              `km ${s.fromKm}-${s.toKm}: ${s.reasons
                .filter((r) => statusOfCode(r.code) === 'blocked')
                .map((r) => `${r.code} ${r.featureId}`)
                .join(', ')}`,
          )
          .join('; '),
      ]),
    ),
  );
  out.push('', `Sites (${report.sites.length})`);
  out.push(
    columns(
      ['id', 'name', 'access', 'flags', 'population', 'IPC', 'from hub', 'via', 'km'],
      report.sites.map((s) => [
        s.id,
        s.name,
        s.access,
        s.flags.join(','),
        s.population === null ? '' : String(s.population),
        s.ipcPhase === null ? '' : String(s.ipcPhase),
        s.bestPath?.fromHubId ?? '',
        s.bestPath?.viaCrossingIds.join(',') ?? '',
        s.bestPath ? String(s.bestPath.lengthKm) : '',
      ]),
    ),
  );
  out.push(
    '',
    `Hotspots (${report.hotspots.length}): score = population × severity (IPC phase; 3 when unknown) × access difficulty`,
  );
  out.push(
    columns(
      ['site', 'score', 'population', 'severity', 'access', 'difficulty'],
      report.hotspots.map((h) => [
        h.siteId,
        String(h.score),
        `${h.components.population}${h.components.populationStale ? ` (stale, ${h.components.populationAsOf})` : ''}`,
        `${h.components.severity}${h.components.ipcPhaseKnown ? '' : ' (IPC unknown)'}`,
        h.components.access,
        String(h.components.accessDifficulty),
      ]),
    ),
  );
  const t = report.totals;
  out.push(
    '',
    `Totals: ${t.peopleCutOff} people cut off (${t.sitesCutOff} sites), ${t.peopleBesieged} besieged (${t.sitesBesieged}), ${t.peopleFamine} with a famine finding (${t.sitesFamine}); ${t.sitesInactive} sites inactive; corridors ${t.corridorsBlocked} blocked, ${t.corridorsAtRisk} at risk; crossings ${t.crossingsClosed} closed, ${t.crossingsRestricted} restricted`,
  );
  if (report.warnings.length > 0) out.push('', 'Warnings', ...report.warnings.map((w) => `- ${w}`));
  return `${out.join('\n')}\n`;
}
