// https://maplibre.org/maplibre-style-spec/layers/#circle and https://maplibre.org/maplibre-style-spec/layers/#symbol
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR } from './fonts';
import { sourceId } from './layerGroups';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

const source = sourceId('sites');
const metadata = { 'corridor:group': 'sites' };

/**
 * The IPC Acute Food Insecurity phases with the colours of the IPC manual (version 3.1), so the map reads
 * like every IPC map its users already know.
 */
export const IPC_PHASES = [
  {
    phase: 1,
    get label() {
      return m.ipc_1();
    },
    color: '#cdfacd',
  },
  {
    phase: 2,
    get label() {
      return m.ipc_2();
    },
    color: '#fae61e',
  },
  {
    phase: 3,
    get label() {
      return m.ipc_3();
    },
    color: '#e67800',
  },
  {
    phase: 4,
    get label() {
      return m.ipc_4();
    },
    color: '#c80000',
  },
  {
    phase: 5,
    get label() {
      return m.ipc_5();
    },
    color: '#640000',
  },
] as const;
/** A site with no IPC figure on the date. */
export const IPC_NO_DATA_COLOR = '#ffffff';

export const SITE_KIND_LABELS: Record<string, string> = {
  get idp_camp() {
    return m.site_kind_idp_camp();
  },
  get refugee_camp() {
    return m.site_kind_refugee_camp();
  },
  get town() {
    return m.site_kind_town();
  },
  get supply_hub() {
    return m.site_kind_supply_hub();
  },
  get airport() {
    return m.site_kind_airport();
  },
  get health_facility() {
    return m.site_kind_health_facility();
  },
};

/**
 * A site that is not active on the date (emptied, destroyed, closed or relocated): grey and faded, crossed
 * out, so nobody reads it as a camp to reach. Its IPC colour is not shown: nobody lives there to classify.
 */
export const SITE_INACTIVE_COLOR = '#bdbdbd';
export const SITE_INACTIVE_STROKE = '#6b6b6b';
/** The heavy dark ring of a besieged site (inside an active siege ring), outside the flag ring. */
export const SITE_SIEGE_COLOR = '#161616';
export const SITE_SIEGE_WIDTH = 3.5;

/** `status` is the site's lifecycle status on the date (`active` when the map knows nothing else). */
function isInactive(): ExpressionSpecification {
  return ['!=', ['coalesce', ['get', 'status'], 'active'], 'active'];
}

/** Fill by IPC phase (`ipcPhase` 0 = no figure); grey when the site is not active on the date. */
export function siteColor(): ExpressionSpecification {
  return [
    'case',
    isInactive(),
    SITE_INACTIVE_COLOR,
    ['match', ['get', 'ipcPhase'], ...IPC_PHASES.flatMap((p) => [p.phase, p.color]), IPC_NO_DATA_COLOR],
  ] as unknown as ExpressionSpecification;
}

/** Inactive sites are faded: they stay on the map with their history, behind the places that count. */
export function siteOpacity(): ExpressionSpecification {
  return ['case', isInactive(), 0.55, 0.92];
}

/** Radius in px from the population: the circle's area is proportional to the number of people. */
function byPopulation(minPx: number, millionPx: number): ExpressionSpecification {
  const people: ExpressionSpecification = ['max', 0, ['to-number', ['get', 'population'], 0]];
  return ['interpolate', ['linear'], ['sqrt', people], 0, minPx, 1000, millionPx];
}

/** Zoom levels between which circles grow from their small to their full size. */
export const SITE_ZOOM_SMALL = 4;
export const SITE_ZOOM_FULL = 9;
const ZOOM_SMALL = SITE_ZOOM_SMALL;
const ZOOM_FULL = SITE_ZOOM_FULL;
/** A site's radius in px [with no figure, for a million people] when small and at full size. */
export const SITE_RADIUS_SMALL: [number, number] = [3.5, 15];
export const SITE_RADIUS_FULL: [number, number] = [4.5, 26];

/**
 * Radius grows with the square root of the population (area ∝ people): at full size 4.5 px with no
 * figure and 26 px for a million; smaller when zoomed out, so neighbouring camps stay apart.
 * `extraPx` is added at every zoom (the selection halo uses it to ring the circle).
 */
export function siteRadius(extraPx = 0): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    ZOOM_SMALL,
    ['+', extraPx, byPopulation(...SITE_RADIUS_SMALL)],
    ZOOM_FULL,
    ['+', extraPx, byPopulation(...SITE_RADIUS_FULL)],
  ];
}

/** How far (in ems of the label) the label sits from the centre: just clear of the circle. */
export function siteLabelOffset(): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    ZOOM_SMALL,
    ['+', 0.4, ['/', byPopulation(3.5, 15), 10.5]],
    ZOOM_FULL,
    ['+', 0.4, ['/', byPopulation(4.5, 26), 13]],
  ];
}

