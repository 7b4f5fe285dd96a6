// The interface's languages, each named in itself (the switcher shows these names), and their direction.
import { locales, type Locale } from '$lib/paraglide/runtime';

export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  ar: 'العربية',
  fr: 'Français',
};

/** The query parameter that picks the language, e.g. `/?lang=ar`. */
export const LANG_PARAM = 'lang';

/** The cookie that remembers a language picked by `?lang=`, so links without it keep the language. */
export const LANG_COOKIE = 'lang';

export function textDirection(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** `value` when it names one of the interface's languages, else undefined. */
export function asLocale(value: string | null | undefined): Locale | undefined {
  return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : undefined;
}

/** The page's language as Open Graph writes it (`og:locale`), for the link previews of the briefs. */
export function ogLocale(locale: Locale): string {
  return { en: 'en_GB', fr: 'fr_FR', ar: 'ar_SD' }[locale];
}
