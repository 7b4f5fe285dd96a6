import type { TotalsKey } from '$lib/domain/schemas';

/** The key figures as the trends page names them, in the order of its selector. */
export const FIGURE_LABELS: Record<TotalsKey, string> = {
  peopleCutOff: 'People in cut-off sites',
  peopleBesieged: 'People in besieged sites',
  peopleFamine: 'People in sites with a famine finding',
  sitesCutOff: 'Sites cut off',
  sitesBesieged: 'Sites besieged',
  sitesFamine: 'Sites with a famine finding',
  sitesInactive: 'Inactive sites (emptied, destroyed…)',
  corridorsBlocked: 'Corridors blocked',
  corridorsAtRisk: 'Corridors at risk',
  crossingsClosed: 'Crossings closed',
  crossingsRestricted: 'Crossings restricted',
};

/** 1234567 → "1,234,567". */
export const formatCount = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A signed change: "+12,000", "−411,538" (a real minus sign), "no change". */
export const formatChange = (d: number) =>
  d === 0 ? 'no change' : `${d > 0 ? '+' : '−'}${formatCount(Math.abs(d))}`;
