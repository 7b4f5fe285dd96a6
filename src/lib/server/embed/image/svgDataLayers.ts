import type { Geometry } from 'geojson';
import { ADMIN_OUTLINE_COLOR } from '$lib/map/adminLayer';
import { confidenceStyles, SIEGE_RING_COLOR, SIEGE_RING_DASH, SIEGE_RING_WIDTH } from '$lib/map/areasLayer';
import {
  CORRIDOR_STATUS_STYLES,
  CORRIDOR_WIDTH_Z10,
  CORRIDOR_WIDTH_Z4,
  STRETCH_CASING_COLOR,
  STRETCH_STYLES,
  type CorridorStatusName,
} from '$lib/map/corridorsLayer';
import { CROSSING_STATUS_COLORS, type CrossingStatusName } from '$lib/map/crossingsLayer';
import { FRONTLINE_COLOR } from '$lib/map/frontlinesLayer';
import { INCIDENT_CATEGORY_STYLES } from '$lib/map/incidentsLayer';
import type { MapData, MapFeature } from '$lib/map/mapData';
import type { PixelView } from '$lib/map/mercatorView';
import { ROAD_CLASS_STYLES, type RoadClassName } from '$lib/map/roadsLayer';
import { SELECTION_COLOR } from '$lib/map/selectionLayer';
import {
  IPC_NO_DATA_COLOR,
  IPC_PHASES,
  SITE_FLAG_COLOR,
  SITE_INACTIVE_COLOR,
  SITE_INACTIVE_STROKE,
  SITE_RADIUS_FULL,
  SITE_RADIUS_SMALL,
  SITE_SIEGE_COLOR,
  SITE_SIEGE_WIDTH,
  SITE_ZOOM_FULL,
  SITE_ZOOM_SMALL,
} from '$lib/map/sitesLayer';
import { geometryPath, pointPixel } from '$lib/map/svgPath';
import { atZoom, dashArray, el } from './svgMarkup';

// The data layers of the embed's still image, drawn with the live map's colours, widths and dashes (the
// style modules of `src/lib/map`), in the live map's order (`style.ts`): areas < roads < corridors < front
// lines < sites < crossings < incidents < selection. Each function returns SVG elements as a string.

type Props = MapFeature['properties'];
const str = (p: Props, k: string) => String(p[k] ?? '');
const num = (p: Props, k: string) => Number(p[k] ?? 0) || 0;

function line(g: Geometry, view: PixelView, a: Record<string, string | number | undefined>): string {
  const d = geometryPath(g, view);
  return d ? el('path', { d, fill: 'none', 'stroke-linejoin': 'round', ...a }) : '';
}

/** `hatch-rrggbb` patterns for contested areas, one per colour, as the live map's `patterns.ts` makes. */
export function hatchPatterns(data: MapData): string {
  const colors = new Set(
    data.areas.features
      .filter((f) => f.properties.confidence === 'contested')
      .map((f) => str(f.properties, 'color')),
  );
  return [...colors]
    .map((c) =>
      el(
        'pattern',
        {
          id: hatchId(c),
          width: 8,
          height: 8,
          patternUnits: 'userSpaceOnUse',
          patternTransform: 'rotate(-45)',
        },
        el('rect', { width: 3, height: 8, fill: c, 'fill-opacity': 0.75 }),
      ),
    )
    .join('');
}
const hatchId = (color: string) => `hatch-${color.replace(/[^0-9a-z]/gi, '').toLowerCase()}`;

export function adminSvg(data: MapData, view: PixelView): string {
  return data.admin.features
    .map((f) => {
      const level = num(f.properties, 'level');
      const w = atZoom(
        view.zoom,
        4,
        level === 0 ? 1.2 : level === 1 ? 0.9 : 0.4,
        10,
        level === 0 ? 2 : level === 1 ? 1.5 : 0.8,
      );
      return line(f.geometry, view, {
        stroke: ADMIN_OUTLINE_COLOR,
        'stroke-width': w,
        'stroke-opacity': 0.7,
      });
    })
    .join('');
}

