import { z } from 'zod';

/** An e-mail address as accounts use it: trimmed and lower-cased, so logins are case-insensitive. */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an e-mail address' }));

/** Passwords: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPassword = z
  .string()
  .min(12, 'must have at least 12 characters')
  .max(256, 'must have at most 256 characters');
