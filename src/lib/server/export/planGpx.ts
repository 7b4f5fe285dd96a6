import type { Position } from 'geojson';
import type { PlanResult } from '../../domain/schemas';
import { xmlEscape } from '../xml/xmlEscape';
import {
  crossingDescription,
  exportedRoutes,
  hazardDescription,
  planSummary,
  routeDescription,
  routeTitle,
  type PlanExportOptions,
} from './planText';

// GPX 1.1's longitudeType is [-180, 180).
const lon = (x: number) => (x >= 180 ? x - 360 : x);
const at = (p: Position) => `lat="${p[1]}" lon="${lon(p[0])}"`;
const text = (tag: string, v: string) => (v === '' ? '' : `<${tag}>${xmlEscape(v)}</${tag}>`);
// wptType order: ele, time, magvar, geoidheight, name, cmt, desc, src, link, sym, type
const wpt = (p: Position, name: string, desc: string, type: string) =>
  `<wpt ${at(p)}>${text('name', name)}${text('desc', desc)}${text('type', type)}</wpt>`;

/**
 * A convoy plan as GPX 1.1 for drivers' phones and GPS units: one track per route (best first) with its
 * stretches and reasons in `desc`; waypoints for the start, the waypoints, the end, every crossing (who
 * must agree in `desc`) and every hazard met (checkpoints, incidents, front lines: the reason in `desc`).
 */
export function planGpx(plan: PlanResult, o: PlanExportOptions): string {
  const routes = exportedRoutes(plan, o.rank);
  const wpts: string[] = [];
  const seen = new Set<string>();
  wpts.push(wpt(plan.from.position, `Start: ${plan.from.name}`, `as of ${plan.asOf}`, 'start'));
  plan.via.forEach((v, i) => wpts.push(wpt(v.position, `Via ${i + 1}: ${v.name}`, '', 'via')));
  wpts.push(wpt(plan.to.position, `End: ${plan.to.name}`, `as of ${plan.asOf}`, 'end'));
  for (const r of routes) {
    for (const c of r.crossings) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      wpts.push(wpt(c.position, c.name, crossingDescription(c), `crossing ${c.kind}`));
    }
    for (const h of r.hazards) {
      const key = `${h.featureId}|${h.code}`;
      if (seen.has(key) || h.code.startsWith('crossing_')) continue;
      seen.add(key);
      wpts.push(
        wpt(
          h.position,
          `${h.status === 'blocked' ? 'Blocked' : 'Hazard'}: ${h.featureId}`,
          hazardDescription(h),
          h.code,
        ),
      );
    }
  }
  const trks = routes.map(
    (r) =>
      // trkType order: name, cmt, desc, src, link, number, type, extensions, trkseg
      `<trk>${text('name', routeTitle(r))}${text('desc', routeDescription(r))}<number>${r.rank}</number>${text('type', r.status)}` +
      `<trkseg>${r.geometry.coordinates.map((p) => `<trkpt ${at(p)}/>`).join('')}</trkseg></trk>`,
  );
  const all = routes.flatMap((r) => r.geometry.coordinates).concat([plan.from.position, plan.to.position]);
  const lats = all.map((p) => p[1]);
  const lons = all.map((p) => lon(p[0]));
  const bounds = `<bounds minlat="${Math.min(...lats)}" minlon="${Math.min(...lons)}" maxlat="${Math.max(...lats)}" maxlon="${Math.max(...lons)}"/>`;
  const none = routes.length === 0 ? ` No route: ${plan.reasons.map((x) => x.detail).join('; ')}` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gpx version="1.1" creator="Corridor" xmlns="http://www.topografix.com/GPX/1/1" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">\n' +
    `<metadata>${text('name', o.title)}${text('desc', planSummary(plan, o) + none)}${bounds}</metadata>\n` +
    [...wpts, ...trks].map((e) => e + '\n').join('') +
    '</gpx>\n'
  );
}