/** Camps get a dark ring, hubs a thick blue one, towns a thin grey one; inactive sites a grey one. */
export function siteStrokeColor(): ExpressionSpecification {
  return [
    'case',
    isInactive(),
    SITE_INACTIVE_STROKE,
    ['==', ['get', 'hub'], true],
    '#1f4e9c',
    ['match', ['get', 'kind'], ['idp_camp', 'refugee_camp'], '#1e1e1e', '#5c5c5c'],
  ];
}

export function siteStrokeWidth(): ExpressionSpecification {
  return [
    'case',
    ['==', ['get', 'hub'], true],
    3,
    ['match', ['get', 'kind'], ['idp_camp', 'refugee_camp'], 1.6, 1],
  ];
}

/**
 * Name, and the Arabic name below it when there is one; in Arabic, the Arabic name first and the Latin
 * one below it (the data has Arabic names only: other languages show the name as written in the data).
 */
export function siteLabel(locale: Locale = getLocale(), bilingual = true): ExpressionSpecification {
  const [first, second] = locale === 'ar' ? ['nameAr', 'name'] : ['name', 'nameAr'];
  // One name only (embeds): the reader's language where the data has it. A Latin-script label then needs
  // no Arabic glyph, so the Arabic font file is not downloaded at all (docs/embed.md, transfer budget).
  if (!bilingual) return ['case', ['!=', ['get', 'nameAr'], ''], ['get', first], ['get', 'name']];
  return [
    'case',
    ['!=', ['get', 'nameAr'], ''],
    ['format', ['get', first], {}, '\n', {}, ['get', second], { 'font-scale': 0.92 }],
    ['format', ['get', 'name'], {}],
  ];
}

export function sitesLayers(): LayerSpecification[] {
  return [
    {
      id: 'sites-circle',
      type: 'circle',
      source,
      metadata,
      layout: { 'circle-sort-key': ['-', 0, ['get', 'population']] },
      paint: {
        'circle-color': siteColor(),
        'circle-radius': siteRadius(),
        'circle-stroke-color': siteStrokeColor(),
        'circle-stroke-width': siteStrokeWidth(),
        'circle-opacity': siteOpacity(),
        'circle-stroke-opacity': siteOpacity(),
      },
    },
  ];
}

/** The ring around sites the access analysis flags (protection, cut off…); no flags, no ring. */
export const SITE_FLAG_COLOR = '#d81b60';

export function siteFlagFilter(): ExpressionSpecification {
  return ['!=', ['to-string', ['get', 'flags']], ''];
}

export function sitesFlagLayers(): LayerSpecification[] {
  return [
    {
      id: 'sites-flag',
      type: 'circle',
      source,
      metadata,
      filter: siteFlagFilter(),
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': siteRadius(4),
        'circle-stroke-color': SITE_FLAG_COLOR,
        'circle-stroke-width': 2.5,
      },
    },
  ];
}

/** Sites inside an active siege ring on the date (`besieged` from the access analysis). */
export function siteBesiegedFilter(): ExpressionSpecification {
  return ['==', ['get', 'besieged'], true];
}

/** Sites whose lifecycle status on the date is not `active`. */
export function siteInactiveFilter(): ExpressionSpecification {
  return isInactive();
}

/**
 * What the site's status looks like beyond its fill: a heavy dark ring round a besieged site (outside the
 * flag ring, so both show), and a cross over an inactive one, so the difference does not rest on colour.
 */
export function sitesStatusLayers(): LayerSpecification[] {
  return [
    {
      id: 'sites-siege',
      type: 'circle',
      source,
      metadata,
      filter: siteBesiegedFilter(),
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': siteRadius(8),
        'circle-stroke-color': SITE_SIEGE_COLOR,
        'circle-stroke-width': SITE_SIEGE_WIDTH,
      },
    },
    {
      id: 'sites-inactive-mark',
      type: 'symbol',
      source,
      metadata,
      filter: siteInactiveFilter(),
      layout: {
        'text-field': '×',
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], ZOOM_SMALL, 16, ZOOM_FULL, 26],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': SITE_INACTIVE_STROKE },
    },
  ];
}

/** `bilingual: false` labels each site with one name (see `siteLabel`). */
export function sitesLabelLayers({ bilingual = true } = {}): LayerSpecification[] {
  return [
    {
      id: 'sites-label',
      type: 'symbol',
      source,
      metadata,
      layout: {
        'text-field': siteLabel(getLocale(), bilingual),
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], ZOOM_SMALL, 10.5, ZOOM_FULL, 13],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': siteLabelOffset(),
        'text-justify': 'auto',
        'text-max-width': 10,
        // Most people first: when labels collide, the larger place keeps its name.
        'symbol-sort-key': ['-', 0, ['get', 'population']],
      },
      paint: {
        'text-color': '#1d1d1d',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.6,
      },
    },
  ];
}