/** Areas of control: the actor's colour, lighter and dashed as confidence falls; then the siege rings. */
export function areasSvg(data: MapData, view: PixelView): string {
  const outline = atZoom(view.zoom, 4, 1, 9, 2);
  const siege = atZoom(view.zoom, 4, 2, 9, SIEGE_RING_WIDTH + 1);
  const out: string[] = [];
  for (const f of data.areas.features) {
    const p = f.properties;
    const d = geometryPath(f.geometry, view);
    if (!d) continue;
    if (p.part === 'siege') {
      out.push(
        el('path', {
          d,
          class: 'siege-ring',
          fill: 'none',
          stroke: SIEGE_RING_COLOR,
          'stroke-width': siege,
          'stroke-dasharray': dashArray(SIEGE_RING_DASH, siege),
        }),
      );
      continue;
    }
    const style =
      confidenceStyles[str(p, 'confidence') as keyof typeof confidenceStyles] ?? confidenceStyles.claimed;
    const color = str(p, 'color');
    out.push(
      el('path', {
        d,
        class: 'area',
        'data-id': str(p, 'id'),
        'fill-rule': 'evenodd',
        fill: color,
        'fill-opacity': style.fillOpacity,
        stroke: color,
        'stroke-opacity': 0.8,
        'stroke-width': outline,
        'stroke-dasharray': style.dashed ? dashArray([3, 2], outline) : undefined,
      }),
    );
    if (style.hatched) out.push(el('path', { d, 'fill-rule': 'evenodd', fill: `url(#${hatchId(color)})` }));
  }
  return out.join('');
}

export function roadsSvg(data: MapData, view: PixelView): string {
  return data.roads.features
    .map((f) => {
      const p = f.properties;
      const style = ROAD_CLASS_STYLES[str(p, 'class') as RoadClassName] ?? ROAD_CLASS_STYLES.track;
      const w = style.width * atZoom(view.zoom, 4, 0.6, 10, 1.4);
      const dash = p.impassable ? [0.6, 1.6] : p.class === 'track' ? [3, 1.5] : [1, 0];
      return line(f.geometry, view, {
        stroke: style.color,
        'stroke-width': w,
        'stroke-opacity': p.impassable ? 0.6 : 0.9,
        'stroke-dasharray': dashArray(dash, w),
      });
    })
    .join('');
}

/** Corridors by the verdict of the date, with their blocked and at-risk stretches and markers on top. */
export function corridorsSvg(data: MapData, view: PixelView): string {
  const base = atZoom(view.zoom, 4, CORRIDOR_WIDTH_Z4, 10, CORRIDOR_WIDTH_Z10);
  const lines: string[] = [];
  const stretches: string[] = [];
  const markers: string[] = [];
  for (const f of data.corridors.features) {
    const p = f.properties;
    const part = str(p, 'part') || 'corridor';
    const status = (str(p, 'status') || 'unknown') as CorridorStatusName;
    const style = CORRIDOR_STATUS_STYLES[status] ?? CORRIDOR_STATUS_STYLES.unknown;
    if (part === 'corridor') {
      const w = base * style.widthScale;
      const d = geometryPath(f.geometry, view);
      if (!d) continue;
      lines.push(
        el('path', {
          d,
          fill: 'none',
          stroke: '#ffffff',
          'stroke-width': w + 2,
          'stroke-opacity': 0.75,
          'stroke-linecap': 'round',
        }),
        el('path', {
          d,
          class: `corridor corridor-${status}`,
          'data-id': str(p, 'id'),
          fill: 'none',
          stroke: style.color,
          'stroke-width': w,
          'stroke-opacity': 0.9,
          'stroke-linejoin': 'round',
          'stroke-dasharray': dashArray(style.dash, w),
        }),
      );
    } else if (part === 'stretch') {
      const s = status === 'blocked' ? 'blocked' : 'at_risk';
      const w = base * (s === 'blocked' ? 1.9 : 1.5);
      const d = geometryPath(f.geometry, view);
      if (!d) continue;
      stretches.push(
        el('path', {
          d,
          fill: 'none',
          stroke: STRETCH_CASING_COLOR,
          'stroke-width': w + 2.5,
          'stroke-opacity': 0.9,
          'stroke-linecap': 'round',
        }),
        el('path', {
          d,
          fill: 'none',
          stroke: STRETCH_STYLES[s].color,
          'stroke-width': w,
          'stroke-dasharray': dashArray(s === 'at_risk' ? CORRIDOR_STATUS_STYLES.at_risk.dash : [1, 0], w),
        }),
      );
    } else {
      const at = pointPixel(f.geometry, view);
      if (!at) continue;
      markers.push(
        el('circle', {
          cx: at[0],
          cy: at[1],
          r: atZoom(view.zoom, 4, 4.5, 10, 7),
          fill: STRETCH_STYLES.blocked.color,
          stroke: '#ffffff',
          'stroke-width': 2,
        }),
      );
    }
  }
  return lines.join('') + stretches.join('') + markers.join('');
}

