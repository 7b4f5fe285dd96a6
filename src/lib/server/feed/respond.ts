import { featureId } from '$lib/domain/schemas';
import type { Services } from '../services';
import { renderAtom } from './atom';
import { changeUrn, feedUrn, nameUrn, type FeedDocument, type FeedEntry } from './document';
import { renderJsonFeed } from './jsonFeed';
import { DEFAULT_LIMIT, lastCompared, MAX_LIMIT, readChanges } from './readChanges';
import { subjectKinds, type StatusChange, type SubjectKind } from './types';
import { groupImportChanges, groupLine, importSummaryText, importTitle } from './importWords';
import { changeSummary, changeTitle, kindWords, reasonLines } from './words';

export type FeedFormat = 'atom' | 'json';

const CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json',
};
const LAYER_OF: Record<SubjectKind, 'corridors' | 'crossings' | 'sites'> = {
  corridor: 'corridors',
  crossing: 'crossings',
  site: 'sites',
};

export interface FeedRequest {
  url: URL;
  format: FeedFormat;
  /** One subject's feed (`/feed/{kind}/{id}.atom`); the workspace's when absent. */
  subject?: { kind: string; id: string };
}

const plain = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * `limit` (1–200, default 50), `before` (a change id) and `import` (an import's entry) from the query, or the
 * reason they are refused.
 */
function pageParams(params: URLSearchParams): { limit: number; before?: number; importOf?: number } | string {
  const limit = params.get('limit');
  const before = params.get('before');
  const importOf = params.get('import');
  if (importOf !== null && !(/^\d+$/.test(importOf) && +importOf >= 1 && Number.isSafeInteger(+importOf)))
    return `import must be the id of an import's entry (a positive whole number), not "${importOf}"`;
  if (limit !== null && !(/^\d+$/.test(limit) && +limit >= 1 && +limit <= MAX_LIMIT))
    return `limit must be a whole number from 1 to ${MAX_LIMIT}, not "${limit}"`;
  if (before !== null && !(/^\d+$/.test(before) && +before >= 1 && Number.isSafeInteger(+before)))
    return `before must be the id of a change (a positive whole number), not "${before}"`;
  return {
    limit: limit === null ? DEFAULT_LIMIT : +limit,
    ...(before === null ? {} : { before: +before }),
    ...(importOf === null ? {} : { importOf: +importOf }),
  };
}

/** The map on `id` (when given) and `date`, with the URL parameters the map reads (`sel`, `date`). */
function mapUrl(origin: string, id?: string, date?: string): string {
  const q = new URLSearchParams();
  if (id) q.set('sel', id);
  if (date) q.set('date', date);
  const s = q.toString();
  return `${origin}/${s ? `?${s}` : ''}`;
}

/** The path of a feed in a format: `/feed.atom`, `/feed/corridor/cor_x.json`… */
function feedPath(format: FeedFormat, subject?: { kind: string; id: string }): string {
  return subject ? `/feed/${subject.kind}/${encodeURIComponent(subject.id)}.${format}` : `/feed.${format}`;
}

/**
 * A change as a feed entry. Public feeds never name the account that made the write. An import's entry
 * lists what it changed, group by group, and links (`detailsUrl`, given the entry's number) to the changes
 * one by one.
 */
export function toEntry(
  scenarioId: string,
  origin: string,
  c: StatusChange,
  withActor = false,
  detailsUrl?: (importNumber: number) => string,
): FeedEntry {
  if (c.import)
    return {
      change: c,
      id: changeUrn(scenarioId, c),
      title: importTitle(c.import),
      summary: importSummaryText({ ...c, import: c.import }, withActor),
      reasons: groupImportChanges(c.import.changes).map(groupLine),
      url: mapUrl(origin, undefined, c.asOf),
      ...(detailsUrl ? { detailsUrl: detailsUrl(c.number) } : {}),
    };
  return {
    change: c,
    id: changeUrn(scenarioId, c),
    title: changeTitle(c),
    summary: changeSummary(c, withActor),
    reasons: reasonLines(c),
    url: mapUrl(origin, c.subjectId, c.asOf),
  };
}

/**
 * A public change feed as an HTTP response: the workspace's or one subject's, Atom or JSON Feed, newest
 * first, one page (`limit`, `before`). Public changes only, whoever asks: a feed reader has no session, and
 * this is a public surface. Unknown kinds and subjects that are not public get 404; bad paging, 400.
 */
export async function feedResponse(
  services: Pick<Services, 'database' | 'store'>,
  req: FeedRequest,
): Promise<Response> {
  const page = pageParams(req.url.searchParams);
  if (typeof page === 'string') return plain(400, page);
  const publicSituation = await services.store.situationFor(null);
  const scenario = publicSituation.scenario;
  const db = services.database.db;
  const origin = req.url.origin;

  let subject: { kind: SubjectKind; id: string; name: string } | undefined;
  if (req.subject && page.importOf !== undefined)
    return plain(400, "import applies to the workspace's feed, not to one subject's");
  // The changes one import caused: its entry must be one the public feed shows.
  let imported: StatusChange | undefined;
  if (page.importOf !== undefined) {
    const [entry] = (
      await readChanges(db, { sensitivities: ['public'], before: page.importOf + 1, limit: 1 })
    ).changes;
    if (entry?.number !== page.importOf || !entry.import)
      return plain(404, `no public import entry ${page.importOf}`);
    imported = entry;
  }
  if (req.subject) {
    const kind = subjectKinds.find((k) => k === req.subject!.kind);
    if (!kind || !featureId.safeParse(req.subject.id).success)
      return plain(404, `no feed here: the kinds are ${subjectKinds.join(', ')}`);
    const id = req.subject.id;
    const current = publicSituation[LAYER_OF[kind]].find((f) => f.properties.id === id);
    const latest = current
      ? undefined
      : (await readChanges(db, { sensitivities: ['public'], subjectKind: kind, subjectId: id, limit: 1 }))
          .changes[0];
    if (!current && !latest) return plain(404, `no public ${kind} "${id}"`);
    subject = { kind, id, name: current?.properties.name ?? latest!.subjectName };
  }

  const { changes, next } = await readChanges(db, {
    sensitivities: ['public'],
    subjectKind: subject?.kind,
    subjectId: subject?.id,
    ...page,
  });
  const path = feedPath(req.format, subject);
  const nextQuery = new URLSearchParams({
    ...(imported ? { import: String(page.importOf) } : {}),
    ...(next ? { before: String(next) } : {}),
  });
  if (req.url.searchParams.has('limit')) nextQuery.set('limit', String(page.limit));
  const compared = changes.length ? null : await lastCompared(db);
  const doc: FeedDocument = {
    id: imported ? nameUrn(`${scenario.id}/feed/import/${page.importOf}`) : feedUrn(scenario.id, subject),
    title: imported
      ? `${importTitle(imported.import!)}: the changes one by one`
      : subject
        ? `${kindWords(subject.kind)} ${subject.name}: status changes`
        : `${scenario.name}: status changes`,
    description: imported
      ? `Each change of a status or access class that the import of "${imported.import!.file}" caused, found by Corridor's analysis of public records, newest first.`
      : subject
        ? `Each change of the ${subject.kind === 'site' ? 'access class' : 'status'} of ${subject.name} found by Corridor's analysis of public records, newest first.`
        : "Each change of a corridor's or crossing's status or a site's access class found by Corridor's analysis of public records, newest first; an import is one entry, linking to the changes it caused.",
    selfUrl: req.url.href,
    alternateFeedUrl: `${origin}${feedPath(req.format === 'atom' ? 'json' : 'atom', subject)}`,
    homeUrl: mapUrl(origin, subject?.id),
    nextUrl: next ? `${origin}${path}?${nextQuery}` : null,
    updated: changes[0]?.at ?? compared?.at ?? new Date(),
    author: 'Corridor',
    entries: changes.map((c) =>
      toEntry(scenario.id, origin, c, false, (n) => `${origin}${feedPath(req.format)}?import=${n}`),
    ),
  };
  const body = req.format === 'atom' ? renderAtom(doc) : renderJsonFeed(doc);
  return new Response(body, { headers: { 'content-type': CONTENT_TYPES[req.format] } });
}
