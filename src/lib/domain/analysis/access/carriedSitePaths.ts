import type { AccessOption, BestPath, ConstraintFeature, Reason, SiteAccess } from '../../schemas';

/**
 * What a site's options gave its report in one analysis (its access, options, best path and the reasons they
 * lead with or add), with what they were made from: the junction the site joins and its gap, the sieges
 * around it, whether any hub was in force, and the searches read there with the hubs each started from.
 */
export interface SitePaths {
  /** The searches the options read (explanations included), in the order they were read. */
  searchKeys: readonly string[];
  /** The sources (hubs, junctions, gaps) of each of those searches, as `SearchTrees.hubs` gives them. */
  searchHubs: readonly string[];
  node: number;
  attachKm: number;
  sieges: readonly ConstraintFeature[];
  noHubs: boolean;
  access: SiteAccess;
  options: AccessOption[];
  bestPath: BestPath | null;
  leading: Reason[];
  bestAtRisk: Reason[];
  bestCrossline: boolean;
}

/** What the options of a site are made from in this analysis, besides the searches. */
export type SitePathInputs = Pick<SitePaths, 'node' | 'attachKm' | 'sieges' | 'noHubs'>;

/**
 * The last analysis' options of a site, when they still hold: made from the same junction, gap, sieges and
 * hubs in force, and every search they read is from the same hubs (`sameHubs`) and unchanged at that
 * junction and on the path to it (`changedAt`, searchChanges.ts). The options are a function of these alone,
 * so a date change, which re-evaluates every site for its lifecycle, findings and protection, need not build
 * them again where the roads to the site did not change.
 */
export function keptSitePaths(
  last: SitePaths | undefined,
  now: SitePathInputs,
  sameHubs: (key: string, hubs: string) => boolean,
  changedAt: (key: string, node: number) => boolean,
): SitePaths | undefined {
  if (
    !last ||
    last.node !== now.node ||
    last.attachKm !== now.attachKm ||
    last.noHubs !== now.noHubs ||
    !sameFeatures(last.sieges, now.sieges)
  )
    return undefined;
  const keys = last.searchKeys;
  for (let i = 0; i < keys.length; i++)
    if (!sameHubs(keys[i], last.searchHubs[i]) || changedAt(keys[i], now.node)) return undefined;
  return last;
}

function sameFeatures(a: readonly ConstraintFeature[], b: readonly ConstraintFeature[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