export function frontlinesSvg(data: MapData, view: PixelView): string {
  const casing = atZoom(view.zoom, 4, 4, 10, 8);
  const w = atZoom(view.zoom, 4, 2, 10, 4);
  return data.frontlines.features
    .map(
      (f) =>
        line(f.geometry, view, {
          stroke: '#ffffff',
          'stroke-width': casing,
          'stroke-opacity': 0.8,
          'stroke-linecap': 'round',
        }) +
        line(f.geometry, view, {
          class: 'frontline',
          stroke: FRONTLINE_COLOR,
          'stroke-width': w,
          'stroke-dasharray': dashArray([4, 1.5], w),
          'stroke-linecap': 'round',
        }),
    )
    .join('');
}

/** A site's radius at this zoom, from its population, as `sitesLayer.siteRadius` (area ∝ people). */
export function siteRadius(population: number, zoom: number): number {
  const root = Math.min(1000, Math.sqrt(Math.max(0, population)));
  const at = ([min, million]: [number, number]) => min + ((million - min) * root) / 1000;
  return atZoom(zoom, SITE_ZOOM_SMALL, at(SITE_RADIUS_SMALL), SITE_ZOOM_FULL, at(SITE_RADIUS_FULL));
}

function siteFill(p: Props): string {
  if (str(p, 'status') !== 'active' && str(p, 'status') !== '') return SITE_INACTIVE_COLOR;
  return IPC_PHASES.find((x) => x.phase === num(p, 'ipcPhase'))?.color ?? IPC_NO_DATA_COLOR;
}

function siteStroke(p: Props): [string, number] {
  const inactive = str(p, 'status') !== 'active' && str(p, 'status') !== '';
  const camp = p.kind === 'idp_camp' || p.kind === 'refugee_camp';
  const color = inactive ? SITE_INACTIVE_STROKE : p.hub === true ? '#1f4e9c' : camp ? '#1e1e1e' : '#5c5c5c';
  return [color, p.hub === true ? 3 : camp ? 1.6 : 1];
}

/**
 * Sites as circles by population and IPC phase, the largest underneath; the flag ring, the heavy ring of a
 * besieged site and the cross over an emptied or closed one, as on the live map.
 */
export function sitesSvg(data: MapData, view: PixelView): string {
  const sites = [...data.sites.features].sort(
    (a, b) => num(b.properties, 'population') - num(a.properties, 'population'),
  );
  const out: string[] = [];
  for (const f of sites) {
    const at = pointPixel(f.geometry, view);
    if (!at) continue;
    const p = f.properties;
    const r = siteRadius(num(p, 'population'), view.zoom);
    const inactive = str(p, 'status') !== 'active' && str(p, 'status') !== '';
    const [stroke, strokeWidth] = siteStroke(p);
    const opacity = inactive ? 0.55 : 0.92;
    const parts = [
      el('circle', {
        class: inactive ? 'site site-inactive' : 'site',
        'data-id': str(p, 'id'),
        cx: at[0],
        cy: at[1],
        r,
        fill: siteFill(p),
        'fill-opacity': opacity,
        stroke,
        'stroke-width': strokeWidth,
        'stroke-opacity': opacity,
      }),
    ];
    if (str(p, 'flags'))
      parts.push(
        el('circle', {
          cx: at[0],
          cy: at[1],
          r: r + 4,
          fill: 'none',
          stroke: SITE_FLAG_COLOR,
          'stroke-width': 2.5,
        }),
      );
    if (p.besieged === true)
      parts.push(
        el('circle', {
          class: 'site-siege',
          'data-id': str(p, 'id'),
          cx: at[0],
          cy: at[1],
          r: r + 8,
          fill: 'none',
          stroke: SITE_SIEGE_COLOR,
          'stroke-width': SITE_SIEGE_WIDTH,
        }),
      );
    if (inactive) {
      const k = atZoom(view.zoom, SITE_ZOOM_SMALL, 16, SITE_ZOOM_FULL, 26) * 0.22;
      const [x, y] = at;
      parts.push(
        el('path', {
          class: 'site-inactive-mark',
          d: `M${x - k} ${y - k}L${x + k} ${y + k}M${x - k} ${y + k}L${x + k} ${y - k}`,
          stroke: SITE_INACTIVE_STROKE,
          'stroke-width': 1.6,
        }),
      );
    }
    out.push(parts.join(''));
  }
  return out.join('');
}

