// The one place dates and numbers are formatted for people, in the interface's language.
//
// Dates are written with the month as a word, never as numbers only, so that 04/11/2025 cannot be read as
// April or November: "15 August 2024", "15 août 2024", "15 أغسطس 2024".
// Arabic uses the Sudanese conventions of Arabic (ar-SD: month names such as أغسطس) with Western digits
// (0–9): the identifiers, P-codes, coordinates and the browser's own date field the interface shows cannot be
// written otherwise, and one page mixing two sets of digits reads worse than either (docs/i18n.md).
import { getLocale, type Locale } from '$lib/paraglide/runtime';

const INTL_LOCALE: Record<Locale, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  ar: 'ar-SD-u-nu-latn',
};

/** The BCP 47 tag Intl formats the given (or current) interface language with. */
export function intlLocale(locale: Locale = getLocale()): string {
  return INTL_LOCALE[locale];
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `d:${locale}:${withTime}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } : {}),
    } as Intl.DateTimeFormatOptions);
    cache.set(key, f);
  }
  return f;
}

/** `2024-08-15` → `15 August 2024` (or the current language's words), for people and screen readers. */
export function formatDate(date: string, locale: Locale = getLocale()): string {
  return dateFormat(locale, false).format(new Date(`${date}T00:00:00Z`));
}

/** A moment (ISO string, epoch ms or Date) as date and time in UTC, e.g. `15 August 2024, 14:05 UTC`. */
export function formatDateTime(at: string | number | Date, locale: Locale = getLocale()): string {
  return dateFormat(locale, true).format(new Date(at));
}

/** A number with the current language's separators; `maximumFractionDigits` 0 unless given. */
export function formatNumber(n: number, maximumFractionDigits = 0, locale: Locale = getLocale()): string {
  const key = `n:${locale}:${maximumFractionDigits}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits });
    cache.set(key, f);
  }
  return f.format(n);
}

/** A month (1–12) as its short name, e.g. `Aug`, `août`, `أغسطس`. */
export function formatMonth(month: number, locale: Locale = getLocale()): string {
  const key = `m:${locale}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'short', timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f.format(Date.UTC(2000, month - 1, 1));
}

/** A change with its sign: "+12,000", "−411,538" (a real minus sign, as in print), "0". */
export function formatSigned(n: number, locale: Locale = getLocale()): string {
  const abs = formatNumber(Math.abs(n), 0, locale);
  return n > 0 ? `+${abs}` : n < 0 ? `−${abs}` : abs;
}

/** A short figure for a chart's axis: "250k", "2.5m" in English, "2,5 M" in French, "2.5 مليون" in Arabic. */
export function formatCompact(n: number, locale: Locale = getLocale()): string {
  const key = `c:${locale}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], { notation: 'compact', maximumFractionDigits: 2 });
    cache.set(key, f);
  }
  return f.format(n);
}

/** The month of a `YYYY-MM-DD` date with its year, e.g. `Jul 2024`, `juil. 2024`, `يوليو 2024`. */
export function formatMonthYear(date: string, locale: Locale = getLocale()): string {
  const key = `my:${locale}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f.format(new Date(`${date}T00:00:00Z`));
}

/** Words joined as the language joins a list: "public and restricted", "public et restricted"… */
export function formatList(items: string[], locale: Locale = getLocale()): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' }).format(items);
}
