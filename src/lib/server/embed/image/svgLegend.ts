import { CORRIDOR_STATUS_STYLES, type CorridorStatusName } from '$lib/map/corridorsLayer';
import { FRONTLINE_COLOR } from '$lib/map/frontlinesLayer';
import type { LayerGroup } from '$lib/map/layerGroups';
import type { MapData } from '$lib/map/mapData';
import { SITE_INACTIVE_COLOR, SITE_INACTIVE_STROKE, SITE_SIEGE_COLOR } from '$lib/map/sitesLayer';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { crossingMarker } from './svgDataLayers';
import { dashArray, el, escapeXml, rtlText, textWidth } from './svgMarkup';

// The still image's legend (left out with `plain=1`): only what the image shows, each entry drawn with the
// same colours as on the map, in the request's language.

type Symbol = (x: number, y: number) => string;
interface Row {
  label: string;
  symbol: Symbol;
}

const swatch =
  (color: string, opacity: number): Symbol =>
  (x, y) =>
    el('rect', {
      x: x - 7,
      y: y - 5,
      width: 14,
      height: 10,
      fill: color,
      'fill-opacity': opacity,
      stroke: color,
    });
const lineSymbol =
  (color: string, width: number, dash: readonly number[] = [1, 0]): Symbol =>
  (x, y) =>
    el('path', {
      d: `M${x - 8} ${y}H${x + 8}`,
      stroke: color,
      'stroke-width': width,
      'stroke-dasharray': dashArray(dash, width),
    });

/** The legend's rows for the layers shown and what they hold on the date. */
export function legendRows(
  data: MapData,
  layers: readonly LayerGroup[],
  actors: readonly { id: string; name: string; color: string }[],
  locale: Locale,
): Row[] {
  const on = (g: LayerGroup) => layers.includes(g) && data[g].features.length > 0;
  const rows: Row[] = [];
  if (on('areas')) {
    const shown = new Set(data.areas.features.map((f) => f.properties.actorId));
    for (const a of actors) if (shown.has(a.id)) rows.push({ label: a.name, symbol: swatch(a.color, 0.45) });
  }
  if (on('corridors')) {
    const statuses = new Set(data.corridors.features.map((f) => f.properties.status));
    const label: Record<Exclude<CorridorStatusName, 'unknown'>, string> = {
      open: m.legend_corridor_open({}, { locale }),
      at_risk: m.legend_corridor_at_risk({}, { locale }),
      blocked: m.legend_corridor_blocked({}, { locale }),
    };
    for (const s of ['open', 'at_risk', 'blocked'] as const)
      if (statuses.has(s)) {
        const style = CORRIDOR_STATUS_STYLES[s];
        rows.push({ label: label[s], symbol: lineSymbol(style.color, 3 * style.widthScale, style.dash) });
      }
  }
  if (on('frontlines'))
    rows.push({
      label: m.legend_front_line({}, { locale }),
      symbol: lineSymbol(FRONTLINE_COLOR, 2.5, [4, 1.5]),
    });
  if (on('sites')) {
    if (data.sites.features.some((f) => f.properties.besieged === true))
      rows.push({
        label: m.image_legend_besieged({}, { locale }),
        symbol: (x, y) =>
          el('circle', { cx: x, cy: y, r: 5, fill: 'none', stroke: SITE_SIEGE_COLOR, 'stroke-width': 2.5 }),
      });
    if (data.sites.features.some((f) => f.properties.status !== 'active'))
      rows.push({
        label: m.image_legend_inactive({}, { locale }),
        symbol: (x, y) =>
          el('circle', { cx: x, cy: y, r: 4.5, fill: SITE_INACTIVE_COLOR, stroke: SITE_INACTIVE_STROKE }) +
          el('path', {
            d: `M${x - 3} ${y - 3}L${x + 3} ${y + 3}M${x - 3} ${y + 3}L${x + 3} ${y - 3}`,
            stroke: SITE_INACTIVE_STROKE,
          }),
      });
  }
  if (on('crossings')) {
    const statuses = new Set(data.crossings.features.map((f) => f.properties.status));
    const label = {
      open: m.crossing_status_open({}, { locale }),
      restricted: m.crossing_status_restricted({}, { locale }),
      closed: m.crossing_status_closed({}, { locale }),
    };
    for (const s of ['open', 'restricted', 'closed'] as const)
      if (statuses.has(s))
        rows.push({
          label: m.image_legend_crossing({ status: label[s] }, { locale }),
          symbol: (x, y) => crossingMarker([x, y], 7, 'international', s),
        });
  }
  return rows;
}

/**
 * The legend box in the bottom corner of the map (the start corner of the reading direction), or '' when
 * there is nothing to show.
 */
export function legendSvg(
  rows: Row[],
  o: { mapWidth: number; mapHeight: number; rtl: boolean; dark: boolean },
): string {
  if (!rows.length) return '';
  const size = 11;
  const lineH = 16;
  const pad = 8;
  const w = Math.min(o.mapWidth * 0.6, Math.max(...rows.map((r) => textWidth(r.label, size))) + 26 + 2 * pad);
  const h = rows.length * lineH + 2 * pad - 4;
  const x0 = o.rtl ? o.mapWidth - w - 8 : 8;
  const y0 = Math.max(8, o.mapHeight - h - 8);
  const body = rows
    .map((r, i) => {
      const y = y0 + pad + i * lineH + 6;
      const symbolX = o.rtl ? x0 + w - pad - 8 : x0 + pad + 8;
      const textX = o.rtl ? symbolX - 14 : symbolX + 14;
      return (
        r.symbol(symbolX, y) +
        el(
          'text',
          {
            x: textX,
            y: y + 4,
            'font-size': size,
            'text-anchor': o.rtl ? 'end' : 'start',
            fill: o.dark ? '#e8edf2' : '#1d1d1d',
          },
          escapeXml(o.rtl ? rtlText(r.label) : r.label),
        )
      );
    })
    .join('');
  return el(
    'g',
    { class: 'legend' },
    el('rect', {
      x: x0,
      y: y0,
      width: w,
      height: h,
      rx: 4,
      fill: o.dark ? '#1c252e' : '#ffffff',
      'fill-opacity': 0.9,
      stroke: o.dark ? '#3a4652' : '#c8c8c8',
    }) + body,
  );
}
