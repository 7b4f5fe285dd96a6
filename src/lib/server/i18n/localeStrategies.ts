// How the server picks the language of a request (the order is in paraglide.config.js): `?lang=` first,
// then the language an earlier `?lang=` chose (the cookie), then Paraglide's own Accept-Language and
// English. Defined once, when hooks.server.ts is loaded.
import { defineCustomServerStrategy } from '$lib/paraglide/runtime';
import { LANG_COOKIE, LANG_PARAM, asLocale } from '$lib/i18n/languages';

export function defineServerLocaleStrategies(): void {
  defineCustomServerStrategy('custom-query', {
    getLocale: (request) =>
      request ? asLocale(new URL(request.url).searchParams.get(LANG_PARAM)) : undefined,
  });
  defineCustomServerStrategy('custom-remembered', {
    getLocale: (request) => asLocale(cookieValue(request?.headers.get('cookie'), LANG_COOKIE)),
  });
}

function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
