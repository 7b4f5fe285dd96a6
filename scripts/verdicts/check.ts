/**
 * Checks the verdicts of `table.ts` against analysis reports, and writes them as markdown with the report's own
 * words (access, flags, reasons, options). Pure: reports in, problems or text out. Used by
 * `tests/unit/verdicts.test.ts` and `npm run verdicts` (scripts/verdicts.ts).
 */
import type { AnalysisReport, Reason } from '../../src/lib/domain/schemas';
import type { CorridorExpectation, ReasonExpectation, SiteExpectation, Verdict } from './table';

type SiteReport = AnalysisReport['sites'][number];
type CorridorReport = AnalysisReport['corridors'][number];

const names = (r: ReasonExpectation) => `${r.code}${r.featureId ? ` naming ${r.featureId}` : ''}`;
const matches = (r: Reason | undefined, e: ReasonExpectation) =>
  !!r && r.code === e.code && (e.featureId === undefined || r.featureId === e.featureId);
const said = (r: Reason | undefined) => (r ? `${r.code} (${r.featureId})` : 'nothing');

function siteProblems(report: AnalysisReport, s: SiteReport, e: SiteExpectation): string[] {
  const out: string[] = [];
  if (e.access !== undefined && s.access !== e.access)
    out.push(`access is ${s.access}, expected ${e.access}`);
  if (e.status !== undefined && s.status !== e.status)
    out.push(`status is ${s.status}, expected ${e.status}`);
  if (e.besieged !== undefined && s.besieged !== e.besieged)
    out.push(`besieged is ${s.besieged}, expected ${e.besieged}`);
  for (const f of e.flags ?? [])
    if (!s.flags.includes(f)) out.push(`lacks flag ${f} (has ${s.flags.join(', ')})`);
  for (const f of e.noFlags ?? []) if (s.flags.includes(f)) out.push(`has flag ${f}, expected not`);
  if (e.flagsExactly && [...s.flags].sort().join() !== [...e.flagsExactly].sort().join())
    out.push(`flags are [${s.flags.join(', ')}], expected [${e.flagsExactly.join(', ')}]`);
  if (e.viaCrossing && !s.bestPath?.viaCrossingIds.includes(e.viaCrossing))
    out.push(
      `best path does not pass ${e.viaCrossing} (${s.bestPath?.viaCrossingIds.join(', ') || 'no path'})`,
    );
  if (e.firstReason && !matches(s.reasons[0], e.firstReason))
    out.push(`first reason is ${said(s.reasons[0])}, expected ${names(e.firstReason)}`);
  if (e.reason && !s.reasons.some((r) => matches(r, e.reason!)))
    out.push(`no reason ${names(e.reason)} among ${s.reasons.map((r) => r.code).join(', ') || 'none'}`);
  if (e.option) {
    const o = s.options.find((x) => x.class === e.option!.class);
    if (!o) out.push(`no ${e.option.class} option`);
    else {
      if (o.feasible !== e.option.feasible)
        out.push(`${o.class} option feasible is ${o.feasible}, expected ${e.option.feasible}`);
      if (e.option.firstReason && !matches(o.reasons[0], e.option.firstReason))
        out.push(
          `${o.class} option's first reason is ${said(o.reasons[0])}, expected ${names(e.option.firstReason)}`,
        );
      if (e.option.viaCrossing && !o.viaCrossingIds.includes(e.option.viaCrossing))
        out.push(`${o.class} option does not pass ${e.option.viaCrossing}`);
    }
  }
  if (e.hotspot !== undefined) {
    const is = report.hotspots.some((h) => h.siteId === s.id);
    if (is !== e.hotspot) out.push(is ? 'is a hotspot, expected not' : 'is not a hotspot');
  }
  if (e.ipcPhase !== undefined && s.ipcPhase !== e.ipcPhase)
    out.push(`IPC phase is ${s.ipcPhase}, expected ${e.ipcPhase}`);
  if (e.movedTo) {
    const to = s.movedTo.map((m) => m.siteId);
    for (const id of e.movedTo)
      if (!to.includes(id)) out.push(`people not moved to ${id} (${to.join(', ') || 'none'})`);
  }
  return out;
}

function corridorProblems(c: CorridorReport, e: CorridorExpectation): string[] {
  const out: string[] = [];
  if (e.status !== undefined && c.status !== e.status)
    out.push(`status is ${c.status}, expected ${e.status}`);
  if (e.blockedBy) {
    const blocking = c.stretches.filter((s) => s.status === 'blocked').flatMap((s) => s.reasons);
    if (!blocking.some((r) => matches(r, e.blockedBy!)))
      out.push(`no blocked stretch with ${names(e.blockedBy)} (${blocking.map(said).join(', ') || 'none'})`);
  }
  return out;
}

/** What does not hold of verdict `v` in `report` (the analysis of `v.date`); empty when it holds. */
export function verdictProblems(report: AnalysisReport, v: Verdict): string[] {
  if (report.asOf !== v.date) return [`report is of ${report.asOf}, verdict of ${v.date}`];
  if (v.kind === 'site') {
    const s = report.sites.find((x) => x.id === v.id);
    return s ? siteProblems(report, s, v.expect) : [`no site ${v.id} in the report`];
  }
  const c = report.corridors.find((x) => x.id === v.id);
  return c ? corridorProblems(c, v.expect) : [`no corridor ${v.id} in the report`];
}

