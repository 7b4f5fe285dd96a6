import { parseBbox, type Bbox } from '../export/bbox';
import { checkKnownParameters, ParameterError } from '../export/parameterError';
import { parseDatetime, type TimeRange } from './temporal';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 10_000;

export interface ItemsQuery {
  bbox?: Bbox;
  datetime?: TimeRange;
  limit: number;
  offset: number;
}

function wholeNumber(url: URL, name: string, min: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min)
    throw new ParameterError(name, `must be a whole number of at least ${min}`);
  return Number(raw);
}

/**
 * The query of `/collections/{id}/items`: `bbox`, `datetime`, `limit` (default 10; above 10,000 the
 * maximum is used, as the standard recommends, rather than an error), `offset` (the paging of the next and
 * prev links), `f`. Any other parameter is refused with 400 (/req/core/query-param-unknown).
 */
export function parseItemsQuery(url: URL): ItemsQuery {
  checkKnownParameters(url, ['f', 'bbox', 'bbox-crs', 'datetime', 'limit', 'offset']);
  const crs = url.searchParams.get('bbox-crs');
  if (crs !== null && crs !== CRS84) throw new ParameterError('bbox-crs', `only ${CRS84} is supported`);
  return {
    bbox: parseBbox(url.searchParams.get('bbox')),
    datetime: parseDatetime(url.searchParams.get('datetime')),
    limit: Math.min(wholeNumber(url, 'limit', 1) ?? DEFAULT_LIMIT, MAX_LIMIT),
    offset: wholeNumber(url, 'offset', 0) ?? 0,
  };
}
