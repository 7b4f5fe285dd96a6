// https://maplibre.org/maplibre-style-spec/layers/#symbol
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_BOLD } from './fonts';
import { sourceId } from './layerGroups';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

const source = sourceId('crossings');
const metadata = { 'corridor:group': 'crossings' };

export type CrossingStatusName = 'open' | 'restricted' | 'closed';

/** Traffic-light colours, the convention access maps use for crossing status. */
export const CROSSING_STATUS_COLORS: Record<CrossingStatusName, string> = {
  open: '#1a9641',
  restricted: '#f29e00',
  closed: '#c40019',
};
export const CROSSING_STATUS_LABELS: Record<CrossingStatusName, string> = {
  get open() {
    return m.crossing_status_open();
  },
  get restricted() {
    return m.crossing_status_restricted();
  },
  get closed() {
    return m.crossing_status_closed();
  },
};

/** `crossing-<kind>-<status>`: a diamond for international crossings, a square for crossline points. */
export function crossingIconImage(): ExpressionSpecification {
  return ['concat', 'crossing-', ['get', 'kind'], '-', ['get', 'status']];
}

/** The label says the status in words too, so colour is never the only cue. */
export function crossingLabel(locale: Locale = getLocale()): ExpressionSpecification {
  const status = (s: CrossingStatusName) => CROSSING_STATUS_LABELS[s].toLocaleLowerCase(locale);
  const name: ExpressionSpecification =
    locale === 'ar'
      ? ['case', ['!=', ['get', 'nameAr'], ''], ['get', 'nameAr'], ['get', 'name']]
      : ['get', 'name'];
  return [
    'concat',
    name,
    ' (',
    [
      'match',
      ['get', 'status'],
      'open',
      status('open'),
      'restricted',
      status('restricted'),
      status('closed'),
    ],
    ')',
  ];
}

export function crossingsLayers(): LayerSpecification[] {
  return [
    {
      id: 'crossings-icon',
      type: 'symbol',
      source,
      metadata,
      layout: {
        'icon-image': crossingIconImage(),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.75, 9, 1.1],
      },
    },
  ];
}

/** Labels sit in the label group, above every marker. */
export function crossingsLabelLayers(): LayerSpecification[] {
  return [
    {
      id: 'crossings-label',
      type: 'symbol',
      source,
      metadata,
      minzoom: 5,
      layout: {
        'text-field': crossingLabel(),
        'text-font': [FONT_BOLD],
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 12,
      },
      paint: {
        'text-color': '#2b2b2b',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.6,
      },
    },
  ];
}
