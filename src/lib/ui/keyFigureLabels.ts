// The names of the key figures of a date in the interface's language. The domain's KEY_FIGURES keep their
// English labels for the CSV downloads and the CLI; the interface names a figure by its key.
import type { Totals } from '$lib/domain/schemas';
import { m } from '$lib/paraglide/messages';

const LABELS: Record<keyof Totals, () => string> = {
  peopleCutOff: m.figure_peopleCutOff,
  peopleBesieged: m.figure_peopleBesieged,
  peopleFamine: m.figure_peopleFamine,
  sitesCutOff: m.figure_sitesCutOff,
  sitesBesieged: m.figure_sitesBesieged,
  sitesFamine: m.figure_sitesFamine,
  sitesInactive: m.figure_sitesInactive,
  corridorsBlocked: m.figure_corridorsBlocked,
  corridorsAtRisk: m.figure_corridorsAtRisk,
  crossingsClosed: m.figure_crossingsClosed,
  crossingsRestricted: m.figure_crossingsRestricted,
};

/** "People in cut-off sites", "الأشخاص في مواقع معزولة"… */
export function keyFigureLabel(key: keyof Totals): string {
  return LABELS[key]();
}
