// The /admin page's state: the accounts as the server lists them, what is being done, what the last action
// did (a generated password is shown here once) and what went wrong, in words the administrator can act on.
import { TRPCClientError } from '@trpc/client';
import type { RouterInputs, RouterOutputs } from '$lib/server/trpc/router';
import { roleName } from '$lib/i18n/roles';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { trpc } from '$lib/trpc/client';
import { userMessage } from '$lib/ui/errors';

export type Account = RouterOutputs['accounts']['list'][number];
export type Role = RouterInputs['accounts']['add']['role'];
/** The roles with what each may do, in the interface's language (getters: evaluated per request). */
export const ROLES: { value: Role; label: string }[] = [
  {
    value: 'viewer',
    get label() {
      return m.acc_role_viewer();
    },
  },
  {
    value: 'editor',
    get label() {
      return m.acc_role_editor();
    },
  },
  {
    value: 'admin',
    get label() {
      return m.acc_role_admin();
    },
  },
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
      this.fail(e, m.what_load_accounts());
    }
  }

  async add(input: { email: string; role: Role; password: string }): Promise<boolean> {
    this.addErrors = {};
    return this.act('new', m.what_add_account(), async () => {
      const r = await this.api.add.mutate({
        email: input.email,
        role: input.role,
        password: input.password === '' ? undefined : input.password,
      });
      this.secret = r.password ? { email: r.email, password: r.password } : null;
      return m.acc_added({ email: r.email, role: roleName(r.role) });
    });
  }

  setRole(email: string, role: Role) {
    return this.act(email, m.what_change_role(), async () => {
      const r = await this.api.setRole.mutate({ email, role });
      return withEnded(m.acc_now({ email, role: roleName(role) }), r.sessionsEnded);
    });
  }

  setDisabled(email: string, disabled: boolean) {
    return this.act(email, disabled ? m.what_disable_account() : m.what_enable_account(), async () => {
      if (!disabled) {
        await this.api.enable.mutate({ email });
        return m.acc_enabled({ email });
      }
      const r = await this.api.disable.mutate({ email });
      return withEnded(m.acc_disabled({ email }), r.sessionsEnded);
    });
  }

  resetPassword(email: string) {
    return this.act(email, m.what_reset_password(), async () => {
      const r = await this.api.resetPassword.mutate({ email });
      this.secret = r.password ? { email, password: r.password } : null;
      return withEnded(m.acc_new_password({ email }), r.sessionsEnded);
    });
  }

  endSessions(email: string) {
    return this.act(email, m.what_end_sessions(), async () => {
      const r = await this.api.endSessions.mutate({ email });
      const n = r.sessionsEnded;
      return (n === 1 ? m.acc_ended_for_one : m.acc_ended_for_other)({ count: formatNumber(n), email });
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
      if (field) this.addErrors = { [field.field]: serverWords(field.message) };
      else this.fail(e, what);
      return false;
    } finally {
      this.working = null;
    }
  }

  private fail(e: unknown, what: string) {
    // The server's own sentence when it refused (last administrator, unknown account), else the UI's.
    const field = fieldError(e);
    this.error = field ? m.acc_could_not({ what, reason: serverWords(field.message) }) : userMessage(e, what);
    this.notice = '';
    console.error(`corridor: could not ${what}:`, e);
  }
}

/** A notice, and how many sessions the action ended when it ended some. */
function withEnded(notice: string, n: number): string {
  if (n === 0) return notice;
  return `${notice} ${(n === 1 ? m.acc_ended_one : m.acc_ended_other)({ count: formatNumber(n) })}`;
}

/**
 * The server's refusal of a field (English: it is the API's sentence). In another language the page says
 * the value was refused, beside the field it names; the English sentence is in the console (docs/i18n.md).
 */
function serverWords(message: string): string {
  return getLocale() === 'en' ? message : m.acc_field_refused();
}
