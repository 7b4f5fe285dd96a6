// Words and numbers of /hotspots, its brief and the map's protection and actor panels, shared so that a
// figure reads the same everywhere (and in a newsroom's link preview).
import type { GuardReason, ProtectionNeeds } from '$lib/domain/analysis';
import type { ClaimConfidence, ReasonCode, SupportKind, Totals } from '$lib/domain/schemas';
import { m } from '$lib/paraglide/messages';
import { formatDate, formatList, formatNumber } from '$lib/i18n/format';
import { REASON_LABELS } from '$lib/map/analysisDetails';
import { reasonDetail } from '$lib/map/reasonDetail';

/** 1500000 → "1,500,000" (in the interface's language: "1 500 000" in French). */
export function formatCount(n: number): string {
  return formatNumber(n);
}

/** 1076.348 → "1,076.3 km". */
export function formatKm(km: number): string {
  return m.km({ value: formatNumber(km, 1) });
}

/** "3 sites", "1 site", in the interface's language (Arabic counts as "مواقع عددها 3"). */
export function countOf(n: number, what: 'sites' | 'corridors' | 'crossings'): string {
  const count = formatCount(n);
  switch (what) {
    case 'sites':
      return n === 1 ? m.count_sites_one() : m.count_sites({ count });
    case 'corridors':
      return n === 1 ? m.count_corridors_one() : m.count_corridors({ count });
    case 'crossings':
      return n === 1 ? m.count_crossings_one() : m.count_crossings({ count });
  }
}

// Label tables are getters so that the server, rendering many languages with the same module, reads the
// request's language each time (docs/i18n.md).
export const SUPPORT_LABELS: Record<SupportKind, string> = {
  get arms() {
    return m.support_arms();
  },
  get financial() {
    return m.support_financial();
  },
  get fighters() {
    return m.support_fighters();
  },
  get logistics() {
    return m.support_logistics();
  },
  get political() {
    return m.support_political();
  },
  get training() {
    return m.support_training();
  },
};

/** A claim's confidence in a word ("medium"), as the claim panels write it after "confidence". */
export const CONFIDENCE_LEVELS: Record<ClaimConfidence, string> = {
  get low() {
    return m.claim_level_low();
  },
  get medium() {
    return m.claim_level_medium();
  },
  get high() {
    return m.claim_level_high();
  },
};

/** What a confidence means ("acknowledged or beyond dispute"). */
export const CONFIDENCE_REASONS: Record<ClaimConfidence, string> = {
  get low() {
    return m.claim_why_low();
  },
  get medium() {
    return m.claim_why_medium();
  },
  get high() {
    return m.claim_why_high();
  },
};

export const GUARD_LABELS: Record<GuardReason, string> = {
  get violence_against_aid() {
    return m.guard_violence_against_aid();
  },
  get serves_protected_site() {
    return m.guard_serves_protected_site();
  },
};

/** The key figures of a date, in the order the page, the brief and the link preview give them. */
export function keyFigures(
  totals: Totals,
  needs: ProtectionNeeds,
): { label: string; value: string; detail: string }[] {
  const sites = (n: number) => countOf(n, 'sites');
  return [
    {
      label: m.figure_peopleCutOff(),
      value: formatCount(totals.peopleCutOff),
      detail: sites(totals.sitesCutOff),
    },
    {
      label: m.figure_peopleBesieged(),
      value: formatCount(totals.peopleBesieged),
      detail: sites(totals.sitesBesieged),
    },
    {
      label: m.figure_peopleFamine(),
      value: formatCount(totals.peopleFamine),
      detail: sites(totals.sitesFamine),
    },
    {
      label: m.figure_peopleProtection(),
      value: formatCount(needs.totals.people),
      detail: needs.totals.sitesWithoutFigure
        ? m.key_without_count({
            sites: sites(needs.totals.sites),
            count: formatCount(needs.totals.sitesWithoutFigure),
          })
        : sites(needs.totals.sites),
    },
    {
      label: m.figure_corridorsBlocked(),
      value: formatCount(totals.corridorsBlocked),
      detail: m.key_at_risk({ count: formatCount(totals.corridorsAtRisk) }),
    },
    {
      label: m.figure_crossingsClosed(),
      value: formatCount(totals.crossingsClosed),
      detail: m.key_restricted({ count: formatCount(totals.crossingsRestricted) }),
    },
  ];
}

/** One sentence of the date's figures: the page's description and its link preview. */
export function previewText(asOf: string, totals: Totals, needs: ProtectionNeeds): string {
  return m.hs_preview({
    date: formatDate(asOf),
    cutOff: formatCount(totals.peopleCutOff),
    besieged: formatCount(totals.peopleBesieged),
    famine: formatCount(totals.peopleFamine),
    protection: formatCount(needs.totals.people),
    sites: countOf(needs.totals.sites, 'sites'),
    km: formatKm(needs.totals.corridorKm),
    corridors: countOf(totals.corridorsBlocked, 'corridors'),
    atRisk: formatCount(totals.corridorsAtRisk),
    crossings: countOf(totals.crossingsClosed, 'crossings'),
  });
}

/** What a mandate would have to cover, in a sentence. */
export function mandateText(needs: ProtectionNeeds): string {
  const t = needs.totals;
  const p = needs.params;
  const buffer = formatKm(p.guardBufferKm);
  const days = formatCount(p.guardWindowDays);
  return m.mandate_text({
    date: formatDate(needs.asOf),
    people: formatCount(t.people),
    sites: countOf(t.sites, 'sites'),
    withoutCount: t.sitesWithoutFigure
      ? m.mandate_without_count({ count: formatCount(t.sitesWithoutFigure) })
      : '',
    corridors: countOf(t.corridors, 'corridors'),
    km: formatKm(t.corridorKm),
    incidents:
      t.incidents === 1
        ? m.mandate_incidents_one({ buffer, days })
        : m.mandate_incidents({ count: formatCount(t.incidents), buffer, days }),
  });
}

/** How far an incident is from a corridor: "on it" when it is on the line (to the metres of the data). */
export function offLine(km: number): string {
  return km < 0.05 ? m.hs_on_line() : m.hs_off_line({ km: formatKm(km) });
}

/**
 * A reason of the analysis as the interface shows it: its detail (which incident, how far) in the
 * interface's language (src/lib/map/reasonDetail.ts). A detail whose English sentence is not recognised is
 * said by its translated short label, since this text has no room to mark a sentence as English.
 */
export function reasonText(r: { code: string; detail: string }): string {
  const d = reasonDetail(r);
  return d.lang === undefined ? d.text : (REASON_LABELS[r.code as ReasonCode] ?? r.code);
}

/** The sensitivities a staff view includes, as words: "public, restricted and confidential". */
export function recordsText(sees: string[]): string {
  const word = (s: string) =>
    s === 'public'
      ? m.sensitivity_public()
      : s === 'restricted'
        ? m.sensitivity_restricted()
        : s === 'confidential'
          ? m.sensitivity_confidential()
          : s;
  return formatList(sees.map(word));
}
