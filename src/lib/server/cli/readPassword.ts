import { createInterface } from 'node:readline';

/** Reads all of standard input and returns its first line (a password piped in by a script). */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
function ask(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    out._writeToOutput = (s: string) => {
      // Show the prompt once, never the characters typed.
      if (!prompted) process.stderr.write(prompt);
      prompted = true;
      if (s.includes('\n')) process.stderr.write('\n');
    };
    rl.question(prompt, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

/**
 * A new password: from standard input when it is not a terminal (`echo … | corridor user add …`), otherwise
 * asked twice on the terminal without echo. Never from the command line, where it would stay in the history.
 */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await ask('New password: ');
  const second = await ask('Repeat it: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}
