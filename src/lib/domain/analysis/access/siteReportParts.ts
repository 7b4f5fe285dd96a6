import type { Reason, SiteAccess, SiteFlag } from '../../schemas';
import { sortReasons } from '../reasons';
import { sameReason } from './blockagesAlong';

/**
 * A site report's reasons: those its headline leads with (a cut-off site's binding ones), then the others and
 * the best path's at-risk reasons sorted, each once, without those already leading. A new array, never one of
 * those given (the site's record keeps `reasons` to compare with the next analysis').
 *
 * Compared field by field: a key string made of each reason's code, feature and detail, twice per reason of
 * every site evaluated, cost more than the few comparisons with the one to three leading reasons.
 */
export function reportReasons(
  leading: readonly Reason[],
  reasons: readonly Reason[],
  bestAtRisk: readonly Reason[],
): Reason[] {
  const rest = sortReasons(bestAtRisk.length > 0 ? [...reasons, ...bestAtRisk] : reasons);
  if (leading.length === 0) return rest;
  const out = [...leading];
  for (const r of rest) if (!leading.some((l) => sameReason(l, r))) out.push(r);
  return out;
}

/** What a site report's flags are made from. */
export interface FlagInputs {
  /** Whether the site has a reason to be protected (front line, contested area, incidents, siege, mass violence). */
  protection: boolean;
  besieged: boolean;
  access: SiteAccess;
  /** Whether its best path passes the front line at a crossline crossing. */
  crossline: boolean;
  famine: boolean;
}

/**
 * A site report's flags, in the report's order (protection, besieged, cross_border, crossline, cut_off,
 * famine): pushed in that order rather than collected in a set and filtered by the order for every site.
 */
export function siteFlags(f: FlagInputs): SiteFlag[] {
  const flags: SiteFlag[] = [];
  if (f.protection) flags.push('protection');
  if (f.besieged) flags.push('besieged');
  if (f.access === 'cross_border_only') flags.push('cross_border');
  if (f.crossline) flags.push('crossline');
  if (f.access === 'cut_off') flags.push('cut_off');
  if (f.famine) flags.push('famine');
  return flags;
}
