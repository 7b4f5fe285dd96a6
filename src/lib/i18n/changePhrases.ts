// Compare mode's change lines in the interface's language: the domain writes them from a table of phrases
// (src/lib/domain/analysis/compare/changePhrases.ts, English by default for the command line, the CSV and
// the feeds); this builds the table from the translated messages. The facts in a line (names, sources,
// notes) stay as written in the data; dates and numbers go through format.ts.
import type { ChangePhrases } from '$lib/domain/analysis/compare/changePhrases';
import type { Reason } from '$lib/domain/schemas';
import { REASON_LABELS } from '$lib/map/analysisDetails';
import { reasonDetail } from '$lib/map/reasonDetail';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatDate, formatNumber } from './format';

/**
 * The phrases of `locale`. A reason is written as its detail in `locale` (src/lib/map/reasonDetail.ts);
 * `featureName` names the feature a reason is about, for a detail that cannot be translated: it is then
 * written as its translated label and that name.
 */
export function changePhrases(
  locale: Locale = getLocale(),
  featureName: (id: string) => string | undefined = () => undefined,
): ChangePhrases {
  const o = { locale };
  const arabic = locale === 'ar';
  return {
    status: {
      open: m.change_status_open({}, o),
      at_risk: m.change_status_at_risk({}, o),
      blocked: m.change_status_blocked({}, o),
      restricted: m.change_status_restricted({}, o),
      closed: m.change_status_closed({}, o),
    },
    access: {
      internal: m.change_access_internal({}, o),
      crossline_only: m.change_access_crossline_only({}, o),
      cross_border_only: m.change_access_cross_border_only({}, o),
      cut_off: m.change_access_cut_off({}, o),
      inactive: m.change_access_inactive({}, o),
    },
    flag: {
      protection: m.change_flag_protection({}, o),
      cross_border: m.change_flag_cross_border({}, o),
      crossline: m.change_flag_crossline({}, o),
      cut_off: m.change_flag_cut_off({}, o),
      famine: m.change_flag_famine({}, o),
      besieged: m.change_flag_besieged({}, o),
    },
    crossingTitle: (name, was, now) => m.change_crossing_title({ name, was, now }, o),
    corridorTitle: (name, was, now) => m.change_corridor_title({ name, was, now }, o),
    siteTitle: (name, was, now) => m.change_site_title({ name, was, now }, o),
    siteStill: (name, now) => m.change_site_still({ name, now }, o),
    notInForce: (date) => m.change_not_in_force({ date }, o),
    noLongerInForce: (date) => m.change_no_longer_in_force({ date }, o),
    notListed: (date) => m.change_not_listed({ date }, o),
    statusSince: (status, since, source, note) => {
      const text = m.change_status_since_source({ status, since, source }, o);
      return note ? m.change_with_note({ text, note }, o) : text;
    },
    statusSinceShort: (status, since) => m.change_status_since({ status, since }, o),
    onDate: (date, what) => m.change_on_date({ date, what }, o),
    nothingInTheWay: m.change_nothing_in_the_way({}, o),
    andMore: (n) => m.change_and_more({ count: formatNumber(n, 0, locale) }, o),
    // Arabic has its own semicolon and comma.
    reasonSeparator: arabic ? '؛ ' : '; ',
    listSeparator: arabic ? '، ' : ', ',
    flagsGained: (flags) => m.change_flags_gained({ flags }, o),
    flagsLost: (flags) => m.change_flags_lost({ flags }, o),
    people: (n) => m.change_people({ count: formatNumber(n, 0, locale) }, o),
    date: (iso) => formatDate(iso, locale),
    reason: (r: Reason) => {
      // The analysis's detail in this language; one whose English sentence is not recognised is said by
      // the reason's label and the feature it names.
      const d = reasonDetail(r, locale);
      return d.lang === undefined
        ? d.text
        : m.change_reason(
            { label: REASON_LABELS[r.code] ?? r.code, feature: featureName(r.featureId) ?? r.featureId },
            o,
          );
    },
  };
}
