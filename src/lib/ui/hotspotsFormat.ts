// Words and numbers of /hotspots, its brief and the map's protection and actor panels, shared so that a
// figure reads the same everywhere (and in a newsroom's link preview).
import type { GuardReason, ProtectionNeeds } from '$lib/domain/analysis';
import type { ClaimConfidence, SupportKind, Totals } from '$lib/domain/schemas';
import { formatDate } from '$lib/state/dates';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** 1500000 → "1,500,000". */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** 1076.348 → "1,076.3 km". */
export function formatKm(km: number): string {
  return `${oneDecimal.format(km)} km`;
}

/** "3 sites", "1 site". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export const SUPPORT_LABELS: Record<SupportKind, string> = {
  arms: 'Arms',
  financial: 'Money',
  fighters: 'Fighters',
  logistics: 'Logistics',
  political: 'Political',
  training: 'Training',
};

export const CONFIDENCE_LABELS: Record<ClaimConfidence, string> = {
  low: 'Low: one report on unnamed sources',
  medium: 'Medium: an official investigation or physical evidence, denied by the backer',
  high: 'High: acknowledged or beyond dispute',
};

export const GUARD_LABELS: Record<GuardReason, string> = {
  violence_against_aid: 'Violence against aid beside it',
  serves_protected_site: 'Not open, to a site that needs protection',
};

/** The key figures of a date, in the order the page, the brief and the link preview give them. */
export function keyFigures(
  totals: Totals,
  needs: ProtectionNeeds,
): { label: string; value: string; detail: string }[] {
  return [
    {
      label: 'People in cut-off sites',
      value: formatCount(totals.peopleCutOff),
      detail: plural(totals.sitesCutOff, 'site'),
    },
    {
      label: 'People in besieged sites',
      value: formatCount(totals.peopleBesieged),
      detail: plural(totals.sitesBesieged, 'site'),
    },
    {
      label: 'People in sites with a famine finding',
      value: formatCount(totals.peopleFamine),
      detail: plural(totals.sitesFamine, 'site'),
    },
    {
      label: 'People in sites needing protection',
      value: formatCount(needs.totals.people),
      detail:
        plural(needs.totals.sites, 'site') +
        (needs.totals.sitesWithoutFigure ? `, ${needs.totals.sitesWithoutFigure} without a count` : ''),
    },
    {
      label: 'Corridors blocked',
      value: formatCount(totals.corridorsBlocked),
      detail: `${formatCount(totals.corridorsAtRisk)} at risk`,
    },
    {
      label: 'Crossings closed',
      value: formatCount(totals.crossingsClosed),
      detail: `${formatCount(totals.crossingsRestricted)} restricted`,
    },
  ];
}

/** One sentence of the date's figures: the page's description and its link preview. */
export function previewText(asOf: string, totals: Totals, needs: ProtectionNeeds): string {
  return (
    `On ${formatDate(asOf)}: ${formatCount(totals.peopleCutOff)} people in cut-off sites, ` +
    `${formatCount(totals.peopleBesieged)} in besieged sites, ${formatCount(totals.peopleFamine)} in sites with a famine finding; ` +
    `${formatCount(needs.totals.people)} people in ${plural(needs.totals.sites, 'site')} needing protection and ` +
    `${formatKm(needs.totals.corridorKm)} of corridors to guard; ` +
    `${plural(totals.corridorsBlocked, 'corridor')} blocked, ${formatCount(totals.corridorsAtRisk)} at risk; ` +
    `${plural(totals.crossingsClosed, 'crossing')} closed.`
  );
}

/** What a mandate would have to cover, in a sentence. */
export function mandateText(needs: ProtectionNeeds): string {
  const t = needs.totals;
  const p = needs.params;
  return (
    `A protection mandate on ${formatDate(needs.asOf)} would have to cover ${formatCount(t.people)} people in ` +
    `${plural(t.sites, 'site')}${t.sitesWithoutFigure ? ` (${t.sitesWithoutFigure} without a population count)` : ''} ` +
    `and guard ${plural(t.corridors, 'corridor')} over ${formatKm(t.corridorKm)}, where ` +
    `${plural(t.incidents, 'incident')} of violence against aid ${t.incidents === 1 ? 'was' : 'were'} recorded within ${formatKm(p.guardBufferKm)} ` +
    `in the ${p.guardWindowDays} days before.`
  );
}

/** How far an incident is from a corridor: "on it" when it is on the line (to the metres of the data). */
export function offLine(km: number): string {
  return km < 0.05 ? 'on it' : `${formatKm(km)} off`;
}
