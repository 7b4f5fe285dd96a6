// The sign-in form's refusals in the request's language. The English sentences are signIn's own (also what
// its tests and the logs read); other languages say the same from the result's status and wait.
import type { SignInResult } from '$lib/server/auth/signIn';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export function signInMessage(result: Extract<SignInResult, { ok: false }>): string {
  if (getLocale() === 'en') return result.message;
  if (result.status === 400) return m.login_wrong();
  const seconds = result.retryAfterSeconds;
  const wait =
    seconds < 90
      ? m.wait_seconds({ count: formatNumber(seconds) })
      : m.wait_minutes({ count: formatNumber(Math.ceil(seconds / 60)) });
  return result.status === 429 ? m.login_too_many({ wait }) : m.login_busy({ wait });
}
