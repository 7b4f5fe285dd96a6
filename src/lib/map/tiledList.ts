import type { AnalysisReport, Situation } from '$lib/domain/schemas';
import { CORRIDOR_STATUS_STYLES, type CorridorStatusName } from './corridorsLayer';
import { CROSSING_STATUS_LABELS } from './crossingsLayer';
import { FLAG_WORDS, STATUS_WORDS, type FeatureListItem } from './featureList';
import type { MapVerdicts } from './mapVerdicts';
import { SITE_KIND_LABELS } from './sitesLayer';
import { formatNumber, intlLocale } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

/** A feature the tiled map has drawn in view, with the few properties its tile gives. */
export interface InViewFeature {
  id: string;
  layer: 'sites' | 'crossings' | 'corridors';
  name: string;
  nameAr?: string;
  kind?: string;
}

/**
 * One feature as the tiled map's details panel gets it (`/map/features/{id}`): the feature and those its
 * verdict names, as a situation, and its own entries of the date's report.
 */
export interface FeatureView {
  id: string;
  situation: Situation;
  report: AnalysisReport;
  hotspotRank: number | null;
}

/** Entries of the tiled map's list: at most this many, the view being what the user narrows it with. */
export const TILED_LIST_MAX = 300;

/**
 * The feature list of the tiled map: the sites, crossings and corridors drawn in view that count on the
 * verdicts' date, each group by name, with the same few words as `featureList` gives from the whole
 * situation (kind, people, IPC phase, status, flags), taken from the verdicts. Inputs are not mutated.
 */
export function tiledList(
  inView: readonly InViewFeature[],
  verdicts: MapVerdicts | undefined,
): FeatureListItem[] {
  if (!verdicts) return [];
  const byName = (a: FeatureListItem, b: FeatureListItem) => a.name.localeCompare(b.name, 'en');
  const seen = new Set<string>();
  const items: Record<InViewFeature['layer'], FeatureListItem[]> = {
    sites: [],
    crossings: [],
    corridors: [],
  };
  for (const f of inView) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const item = { id: f.id, layer: f.layer, name: f.name, nameAr: f.nameAr || undefined };
    if (f.layer === 'sites') {
      const v = verdicts.sites[f.id];
      if (!v) continue;
      const bits = [SITE_KIND_LABELS[f.kind ?? ''] ?? f.kind ?? ''];
      if (v.population) bits.push(m.list_people({ count: formatNumber(v.population) }));
      if (v.ipcPhase) bits.push(`IPC ${v.ipcPhase}`);
      if (v.status !== 'active') bits.push(STATUS_WORDS[v.status]?.() ?? v.status);
      if (v.flags)
        bits.push(
          v.flags
            .split(',')
            .map((x) => FLAG_WORDS[x]?.() ?? x)
            .join(', '),
        );
      items.sites.push({ ...item, summary: bits.join(' · ') });
    } else if (f.layer === 'crossings') {
      const status = verdicts.crossings[f.id] as keyof typeof CROSSING_STATUS_LABELS | undefined;
      if (!status) continue;
      const kind = f.kind === 'international' ? m.list_border_crossing() : m.list_crossline_point();
      items.crossings.push({
        ...item,
        summary: `${kind} · ${CROSSING_STATUS_LABELS[status].toLocaleLowerCase(intlLocale())}`,
      });
    } else {
      const v = verdicts.corridors[f.id];
      if (!v) continue;
      const label =
        CORRIDOR_STATUS_STYLES[v.status as CorridorStatusName]?.label.toLocaleLowerCase(intlLocale());
      items.corridors.push({
        ...item,
        summary: label ? `${m.kind_aid_corridor()} · ${label}` : m.kind_aid_corridor(),
      });
    }
  }
  return [
    ...items.sites.sort(byName),
    ...items.crossings.sort(byName),
    ...items.corridors.sort(byName),
  ].slice(0, TILED_LIST_MAX);
}
