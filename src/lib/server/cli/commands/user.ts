import { resolve } from 'node:path';
import { AccountError, addUser, setPassword } from '../../auth/userRepository';
import { role, type Role } from '../../auth/roles';
import { openDatabase } from '../../db/client';
import { readEnv } from '../../env';
import { CliUsageError } from '../cliError';
import { parseArgs } from '../parseArgs';
import { readNewPassword } from '../readPassword';
import type { Command } from './command';

/** `viewer, editor or admin` */
const roleNames = `${role.options.slice(0, -1).join(', ')} or ${role.options.at(-1)}`;

export const userCommand: Command = {
  name: 'user',
  summary: 'add an account or change its password',
  usage: `Usage: corridor user add --email ADDRESS --role viewer|editor|admin
       corridor user passwd --email ADDRESS

Creates an account, or sets a new password for one. Roles: a viewer reads restricted records and plans
convoys but changes nothing; an editor also edits and imports public and restricted records; an admin also
sees and edits confidential ones. The password is read from standard input when it is
piped (echo "…" | corridor user add …), otherwise asked twice on the terminal; never given as an argument.
At least 12 characters.

Uses the same database as the server: DATABASE_URL when set, otherwise the embedded database in DATA_DIR
(default ./data). Stop the server first when it uses the embedded database: only one process may open it.

Exit codes: 0 done, 2 bad input (the message names the field), 1 unexpected failure.`,
  async run(argv, io) {
    const { positionals, options } = parseArgs(argv, ['email', 'role'], ['help']);
    if (options.help) {
      io.stdout(`${this.usage}\n`);
      return 0;
    }
    const [action, ...extra] = positionals;
    if (action !== 'add' && action !== 'passwd') throw new CliUsageError('say "user add" or "user passwd"');
    if (extra.length > 0) throw new CliUsageError(`unexpected argument "${extra[0]}"`);
    const email = options.email;
    if (typeof email !== 'string') throw new CliUsageError('--email is required');
    const roleName = options.role;
    if (action === 'add') {
      if (typeof roleName !== 'string') throw new CliUsageError(`--role is required (${roleNames})`);
      if (!role.safeParse(roleName).success)
        throw new CliUsageError(`--role must be ${roleNames}, not "${roleName}"`);
    } else if (roleName !== undefined) throw new CliUsageError('--role is only for "user add"');

    const env = readEnv();
    const db = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR.startsWith('memory://') ? env.DATA_DIR : resolve(env.DATA_DIR),
      migrationsFolder: resolve(env.MIGRATIONS_DIR),
    });
    try {
      const password = await readNewPassword();
      if (action === 'add') {
        const u = await addUser(db.db, { email, password, role: roleName as Role });
        io.stdout(`added ${u?.email} (${u?.role})\n`);
      } else {
        await setPassword(db.db, email, password);
        io.stdout(`password changed for ${email.trim().toLowerCase()}\n`);
      }
      return 0;
    } catch (e) {
      if (e instanceof AccountError) throw new CliUsageError(e.message);
      throw e;
    } finally {
      await db.close();
    }
  },
};
