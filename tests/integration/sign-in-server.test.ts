// Signing in against the built server started as a user starts it (`npm start`, i.e. scripts/start.js,
// without ORIGIN): the sign-in form works at every address the server prints, cross-site posts are still
// refused, `next=` cannot send a signed-in user to another site, and refusals carry Retry-After.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '$lib/server/auth/userRepository';
import { openDatabase } from '$lib/server/db/client';
import { freePort } from '../helpers/builtServer';

const EMAIL = 'coordinator@example.org';
const PASSWORD = 'correct horse battery';
const dataDir = mkdtempSync(join(tmpdir(), 'corridor-start-'));
let child: ChildProcess;
let output = '';
/** The addresses the server printed: ours ("serving on") and the Node adapter's ("Listening on"). */
let printed: string[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-if-needed.js'], { stdio: 'inherit' });
  const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
  await addUser(db.db, { email: EMAIL, password: PASSWORD, role: 'editor' });
  await db.close();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SHUTDOWN_TIMEOUT: '1',
    // As behind a proxy: the client's address comes from X-Forwarded-For.
    ADDRESS_HEADER: 'x-forwarded-for',
  };
  delete env.ORIGIN;
  child = spawn(process.execPath, ['scripts/start.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 90_000;
  while (!/Listening on /.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  printed = [...output.matchAll(/(?:serving on|Listening on) (http:\/\/\S+)/g)].map((m) => m[1]);
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** The sign-in form posted as a browser showing `origin` posts it (no JavaScript), from `client`. */
function postLogin(origin: string, body: Record<string, string>, query = '', client = '192.0.2.1') {
  return fetch(`${origin}/login${query}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      'x-forwarded-for': client,
    },
    body: new URLSearchParams(body).toString(),
  });
}

describe('signing in on the server as `npm start` runs it', () => {
  it('prints 127.0.0.1 for HOST=127.0.0.1, and the sign-in works at every address printed', async () => {
    expect(printed.length).toBe(2);
    for (const address of printed) {
      expect(new URL(address).hostname).toBe('127.0.0.1');
      const r = await postLogin(address, { email: EMAIL, password: PASSWORD });
      expect(r.status, `${address}: ${await r.clone().text()}`).toBe(303);
      expect(r.headers.get('location')).toBe('/');
      expect(r.headers.get('set-cookie')).toMatch(/^corridor_session=[\w-]+;/);
    }
  });

  it('still refuses a sign-in form posted from another site', async () => {
    const r = await fetch(`${printed[0]}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: 'http://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': '192.0.2.1',
      },
      body: new URLSearchParams({ email: EMAIL, password: PASSWORD }).toString(),
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('after signing in, next= leads only to a path of this site', async () => {
    const base = printed[0];
    const signedIn = await postLogin(base, { email: EMAIL, password: PASSWORD }, '?next=%2F%5Cevil.example');
    expect(signedIn.headers.get('location')).toBe('/');
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
    const goTo = async (next: string) =>
      (
        await fetch(`${base}/login?next=${next}`, {
          redirect: 'manual',
          headers: { cookie, 'x-forwarded-for': '192.0.2.1' },
        })
      ).headers.get('location');
    for (const evil of [
      '/%5Cevil.example',
      '//evil.example',
      'https://evil.example',
      '/%09/evil.example',
      '/%5Ctevil',
    ])
      expect(await goTo(evil), evil).toBe('/');
    expect(await goTo('%2Fdata%3Fsection%3Dimport')).toBe('/data?section=import');
  });

  it('a throttled sign-in is answered 429 with Retry-After', async () => {
    // Five free failures, then a wait of 1 s from each answer that doubles with each further failure. On a
    // loaded machine a request can reach the check after its wait ran out: it is then checked (400) and the
    // next wait is longer, so a 429 must come within a few attempts (the exact timing is checked with a
    // clock of the test's own in sign-in-throttle.test.ts).
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 10 && last?.status !== 429; i++) {
      last = await postLogin(printed[0], { email: 'someone@example.org', password: `wrong guess ${i}` });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await last!.text()).toContain('Too many failed sign-ins. Try again in');
  }, 60_000);

  it('behind a proxy (ADDRESS_HEADER), one address trying many accounts is slowed, others are not', async () => {
    // 20 free failures from one address, then waits that double (a 429 within a few more on a loaded machine).
    const statuses: number[] = [];
    for (let i = 0; i < 25 && statuses.at(-1) !== 429; i++)
      statuses.push(
        (
          await postLogin(
            printed[0],
            { email: `user${i}@example.org`, password: 'a wrong guess' },
            '',
            '198.51.100.7',
          )
        ).status,
      );
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(statuses.at(-1)).toBe(429);
    const elsewhere = await postLogin(
      printed[0],
      { email: 'user0@example.org', password: 'a wrong guess' },
      '',
      '198.51.100.8',
    );
    expect(elsewhere.status).toBe(400);
  }, 90_000);
});
