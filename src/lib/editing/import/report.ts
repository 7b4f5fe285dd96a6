// What the import screen shows of a preview: where a problem is, the report filtered and paged, the valid
// features as rows, whether the preview may be committed, and which progress steps are worth announcing.
// Pure: no Svelte, no worker; tested in tests/unit. Words in the interface's language (the importer's own
// report, printed by the command line, stays English: docs/i18n.md).
import type { Feature } from 'geojson';
import type { ProblemGroup } from '$lib/import/groupProblems';
import type { PreviewSummary } from '$lib/import-worker/protocol';
import type { ImportProblem } from '$lib/import/types';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export type ProblemFilter = 'all' | 'error' | 'warning';

/** Where a problem is, in the words of the file: a CSV line or a feature's index (as the app's errors write it). */
export function whereOf(p: ImportProblem): string {
  // A line or feature number is the file's, written as digits in every language (no grouping separator).
  if (p.row !== undefined) return m.imp_where_line({ line: String(p.row) });
  if (p.featureIndex !== undefined) return m.imp_where_feature({ index: String(p.featureIndex) });
  return m.imp_where_file();
}

/** The first rows of a group of problems: `line 4 (SD01), line 9, line 12 and 417 more`. */
export function placesOf(g: Pick<ProblemGroup, 'first' | 'count'>): string {
  const shown = g.first
    .map((p) => `${whereOf(p)}${p.id ? ` (${p.id})` : ''}`)
    .join(getLocale() === 'ar' ? '، ' : ', ');
  const more = g.count - g.first.length;
  return more > 0 ? m.imp_and_more({ places: shown, count: formatNumber(more) }) : shown;
}

export function filterProblems(problems: readonly ImportProblem[], filter: ProblemFilter): ImportProblem[] {
  return filter === 'all' ? [...problems] : problems.filter((p) => p.level === filter);
}

export interface Page<T> {
  items: T[];
  /** 0-based page shown (clamped to the pages there are). */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown; 0 and 0 when there are none. */
  from: number;
  to: number;
  total: number;
}

/** How many pages `total` items fill (at least one), and `page` clamped to them (0-based). */
export function pageBounds(total: number, page: number, size: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  return { page: Math.min(Math.max(0, Math.floor(page)), pages - 1), pages };
}

/**
 * One page of a long list: the screen shows 100 000 rows a page at a time, never all at once (the DOM of
 * a report that long would freeze the page it was moved off the main thread to protect).
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const { page: p, pages } = pageBounds(items.length, page, size);
  const slice = items.slice(p * size, (p + 1) * size);
  return {
    items: slice,
    page: p,
    pages,
    from: slice.length ? p * size + 1 : 0,
    to: p * size + slice.length,
    total: items.length,
  };
}

export interface CommitCheck {
  ok: boolean;
  /** Why the import cannot be committed yet, in words for the user; empty when it can. */
  reason: string;
}

/**
 * An import is written only when there is something valid to write and no row was rejected, or the user
 * said to leave the rejected rows out (they are then not written; the report keeps them).
 */
export function commitCheck(
  preview: Pick<PreviewSummary, 'featureCount' | 'counts'> | null,
  skipRejected: boolean,
): CommitCheck {
  if (!preview) return { ok: false, reason: m.imp_why_no_file() };
  if (preview.featureCount === 0) return { ok: false, reason: m.imp_why_nothing_valid() };
  if (preview.counts.rejected > 0 && !skipRejected) {
    const n = preview.counts.rejected;
    const say = n === 1 ? m.imp_why_rejected_one : m.imp_why_rejected_other;
    return { ok: false, reason: say({ count: formatNumber(n) }) };
  }
  return { ok: true, reason: '' };
}

/** Whole percent, rounded down: 100 % only once a phase is really done. */
export function percent(fraction: number): number {
  return Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
}

/**
 * The progress step just reached, if it is one worth saying aloud (a screen reader hearing every percent
 * would hear nothing else): a quarter, half, three quarters, done.
 */
export function milestone(previous: number, next: number): 25 | 50 | 75 | 100 | undefined {
  const steps = [100, 75, 50, 25] as const;
  const a = percent(previous);
  const b = percent(next);
  return steps.find((s) => a < s && b >= s);
}

export interface FeatureRow {
  id: string;
  name: string;
  nameAr?: string;
  /** e.g. `13.6264° N, 25.3559° E` (unambiguous, unlike a pair of numbers) or `LineString, 12 points`. */
  geometry: string;
}

/** Six decimals (about 10 cm): a GPS export's fifteen say nothing more, and wrap the column. */
const degrees = (v: number) => String(Math.round(Math.abs(v) * 1e6) / 1e6);

function geometryText(f: Feature): string {
  const g = f.geometry;
  if (!g) return m.imp_no_geometry();
  const points = (n: number) => m.imp_points({ type: g.type, count: formatNumber(n) });
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates;
    return `${degrees(lat)}° ${lat < 0 ? 'S' : 'N'}, ${degrees(lon)}° ${lon < 0 ? 'W' : 'E'}`;
  }
  if (g.type === 'LineString' || g.type === 'MultiPoint') return points(g.coordinates.length);
  if (g.type === 'Polygon' || g.type === 'MultiLineString')
    return points(g.coordinates.reduce((n, part) => n + part.length, 0));
  if (g.type === 'MultiPolygon')
    return points(g.coordinates.reduce((n, poly) => n + poly.reduce((k, r) => k + r.length, 0), 0));
  return g.type;
}

export function featureRow(f: Feature): FeatureRow {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  return {
    id: text(p.id) ?? String(f.id ?? ''),
    name: text(p.name) ?? '',
    nameAr: text(p.nameAr),
    geometry: geometryText(f),
  };
}
