import { endSessions, listAccounts, resetPassword, setDisabled, setRole } from '../../auth/accountAdmin';
import { AccountError, addUser } from '../../auth/userRepository';
import { role } from '../../auth/roles';
import { openDatabase, type Database } from '../../db/client';
import { databaseOptionsOf } from '../../db/databaseOptionsOf';
import { readEnv } from '../../env';
import { CliUsageError } from '../cliError';
import { columns } from '../formatTable';
import { parseArgs } from '../parseArgs';
import { readNewPassword } from '../readPassword';
import type { CliIo, Command } from './command';

const ROLES = role.options.join('|');

/** What each action needs besides --email, and does. */
const actions: Record<
  string,
  {
    email: boolean;
    role: boolean;
    run: (db: Database, o: { email: string; role: string }, io: CliIo) => Promise<void>;
  }
> = {
  list: {
    email: false,
    role: false,
    run: async (db, _o, io) => {
      const rows = await listAccounts(db);
      const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '');
      io.stdout(
        `${columns(
          ['e-mail', 'role', 'state', 'last sign-in (UTC)', 'sessions'],
          rows.map((a) => [
            a.email,
            a.role,
            a.disabledAt ? 'disabled' : 'active',
            when(a.lastSignInAt),
            String(a.activeSessions),
          ]),
        )}\n`,
      );
    },
  },
  add: {
    email: true,
    role: true,
    run: async (db, o, io) => {
      const u = await addUser(db, {
        email: o.email,
        password: await readNewPassword(),
        role: o.role as never,
      });
      io.stdout(`added ${u?.email} (${u?.role})\n`);
    },
  },
  'set-role': {
    email: true,
    role: true,
    run: async (db, o, io) => {
      const r = await setRole(db, o.email, o.role);
      io.stdout(`${normal(o.email)} is now ${o.role}; ${ended(r.sessionsEnded)}\n`);
    },
  },
  disable: {
    email: true,
    role: false,
    run: async (db, o, io) => {
      const r = await setDisabled(db, o.email, true);
      io.stdout(`disabled ${normal(o.email)}; ${ended(r.sessionsEnded)}\n`);
    },
  },
  enable: {
    email: true,
    role: false,
    run: async (db, o, io) => {
      await setDisabled(db, o.email, false);
      io.stdout(`enabled ${normal(o.email)}\n`);
    },
  },
  'reset-password': {
    email: true,
    role: false,
    run: async (db, o, io) => {
      const r = await resetPassword(db, o.email, await readNewPassword());
      io.stdout(`password changed for ${normal(o.email)}; ${ended(r.sessionsEnded)}\n`);
    },
  },
  'end-sessions': {
    email: true,
    role: false,
    run: async (db, o, io) => {
      const r = await endSessions(db, o.email);
      io.stdout(`${ended(r.sessionsEnded)} for ${normal(o.email)}\n`);
    },
  },
};
// The name of the first version, kept so that scripts using it go on working.
actions.passwd = actions['reset-password'];

const normal = (email: string) => email.trim().toLowerCase();
const ended = (n: number) => `${n} session${n === 1 ? '' : 's'} ended`;

export const userCommand: Command = {
  name: 'user',
  summary: 'list and administer accounts (add, set-role, disable, enable, reset-password, end-sessions)',
  usage: `Usage: corridor user list
       corridor user add --email ADDRESS --role ${ROLES}
       corridor user set-role --email ADDRESS --role ${ROLES}
       corridor user disable --email ADDRESS
       corridor user enable --email ADDRESS
       corridor user reset-password --email ADDRESS      (also: passwd)
       corridor user end-sessions --email ADDRESS

list            every account: role, active or disabled, last sign-in, open sessions
add             a new account; the first administrator is made this way
set-role        viewer (reads restricted records), editor (edits them) or admin (also accounts, confidential)
disable/enable  a disabled account cannot sign in; its data and history stay
reset-password  a new password for the account
end-sessions    signs the account out everywhere

Changing a role or a password and disabling an account sign it out everywhere. The last active
administrator can be neither demoted nor disabled.

Passwords are read from standard input when it is piped (echo "…" | corridor user add …), otherwise asked
twice on the terminal; never given as an argument. At least 12 characters.

Uses the same database as the server: DATABASE_URL when set, otherwise the embedded database in DATA_DIR
(default ./data). The embedded database takes one process at a time: while the server runs on it, this
command stops with a message; stop the server first, or use the /admin page of the running server instead.

Exit codes: 0 done, 2 bad input (the message names the field), 1 unexpected failure.`,
  async run(argv, io) {
    const { positionals, options } = parseArgs(argv, ['email', 'role'], ['help']);
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    const [name, ...extra] = positionals;
    const action = name === undefined ? undefined : actions[name];
    if (!action)
      throw new CliUsageError(
        `${name === undefined ? 'say' : `unknown action "${name}": say`} one of ${Object.keys(actions)
          .filter((a) => a !== 'passwd')
          .join(', ')}`,
      );
    if (extra.length > 0) throw new CliUsageError(`unexpected argument "${extra[0]}"`);
    const { email, role: roleName } = options;
    if (action.email && typeof email !== 'string') throw new CliUsageError('--email is required');
    if (!action.email && email !== undefined) throw new CliUsageError(`--email is not for "user ${name}"`);
    if (action.role) {
      if (typeof roleName !== 'string')
        throw new CliUsageError(`--role is required (${role.options.join(', ')})`);
      if (!role.safeParse(roleName).success)
        throw new CliUsageError(
          `--role must be ${role.options.join(', ').replace(/, (\w+)$/, ' or $1')}, not "${roleName}"`,
        );
    } else if (roleName !== undefined) throw new CliUsageError(`--role is not for "user ${name}"`);

    const env = readEnv();
    const db = await openDatabase(databaseOptionsOf(env));
    try {
      await action.run(db.db, { email: String(email ?? ''), role: String(roleName ?? '') }, io);
      return 0;
    } catch (e) {
      if (e instanceof AccountError) throw new CliUsageError(e.message);
      throw e;
    } finally {
      await db.close();
    }
  },
};
