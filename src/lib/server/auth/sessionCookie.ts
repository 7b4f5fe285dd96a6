export const SESSION_COOKIE = 'corridor_session';

/** httpOnly, SameSite=Lax, and Secure whenever the app is reached over HTTPS. */
export function sessionCookieOptions(url: URL, expires: Date) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', expires };
}
