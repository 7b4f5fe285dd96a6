import { formatNumber } from '$lib/i18n/format';
import type { ImportEntry, StatusChange, SubjectKind } from './types';

/** At most this many names are given per group of changes; the rest are counted. */
export const NAMES_PER_GROUP = 3;
/** At most this many groups go in an entry's title; the summary and the list give them all. */
const GROUPS_IN_TITLE = 3;

const KIND_PLURAL: Record<SubjectKind, [string, string]> = {
  corridor: ['corridor', 'corridors'],
  crossing: ['crossing', 'crossings'],
  site: ['site', 'sites'],
};

/** What a subject is after the change, said of a group of them ("12 sites cut off"). */
const STATE_WORDS: Record<string, string> = {
  open: 'open',
  at_risk: 'at risk',
  blocked: 'blocked',
  restricted: 'restricted',
  closed: 'closed',
  internal: 'reached internally',
  crossline_only: 'reachable crossline only',
  cross_border_only: 'reachable cross-border only',
  cut_off: 'cut off',
  inactive: 'no longer active',
};

const fmt = (n: number) => formatNumber(n, 0, 'en');
const naturalOrder = new Intl.Collator('en', { numeric: true });

/** The changes of an import grouped by what they made true: kind, new verdict, and whether the subject is new. */
export interface ChangeGroup {
  /** "12 sites cut off", "3 new corridors blocked", "1 site no longer counts". */
  words: string;
  count: number;
  /** The subjects' names, in natural order ("village 2" before "village 10"). */
  names: string[];
}

export function groupImportChanges(changes: ImportEntry['changes']): ChangeGroup[] {
  const groups = new Map<
    string,
    { kind: SubjectKind; after: string | null; fresh: boolean; names: string[] }
  >();
  for (const c of changes) {
    if (c.subjectKind === 'import') continue;
    const fresh = c.before === null;
    const key = `${c.subjectKind}\u0000${c.after ?? ''}\u0000${fresh}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: c.subjectKind, after: c.after, fresh, names: [] }));
    g.names.push(c.subjectName);
  }
  const kindOrder = Object.keys(KIND_PLURAL);
  for (const g of groups.values()) g.names.sort(naturalOrder.compare);
  return [...groups.values()]
    .sort(
      (a, b) =>
        b.names.length - a.names.length ||
        kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
        (a.after ?? '').localeCompare(b.after ?? ''),
    )
    .map((g) => {
      const n = g.names.length;
      const noun = KIND_PLURAL[g.kind][n === 1 ? 0 : 1];
      const state =
        g.after === null
          ? n === 1
            ? 'no longer counts'
            : 'no longer count'
          : (STATE_WORDS[g.after] ?? g.after);
      return { words: `${fmt(n)} ${g.fresh ? 'new ' : ''}${noun} ${state}`, count: n, names: g.names };
    });
}

/** A group with its first names: "12 sites cut off: Zamzam, Abu Shouk, Tawila and 9 more". */
export function groupLine(g: ChangeGroup): string {
  const shown = g.names.slice(0, NAMES_PER_GROUP).join(', ');
  const rest = g.count - Math.min(g.count, NAMES_PER_GROUP);
  return `${g.words}: ${shown}${rest > 0 ? ` and ${fmt(rest)} more` : ''}`;
}

const written = (i: ImportEntry) => `${fmt(i.created)} added, ${fmt(i.updated)} updated`;

/** `Import of "dtm.csv" into sites: 4,629 added, 0 updated; 12 sites cut off, 3 corridors blocked`. */
export function importTitle(i: ImportEntry): string {
  const groups = groupImportChanges(i.changes);
  const shown = groups.slice(0, GROUPS_IN_TITLE).map((g) => g.words);
  if (groups.length > GROUPS_IN_TITLE)
    shown.push(`${fmt(groups.slice(GROUPS_IN_TITLE).reduce((n, g) => n + g.count, 0))} other changes`);
  return `Import of "${i.file}" into ${i.layer}: ${written(i)}; ${shown.length ? shown.join(', ') : 'no status changed'}`;
}

/**
 * One paragraph for a feed reader: what was imported, when and (staff only) by whom, and what it changed,
 * every group with its first names. `withActor` as for a change.
 */
export function importSummaryText(
  c: Pick<StatusChange, 'asOf' | 'actor' | 'sensitivity'> & { import: ImportEntry },
  withActor = false,
): string {
  const i = c.import;
  const by = withActor && c.actor ? ` by ${c.actor}` : '';
  const groups = groupImportChanges(i.changes);
  const changed = groups.length
    ? ` On ${c.asOf} it changed ${fmt(i.changes.length)} status${i.changes.length === 1 ? '' : 'es'}: ${groups.map(groupLine).join('; ')}.`
    : ` It changed no status on ${c.asOf}.`;
  const restricted =
    c.sensitivity === 'public'
      ? ''
      : ' Staff only: this import wrote or changed records that are not public.';
  return `"${i.file}" was imported into the ${i.layer} layer${by}: ${written(i)}.${changed}${restricted}`;
}