/** Crossings: a diamond (international) or a square (crossline point) in the status colour, ringed white. */
export function crossingsSvg(data: MapData, view: PixelView): string {
  const half = 11 * atZoom(view.zoom, 4, 0.75, 9, 1.1);
  return data.crossings.features
    .map((f) => {
      const at = pointPixel(f.geometry, view);
      if (!at) return '';
      const p = f.properties;
      const status = (str(p, 'status') || 'closed') as CrossingStatusName;
      return crossingMarker(
        at,
        half,
        p.kind === 'crossline' ? 'crossline' : 'international',
        status,
        str(p, 'id'),
      );
    })
    .join('');
}

/** One crossing marker centred on `at`, `half` px from the centre to a corner (also the legend's). */
export function crossingMarker(
  [x, y]: [number, number],
  half: number,
  kind: 'international' | 'crossline',
  status: CrossingStatusName,
  id = '',
): string {
  const shape = (h: number) =>
    kind === 'international'
      ? `M${x} ${y - h}L${x + h} ${y}L${x} ${y + h}L${x - h} ${y}Z`
      : `M${x - h * 0.8} ${y - h * 0.8}H${x + h * 0.8}V${y + h * 0.8}H${x - h * 0.8}Z`;
  return el('path', {
    class: `crossing crossing-${status}`,
    'data-id': id || undefined,
    d: shape(half - 1.5),
    fill: CROSSING_STATUS_COLORS[status],
    stroke: '#ffffff',
    'stroke-width': 2,
    'paint-order': 'stroke',
  });
}

export function incidentsSvg(data: MapData, view: PixelView): string {
  return data.incidents.features
    .map((f) => {
      const at = pointPixel(f.geometry, view);
      if (!at) return '';
      const p = f.properties;
      const color =
        INCIDENT_CATEGORY_STYLES[str(p, 'category') as keyof typeof INCIDENT_CATEGORY_STYLES]?.color ??
        '#444444';
      return el('circle', {
        cx: at[0],
        cy: at[1],
        r: atZoom(num(p, 'severity'), 0, 3, 3, 8),
        fill: color,
        'fill-opacity': 0.9,
        stroke: '#ffffff',
        'stroke-width': 1.2,
      });
    })
    .join('');
}

/** The selected feature, found in any layer shown. */
export function selectedFeature(data: MapData, id: string | undefined): MapFeature | undefined {
  if (!id) return undefined;
  for (const group of Object.values(data))
    for (const f of group.features)
      if (f.properties.id === id && f.properties.part !== 'marker') return f as MapFeature;
  return undefined;
}

/**
 * The selection halo. A line's is a wide band in the selection colour drawn under the data lines (so the
 * corridor keeps its own colour and dashes on top); a point's a ring just outside the site's circle.
 */
export function selectionLineSvg(f: MapFeature | undefined, view: PixelView): string {
  if (!f || f.geometry.type === 'Point') return '';
  const gap = atZoom(view.zoom, 4, 8, 10, 14);
  return line(f.geometry, view, {
    class: 'selection',
    stroke: SELECTION_COLOR,
    'stroke-width': gap + 5,
    'stroke-opacity': 0.45,
    'stroke-linecap': 'round',
  });
}

export function selectionPointSvg(f: MapFeature | undefined, view: PixelView): string {
  if (!f || f.geometry.type !== 'Point') return '';
  const at = pointPixel(f.geometry, view);
  if (!at) return '';
  return el('circle', {
    class: 'selection',
    cx: at[0],
    cy: at[1],
    r: siteRadius(num(f.properties, 'population'), view.zoom) + 8,
    fill: 'none',
    stroke: SELECTION_COLOR,
    'stroke-width': 3.5,
  });
}
