// In the browser the language is the one the server rendered the page in (`<html lang>`, set from
// `?lang=`, the cookie, Accept-Language or English in hooks.server.ts): reading it back keeps hydration and
// client-side navigation in that language. Switching language is a link with `?lang=` (LanguageSwitcher),
// a page load the server answers, so there is nothing to store here.
import { defineCustomClientStrategy } from '$lib/paraglide/runtime';
import { asLocale } from './languages';

export function defineClientLocaleStrategies(): void {
  defineCustomClientStrategy('custom-query', {
    getLocale: () => asLocale(document.documentElement.lang),
    setLocale: () => {},
  });
  defineCustomClientStrategy('custom-remembered', {
    getLocale: () => undefined,
    setLocale: () => {},
  });
}
