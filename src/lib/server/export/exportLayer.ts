import { layerGeometryTypes, layerNames } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import { cachedResponse, sortedQuery, strongEtag } from '../http/cache';
import { contentHash } from '../http/contentVersion';
import { publicSituation } from '../http/publicSituation';
import type { SituationStore } from '../situation/situationStore';
import { attachment, isFormatOf, layerFormats, type LayerFormat } from './formats';
import { layerCsv } from './layerCsv';
import { layerGeojson } from './layerGeojson';
import { gpxHoldsLayer, layerGpx } from './layerGpx';
import { layerKml } from './layerKml';
import { answerParameterErrors, notFoundResponse, ParameterError } from './parameterError';
import { parseSelection, selectFeatures } from './selectFeatures';

/**
 * `GET /export/{layer}.{format}?asOf=&bbox=&windowDays=`: one layer, as the viewer may see it (anonymous
 * callers get public records only), as GeoJSON, CSV (with HXL), KML or GPX, as a download.
 */
export async function exportLayer(
  store: SituationStore,
  viewer: Viewer,
  request: Request,
  url: URL,
  layer: string,
  format: string,
): Promise<Response> {
  if (!(layerNames as string[]).includes(layer))
    return notFoundResponse(`there is no layer "${layer}"; layers: ${layerNames.join(', ')}`);
  if (!isFormatOf(layerFormats, format))
    return notFoundResponse(
      `there is no format "${format}"; formats: ${Object.keys(layerFormats).join(', ')}`,
    );
  const fmt: LayerFormat = format;
  return answerParameterErrors(async () => {
    const sel = parseSelection(url);
    const types = (layerGeometryTypes as Record<string, readonly string[]>)[layer];
    if (fmt === 'gpx' && !gpxHoldsLayer(types))
      throw new ParameterError(
        'format',
        `GPX holds points and lines only, and the ${layer} layer has areas: use geojson, kml or csv`,
      );
    const situation = viewer ? await store.situationFor(viewer) : await publicSituation(store);
    return cachedResponse(request, {
      etag: strongEtag('export', contentHash(situation), url.origin, layer, fmt, sortedQuery(url)),
      policy: viewer ? 'private' : 'public',
      // The same URL gives more to a signed-in caller: a shared cache must not serve one for the other.
      vary: ['Cookie'],
      build: () => {
        const features = selectFeatures(situation, layer, sel);
        const title = `${situation.scenario.name}: ${layer}${sel.asOf ? ` as of ${sel.asOf}` : ''}`;
        const body =
          fmt === 'geojson'
            ? layerGeojson(layer, features)
            : fmt === 'csv'
              ? layerCsv(layer, features, sel.asOf)
              : fmt === 'kml'
                ? layerKml(layer, title, features, sel.asOf)
                : layerGpx(layer, title, features, sel.asOf);
        return {
          body,
          headers: {
            'content-type': layerFormats[fmt],
            'content-disposition': attachment([situation.scenario.id, layer, sel.asOf], fmt),
          },
        };
      },
    });
  });
}
