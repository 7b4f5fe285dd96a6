// ISO 3166-1 codes (i18n-iso-countries): sites carry an alpha-3 code, files carry alpha-2 codes, numeric
// codes (Natural Earth, ACLED's `iso`), or English or Arabic names.
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);
countries.registerLocale(ar);

/**
 * The alpha-3 code of a country written as an alpha-3 or alpha-2 code, a numeric code, or an English or
 * Arabic name. Undefined when it is none of these.
 *
 * @example toAlpha3('sd') // 'SDN'
 * @example toAlpha3('729') // 'SDN'
 * @example toAlpha3('Chad') // 'TCD'
 */
export function toAlpha3(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  if (/^\d{1,3}$/.test(s)) return countries.numericToAlpha3(s.padStart(3, '0'));
  const upper = s.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && countries.isValid(upper)) return upper;
  if (/^[A-Z]{2}$/.test(upper)) return countries.alpha2ToAlpha3(upper);
  return countries.getAlpha3Code(s, 'en') ?? countries.getAlpha3Code(s, 'ar');
}

/** The English name of an alpha-3 code, for messages: `'TCD'` → `'Chad'`. */
export function countryName(alpha3: string): string {
  return countries.getName(alpha3, 'en') ?? alpha3;
}

/** The alpha-2 code of an alpha-3 code (the first letters of a P-code): `'TCD'` → `'TD'`. */
export function toAlpha2(alpha3: string): string | undefined {
  return countries.alpha3ToAlpha2(alpha3.trim().toUpperCase()) ?? undefined;
}
