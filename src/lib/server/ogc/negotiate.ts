import { ParameterError } from '../export/parameterError';

export type OgcFormat = 'json' | 'html';

/** Quality of each media range of an `Accept` header (RFC 9110 §12.5.1). */
function qualities(accept: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    if (!range) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(range.trim(), qp ? Number(qp.slice(2)) || 0 : 1);
  }
  return q;
}

/**
 * JSON or HTML: `?f=json|html` first, else HTML only when `Accept` names `text/html` above every JSON
 * type and `*\/*` (a browser), else JSON (GDAL, QGIS, curl).
 */
export function negotiateFormat(request: Request, url: URL): OgcFormat {
  const f = url.searchParams.get('f');
  if (f !== null) {
    if (f === 'json' || f === 'html') return f;
    throw new ParameterError('f', 'must be json or html');
  }
  const q = qualities(request.headers.get('accept') ?? '');
  const html = q.get('text/html') ?? 0;
  const json = Math.max(
    ...['application/json', 'application/geo+json', 'application/vnd.oai.openapi+json', 'application/*'].map(
      (t) => q.get(t) ?? 0,
    ),
  );
  return html > 0 && html > json ? 'html' : 'json';
}
