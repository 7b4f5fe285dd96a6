// The /admin page's state: the accounts as the server lists them, what is being done, what the last action
// did (a generated password is shown here once) and what went wrong, in words the administrator can act on.
import { TRPCClientError } from '@trpc/client';
import type { RouterInputs, RouterOutputs } from '$lib/server/trpc/router';
import { trpc } from '$lib/trpc/client';
import { userMessage } from '$lib/ui/errors';

export type Account = RouterOutputs['accounts']['list'][number];
export type Role = RouterInputs['accounts']['add']['role'];
export const ROLES: { value: Role; label: string }[] = [
  { value: 'viewer', label: 'viewer (reads restricted records)' },
  { value: 'editor', label: 'editor (also edits and imports)' },
  { value: 'admin', label: 'admin (also accounts and confidential records)' },
];

/** A refusal of the server that names a field (`email: an account for … already exists`). */
function fieldError(e: unknown): { field: string; message: string } | null {
  if (!(e instanceof TRPCClientError)) return null;
  const m = /^(email|password|role|disabled): (.*)$/s.exec(e.message);
  return m ? { field: m[1], message: m[2] } : null;
}

export class AccountsAdmin {
  accounts = $state<Account[]>([]);
  loaded = $state(false);
  /** The e-mail of the account an action is running for (or `new` while adding). */
  working = $state<string | null>(null);
  /** What the last action did, announced to screen readers. */
  notice = $state('');
  /** A password made by the server, to be passed on: shown once, then forgotten. */
  secret = $state<{ email: string; password: string } | null>(null);
  error = $state<string | undefined>(undefined);
  /** Problems of the "add an account" form, by field. */
  addErrors = $state<Record<string, string>>({});

  constructor(private readonly api = trpc.accounts) {}

  async load(): Promise<void> {
    try {
      this.accounts = await this.api.list.query();
      this.loaded = true;
    } catch (e) {
      this.fail(e, 'load the accounts');
    }
  }

  async add(input: { email: string; role: Role; password: string }): Promise<boolean> {
    this.addErrors = {};
    return this.act('new', 'add the account', async () => {
      const r = await this.api.add.mutate({
        email: input.email,
        role: input.role,
        password: input.password === '' ? undefined : input.password,
      });
      this.secret = r.password ? { email: r.email, password: r.password } : null;
      return `Added ${r.email} as ${r.role}.`;
    });
  }

  setRole(email: string, role: Role) {
    return this.act(email, 'change the role', async () => {
      const r = await this.api.setRole.mutate({ email, role });
      return `${email} is now ${role}. ${ended(r.sessionsEnded)}`;
    });
  }

  setDisabled(email: string, disabled: boolean) {
    return this.act(email, disabled ? 'disable the account' : 'enable the account', async () => {
      if (!disabled) {
        await this.api.enable.mutate({ email });
        return `${email} is enabled and may sign in again.`;
      }
      const r = await this.api.disable.mutate({ email });
      return `${email} is disabled and can no longer sign in. ${ended(r.sessionsEnded)}`;
    });
  }

  resetPassword(email: string) {
    return this.act(email, 'reset the password', async () => {
      const r = await this.api.resetPassword.mutate({ email });
      this.secret = r.password ? { email, password: r.password } : null;
      return `New password for ${email}. ${ended(r.sessionsEnded)}`;
    });
  }

  endSessions(email: string) {
    return this.act(email, 'end the sessions', async () => {
      const r = await this.api.endSessions.mutate({ email });
      return `${r.sessionsEnded} session${r.sessionsEnded === 1 ? '' : 's'} ended for ${email}.`;
    });
  }

  /** Runs one action, then shows what it did and the accounts as they now are; false when it failed. */
  private async act(who: string, what: string, work: () => Promise<string>): Promise<boolean> {
    this.working = who;
    this.error = undefined;
    this.secret = null;
    try {
      this.notice = await work();
      await this.load();
      return true;
    } catch (e) {
      const field = who === 'new' ? fieldError(e) : null;
      if (field) this.addErrors = { [field.field]: field.message };
      else this.fail(e, what);
      return false;
    } finally {
      this.working = null;
    }
  }

  private fail(e: unknown, what: string) {
    // The server's own sentence when it refused (last administrator, unknown account), else the UI's.
    const field = fieldError(e);
    this.error = field ? `Could not ${what}: ${field.message}.` : userMessage(e, what);
    this.notice = '';
    console.error(`corridor: could not ${what}:`, e);
  }
}

const ended = (n: number) => (n === 0 ? '' : `${n} session${n === 1 ? '' : 's'} ended.`);
