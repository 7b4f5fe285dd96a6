// Open redirect: after signing in, `/login?next=…` may only lead to a path of this site.
import { describe, expect, it } from 'vitest';
import { safeNext } from '$lib/server/auth/safeNext';

const ORIGIN = 'http://127.0.0.1:3000';
/** What `url.searchParams.get('next')` gives for the query string as typed in a link. */
const nextOf = (query: string) => new URL(`/login?next=${query}`, ORIGIN).searchParams.get('next');

describe('safeNext', () => {
  it.each([
    ['/%5Cevil.example', 'a backslash, which browsers read as a slash'],
    ['//evil.example', 'a protocol-relative URL'],
    ['https://evil.example', 'an absolute URL'],
    ['/%09/evil.example', 'a tab, which URL parsers drop'],
    ['/%5Ctevil', 'a backslash before a letter'],
    ['%2F%2Fevil.example', 'an encoded protocol-relative URL'],
    ['javascript:alert(1)', 'a script URL'],
    ['/%0D%0ALocation:%20https://evil.example', 'a line break'],
    ['', 'nothing'],
  ])('refuses %s (%s): sends to /', (query) => {
    const next = nextOf(query);
    expect(safeNext(next, ORIGIN)).toBe('/');
    // and whatever it gives resolves to this site
    expect(new URL(safeNext(next, ORIGIN), ORIGIN).origin).toBe(ORIGIN);
  });

  it('refuses a literal tab after the slash', () => {
    expect(safeNext('/\tevil', ORIGIN)).toBe('/');
    expect(safeNext('/\t/evil.example', ORIGIN)).toBe('/');
  });

  it('keeps a path of this site with its query and fragment', () => {
    expect(safeNext(nextOf('%2Fdata%3Fsection%3Dimport'), ORIGIN)).toBe('/data?section=import');
    expect(safeNext('/admin', ORIGIN)).toBe('/admin');
    expect(safeNext('/?sel=sd_zamzam&date=2024-08-15#map', ORIGIN)).toBe(
      '/?sel=sd_zamzam&date=2024-08-15#map',
    );
    expect(safeNext(null, ORIGIN)).toBe('/');
  });
});
