import type { Position } from 'geojson';
import { layerColumns, type ExportFeature } from './layerColumns';
import { xmlEscape } from '../xml/xmlEscape';

/** Layers GPX cannot hold: it has waypoints, routes and tracks, no areas. */
export function gpxHoldsLayer(geometryTypes: readonly string[]): boolean {
  return geometryTypes.some((t) => !t.endsWith('Polygon'));
}

// GPX 1.1's longitudeType is [-180, 180) and latitudeType [-90, 90].
const lon = (x: number) => (x >= 180 ? x - 360 : x);
const at = (p: Position) => `lat="${p[1]}" lon="${lon(p[0])}"`;
const text = (tag: string, v: unknown) =>
  v === undefined || v === null || v === '' ? '' : `<${tag}>${xmlEscape(String(v))}</${tag}>`;

/** The fields a device shows under a point or track: the layer's own columns, then the note. */
function describe(f: ExportFeature, columns: ReturnType<typeof layerColumns>): string {
  const fields = columns
    .map((c) => [c.header, c.value(f)] as const)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  const note = typeof f.properties.note === 'string' ? f.properties.note : '';
  return [fields, note].filter(Boolean).join('\n');
}

/** The element children GPX 1.1 puts before a waypoint's or track's own content, in the schema's order. */
function header(f: ExportFeature, layer: string, desc: string) {
  const p = f.properties;
  const link = typeof p.sourceUrl === 'string' ? `<link href="${xmlEscape(p.sourceUrl)}"/>` : '';
  const type = p.kind ?? p.class ?? p.category ?? layer.replace(/s$/, '');
  return {
    name: text('name', p.name),
    desc: text('desc', desc),
    src: text('src', p.source),
    link,
    type: text('type', type),
  };
}

/**
 * A layer as GPX 1.1 for drivers' phones and GPS units: points (sites, crossings, checkpoints and other
 * point constraints, incidents) as waypoints `<wpt>`, lines (corridors, roads, front lines, line
 * constraints) as tracks `<trk>` with one segment per line. Areas have no GPX form and are left out; the
 * metadata's description says how many.
 */
export function layerGpx(layer: string, title: string, features: ExportFeature[], asOf?: string): string {
  const skip = new Set(['id', 'name', 'nameAr', 'sensitivity', 'source', 'sourceUrl', 'note']);
  const columns = layerColumns(layer, features, asOf).filter((c) => !c.geometry && !skip.has(c.header));
  const wpts: string[] = [];
  const trks: string[] = [];
  let areas = 0;
  let minLat = Infinity;
  let minLon = Infinity;
  let maxLat = -Infinity;
  let maxLon = -Infinity;
  const seen = (p: Position) => {
    minLat = Math.min(minLat, p[1]);
    maxLat = Math.max(maxLat, p[1]);
    minLon = Math.min(minLon, lon(p[0]));
    maxLon = Math.max(maxLon, lon(p[0]));
  };
  for (const f of features) {
    const h = header(f, layer, describe(f, columns));
    const g = f.geometry;
    const points = g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [];
    const lines =
      g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    for (const p of points) {
      seen(p);
      // wptType: ele, time, magvar, geoidheight, name, cmt, desc, src, link, sym, type, …
      wpts.push(`<wpt ${at(p)}>${h.name}${h.desc}${h.src}${h.link}${h.type}</wpt>`);
    }
    if (lines.length) {
      const segs = lines
        .map((l) => {
          l.forEach(seen);
          return `<trkseg>${l.map((p) => `<trkpt ${at(p)}/>`).join('')}</trkseg>`;
        })
        .join('');
      // trkType: name, cmt, desc, src, link, number, type, extensions, trkseg
      trks.push(`<trk>${h.name}${h.desc}${h.src}${h.link}${h.type}${segs}</trk>`);
    }
    if (!points.length && !lines.length) areas++;
  }
  const note = areas
    ? ` ${areas} area feature${areas === 1 ? ' is' : 's are'} not included: GPX holds points and lines only.`
    : '';
  const bounds =
    minLat <= maxLat
      ? `<bounds minlat="${minLat}" minlon="${minLon}" maxlat="${maxLat}" maxlon="${maxLon}"/>`
      : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gpx version="1.1" creator="Corridor" xmlns="http://www.topografix.com/GPX/1/1" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">\n' +
    `<metadata><name>${xmlEscape(title)}</name>${text('desc', `${features.length - areas} features from Corridor.${note}`)}${bounds}</metadata>\n` +
    [...wpts, ...trks].map((e) => e + '\n').join('') +
    '</gpx>\n'
  );
}
