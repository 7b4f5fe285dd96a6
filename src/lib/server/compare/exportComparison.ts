import type { Viewer } from '../auth/roles';
import { comparisonCsv } from '../export/compareCsv';
import { attachment, reportFormatOr404, reportFormats } from '../export/formats';
import { answerParameterErrors } from '../export/parameterError';
import { cachedResponse, sortedQuery, strongEtag } from '../http/cache';
import { contentHash } from '../http/contentVersion';
import type { SituationStore } from '../situation/situationStore';
import { comparisonRequest } from './comparisonRequest';

/**
 * `GET /compare/export.{json|csv}?from=&to=`: the comparison of two dates of what the viewer may see (the
 * public's from public records only), as JSON (the CLI's `compare` output) or as one CSV table, with a strong
 * ETag for anonymous callers (`Cache-Control: public`) and `private, no-store` for signed-in staff.
 */
export async function exportComparison(
  store: SituationStore,
  viewer: Viewer,
  request: Request,
  url: URL,
  format: string,
): Promise<Response> {
  const fmt = reportFormatOr404('the comparison', format);
  if (fmt instanceof Response) return fmt;
  return answerParameterErrors(async () => {
    // Checked before the tag: a wrong date is a 400 whatever the caller has cached.
    const asked = await comparisonRequest(store, viewer, url);
    const name = [asked.scenario.id, 'compare', asked.from, asked.to];
    return cachedResponse(request, {
      etag: strongEtag(
        'compare',
        contentHash(asked.analyzer.situation),
        fmt,
        asked.from,
        asked.to,
        sortedQuery(url),
      ),
      policy: viewer ? 'private' : 'public',
      vary: ['Cookie'],
      build: () => {
        const comparison = asked.compare();
        return fmt === 'json'
          ? {
              body: JSON.stringify(comparison),
              headers: {
                'content-type': reportFormats.json,
                'content-disposition': attachment(name, 'json'),
              },
            }
          : {
              body: comparisonCsv(comparison),
              headers: {
                'content-type': reportFormats.csv,
                'content-disposition': attachment(name, 'csv'),
              },
            };
      },
    });
  });
}
