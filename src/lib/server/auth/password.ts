import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from Node's own crypto (OpenSSL): no native add-on to build. Parameters follow OWASP's password
// storage guidance for scrypt (N=2^16, r=8, p=2: 64 MiB per hash); they are stored with each hash so they
// can be raised later without invalidating old passwords.
const N = 2 ** 16;
const r = 8;
const p = 2;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, o: ScryptOptions, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keylen, { ...o, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p }, KEY_LENGTH);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const key = await derive(
    password,
    Buffer.from(saltText, 'base64url'),
    { N: Number(n), r: Number(rr), p: Number(pp) },
    expected.length,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}