// ---------- markdown ----------

const cell = (t: string) => t.replaceAll('|', '\\|').replaceAll('\n', ' ');
const reasonLine = (r: Reason) => `\`${r.code}\` (${r.featureId}): ${r.detail}`;
const number = new Intl.NumberFormat('en');

function expectationText(v: Verdict): string {
  const e = v.expect as Record<string, unknown>;
  return Object.entries(e)
    .map(([k, val]) => `${k}: ${JSON.stringify(val)}`)
    .join('; ');
}

function siteWords(report: AnalysisReport, s: SiteReport): string[] {
  const lines = [
    `- access: \`${s.access}\`; status: \`${s.status}\`${s.statusSince ? ` since ${s.statusSince}` : ''}; besieged: ${s.besieged}`,
    `- flags: ${s.flags.map((f) => `\`${f}\``).join(', ') || 'none'}`,
    `- population: ${s.population === null ? 'unknown' : number.format(s.population)}${s.populationAsOf ? ` (as of ${s.populationAsOf}${s.populationStale ? ', stale' : ''})` : ''}; IPC phase: ${s.ipcPhase ?? 'none valid'}`,
  ];
  if (s.movedTo.length > 0)
    lines.push(
      `- people moved to: ${s.movedTo.map((m) => `${m.siteId}${m.population === null ? '' : ` (${number.format(m.population)})`}`).join(', ')}`,
    );
  const rank = report.hotspots.findIndex((h) => h.siteId === s.id);
  lines.push(`- hotspot: ${rank < 0 ? 'no' : `no. ${rank + 1}`}`);
  if (s.bestPath)
    lines.push(
      `- best path: from ${s.bestPath.fromHubId}${s.bestPath.viaCrossingIds.length ? ` via ${s.bestPath.viaCrossingIds.join(', ')}` : ''}, ${s.bestPath.lengthKm} km`,
    );
  lines.push(
    '- reasons:',
    ...(s.reasons.length ? s.reasons.map((r) => `  - ${reasonLine(r)}`) : ['  - none']),
  );
  lines.push('- options:');
  for (const o of s.options) {
    if (o.feasible)
      lines.push(
        `  - ${o.class}: feasible, from ${o.fromHubId}${o.viaCrossingIds.length ? ` via ${o.viaCrossingIds.join(', ')}` : ''}, ${o.lengthKm} km, cost ${o.cost}`,
      );
    else
      lines.push(`  - ${o.class}: fails${o.reasons[0] ? `, first because ${reasonLine(o.reasons[0])}` : ''}`);
  }
  return lines;
}

function corridorWords(c: CorridorReport): string[] {
  const lines = [
    `- status: \`${c.status}\`; ${c.blockedKm} km blocked, ${c.atRiskKm} km at risk of ${c.lengthKm} km`,
  ];
  for (const st of c.stretches.filter((x) => x.status !== 'open'))
    lines.push(
      `- ${st.status} km ${st.fromKm}–${st.toKm}:`,
      ...st.reasons.map((r) => `  - ${reasonLine(r)}`),
    );
  return lines;
}

/**
 * docs/verdicts.md: every verdict with the timeline item it comes from, what was expected, whether it holds,
 * and what the report of that date says in its own words. `reports` holds the analysis of every verdict's date.
 */
export function verdictsMarkdown(verdicts: Verdict[], reports: Map<string, AnalysisReport>): string {
  const out = [
    '# Verdicts at known dates',
    '',
    '<!-- Written by `npm run verdicts` (scripts/verdicts.ts); do not edit by hand. -->',
    '',
    'What the analysis of the default scenario (`geodata/`) says at dated moments of the war, against what the',
    'checked timeline says (items of section B of `sudan-timeline.md`, the compilation the scenario is authored',
    'from). The verdicts are one table, `scripts/verdicts/table.ts`: `tests/unit/verdicts.test.ts` fails when one',
    'does not hold, and checks that this page is the one the script writes today.',
    '',
    '| date | feature | timeline | holds |',
    '| --- | --- | --- | --- |',
  ];
  const rows: string[] = [];
  const sections: string[] = [];
  for (const v of verdicts) {
    const report = reports.get(v.date);
    if (!report) throw new Error(`no report for ${v.date}`);
    const problems = verdictProblems(report, v);
    const name =
      v.kind === 'site'
        ? (report.sites.find((s) => s.id === v.id)?.name ?? v.id)
        : (report.corridors.find((c) => c.id === v.id)?.name ?? v.id);
    rows.push(
      `| ${v.date} | ${cell(name)} (\`${v.id}\`) | ${v.items.join(', ')} | ${problems.length ? 'no' : 'yes'} |`,
    );
    const words =
      v.kind === 'site'
        ? siteWords(
            report,
            report.sites.find((s) => s.id === v.id)!,
          )
        : corridorWords(report.corridors.find((c) => c.id === v.id)!);
    sections.push(
      `## ${v.date}: ${name}`,
      '',
      `Timeline item${v.items.length > 1 ? 's' : ''} ${v.items.join(', ')}: ${v.says}`,
      '',
      `Expected: ${expectationText(v)}.`,
      '',
      problems.length ? `**Does not hold**: ${problems.join('; ')}.` : 'Holds.',
      '',
      'The report says:',
      '',
      ...words,
      '',
    );
  }
  return [...out, ...rows, '', ...sections].join('\n');
}
