import { crossingStatusOn, isValidOn } from '$lib/domain/asOf';
import { siteFindingsOn } from '$lib/domain/siteFindingsOn';
import type { Situation } from '$lib/domain/schemas';
import { CORRIDOR_STATUS_STYLES, type CorridorStatusName } from './corridorsLayer';
import { CROSSING_STATUS_LABELS } from './crossingsLayer';
import type { MapAnnotations } from './mapData';
import { SITE_KIND_LABELS } from './sitesLayer';
import { formatNumber, intlLocale } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

/** One entry of the keyboard-accessible feature list. */
export interface FeatureListItem {
  id: string;
  layer: 'sites' | 'crossings' | 'corridors';
  name: string;
  nameAr?: string;
  /** A few words under the name: kind and the figure or status of the day. */
  summary: string;
}

/** Flags in the list's few words. */
export const FLAG_WORDS: Record<string, () => string> = {
  protection: m.flagword_protection,
  cross_border: m.flagword_cross_border,
  crossline: m.flagword_crossline,
  cut_off: m.flagword_cut_off,
  famine: m.flagword_famine,
  besieged: m.flagword_besieged,
};

export const STATUS_WORDS: Record<string, () => string> = {
  emptied: m.statusword_emptied,
  destroyed: m.statusword_destroyed,
  closed: m.statusword_closed,
  relocated: m.statusword_relocated,
};

/**
 * The sites, crossings and corridors that count on `asOf`, each group by name: the list a keyboard or
 * screen-reader user selects features from instead of clicking the map. With the analysis' annotations,
 * a corridor's summary says its status and a site's its flags, so the list tells what the colours do.
 */
export function featureList(
  situation: Situation,
  asOf: string,
  annotations: MapAnnotations = {},
): FeatureListItem[] {
  const byName = (a: FeatureListItem, b: FeatureListItem) => a.name.localeCompare(b.name, 'en');
  const sites = situation.sites
    .filter((s) => isValidOn(s.properties, asOf))
    .map((s): FeatureListItem => {
      const fig = siteFindingsOn(s, asOf);
      const bits = [SITE_KIND_LABELS[s.properties.kind] ?? s.properties.kind];
      if (fig.population) bits.push(m.list_people({ count: formatNumber(fig.population.value) }));
      if (fig.finding?.ipcPhase) bits.push(`IPC ${fig.finding.ipcPhase}`);
      const status = annotations.siteStatus?.[s.properties.id]?.status;
      if (status && status !== 'active') bits.push(STATUS_WORDS[status]?.() ?? status);
      const flags = annotations.siteFlags?.[s.properties.id] ?? [];
      if (flags.length > 0) bits.push(flags.map((f) => FLAG_WORDS[f]?.() ?? f).join(', '));
      return {
        id: s.properties.id,
        layer: 'sites',
        name: s.properties.name,
        nameAr: s.properties.nameAr,
        summary: bits.join(' · '),
      };
    })
    .sort(byName);
  const crossings = situation.crossings
    .filter((c) => isValidOn(c.properties, asOf))
    .flatMap((c): FeatureListItem[] => {
      const st = crossingStatusOn(c, asOf);
      if (!st) return [];
      const kind =
        c.properties.kind === 'international' ? m.list_border_crossing() : m.list_crossline_point();
      return [
        {
          id: c.properties.id,
          layer: 'crossings',
          name: c.properties.name,
          nameAr: c.properties.nameAr,
          summary: `${kind} · ${CROSSING_STATUS_LABELS[st.status].toLocaleLowerCase(intlLocale())}`,
        },
      ];
    })
    .sort(byName);
  const corridors = situation.corridors
    .filter((c) => isValidOn(c.properties, asOf))
    .map((c): FeatureListItem => {
      const status = annotations.corridorStatus?.[c.properties.id] as CorridorStatusName | undefined;
      const label = status && CORRIDOR_STATUS_STYLES[status]?.label.toLocaleLowerCase(intlLocale());
      return {
        id: c.properties.id,
        layer: 'corridors',
        name: c.properties.name,
        nameAr: c.properties.nameAr,
        summary: label ? `${m.kind_aid_corridor()} · ${label}` : m.kind_aid_corridor(),
      };
    })
    .sort(byName);
  return [...sites, ...crossings, ...corridors];
}
