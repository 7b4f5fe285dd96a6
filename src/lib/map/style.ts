// https://maplibre.org/maplibre-style-spec/root/
import type { FeatureCollection } from 'geojson';
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { adminLayers } from './adminLayer';
import { areasLayers } from './areasLayer';
import {
  BASEMAP_SOURCE,
  basemapColors,
  basemapLabelLayers,
  basemapLayers,
  darkBasemapColors,
} from './basemapLayers';
import { BEST_PATH_SOURCE, bestPathLayers } from './bestPathLayer';
import { CHANGES_SOURCE, changesLayers } from './changesLayer';
import { corridorsLayers } from './corridorsLayer';
import { crossingsLabelLayers, crossingsLayers } from './crossingsLayer';
import { fontFaces } from './fonts';
import { frontlinesLayers } from './frontlinesLayer';
import { incidentsLayers } from './incidentsLayer';
import { layerGroups, sourceId } from './layerGroups';
import { roadsLayers } from './roadsLayer';
import { SELECTION_SOURCE, selectionLayers } from './selectionLayer';
import { sitesFlagLayers, sitesLabelLayers, sitesLayers, sitesStatusLayers } from './sitesLayer';

export interface StyleOptions {
  /** Origin (and base path) of the app, e.g. `http://localhost:3000`: fonts and basemap come from there. */
  base: string;
  /** The dark basemap of embeds (`theme=dark`); the data layers keep their colours. */
  dark?: boolean;
  /** False: Latin labels in the reader's own fonts, only the Arabic file downloaded (embeds, to stay light). */
  latinFonts?: boolean;
  /** False: a site is labelled with one name, in the reader's language where the data has it (embeds). */
  bilingualLabels?: boolean;
}

export const BASEMAP_PATH = '/basemap/countries.geojson';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * The whole map style: the offline basemap, one empty GeoJSON source per layer group (the map controller
 * fills them for the as-of date), the selection halo, and labels drawn from the app's own fonts. Layers
 * are stacked administrative boundaries < areas < roads < corridors (with their blocked and at-risk stretches) < front lines < country
 * names < the selected site's best path < sites < crossings < incidents < changes (compare mode) < selection < labels, so points are
 * never hidden under lines and labels stay on top.
 */
export function buildStyle({
  base,
  dark = false,
  latinFonts = true,
  bilingualLabels = true,
}: StyleOptions): StyleSpecification {
  const colors = dark ? darkBasemapColors : basemapColors;
  const sources: Record<string, SourceSpecification> = {
    [BASEMAP_SOURCE]: { type: 'geojson', data: `${base}${BASEMAP_PATH}`, attribution: 'Natural Earth' },
    [SELECTION_SOURCE]: { type: 'geojson', data: empty() },
    [BEST_PATH_SOURCE]: { type: 'geojson', data: empty() },
    [CHANGES_SOURCE]: { type: 'geojson', data: empty() },
  };
  // `promoteId` lets the analysis set feature state (e.g. a corridor's status) by feature id.
  for (const g of layerGroups) sources[sourceId(g)] = { type: 'geojson', data: empty(), promoteId: 'id' };
  return {
    version: 8,
    name: 'Corridor',
    'font-faces': fontFaces(base, { latin: latinFonts }),
    sources,
    layers: [
      ...basemapLayers(colors),
      ...adminLayers(),
      ...areasLayers(),
      ...roadsLayers(),
      ...corridorsLayers(),
      ...frontlinesLayers(),
      ...basemapLabelLayers(colors),
      ...bestPathLayers(),
      ...sitesLayers(),
      ...sitesFlagLayers(),
      ...sitesStatusLayers(),
      ...crossingsLayers(),
      ...incidentsLayers(),
      ...changesLayers(),
      ...selectionLayers(),
      ...sitesLabelLayers({ bilingual: bilingualLabels }),
      ...crossingsLabelLayers(),
    ],
  };
}
