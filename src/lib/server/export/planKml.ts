import type { Position } from 'geojson';
import type { PlanResult, SegmentStatus } from '../../domain/schemas';
import { xmlEscape } from '../xml/xmlEscape';
import {
  crossingDescription,
  exportedRoutes,
  hazardDescription,
  planSummary,
  routeTitle,
  type PlanExportOptions,
} from './planText';

const coords = (ps: Position[]) => ps.map((p) => p.join(',')).join(' ');
// KML colours are aabbggrr: open green, at risk amber, blocked red (as on the map).
const colours: Record<SegmentStatus, string> = { open: 'ff3c9a2b', at_risk: 'ff1f9bf0', blocked: 'ff2c2cd6' };
const point = (name: string, desc: string, p: Position, style: string) =>
  `<Placemark><name>${xmlEscape(name)}</name><description>${xmlEscape(desc)}</description>` +
  `<styleUrl>#${style}</styleUrl><Point><coordinates>${p.join(',')}</coordinates></Point></Placemark>`;

/**
 * A convoy plan as KML 2.2 (OGC 07-147r2): a Folder per route holding its stretches as lines coloured by
 * status (reasons in the description), then its crossings (who must agree) and hazards as points.
 */
export function planKml(plan: PlanResult, o: PlanExportOptions): string {
  const styles =
    (Object.keys(colours) as SegmentStatus[])
      .map(
        (s) => `<Style id="${s}"><LineStyle><color>${colours[s]}</color><width>4</width></LineStyle></Style>`,
      )
      .join('') +
    '<Style id="crossing"><IconStyle><scale>1.1</scale></IconStyle></Style>' +
    '<Style id="hazard"><IconStyle><scale>0.9</scale></IconStyle></Style>';
  const folders = exportedRoutes(plan, o.rank).map((r) => {
    const stretches = r.stretches.map(
      (s) =>
        `<Placemark><name>${xmlEscape(`km ${Math.round(s.fromKm)}–${Math.round(s.toKm)}: ${s.status}`)}</name>` +
        `<description>${xmlEscape(s.reasons.map((x) => x.detail).join('\n') || 'no hazard recorded')}</description>` +
        `<styleUrl>#${s.status}</styleUrl><LineString><tessellate>1</tessellate><coordinates>${coords(s.geometry.coordinates)}</coordinates></LineString></Placemark>`,
    );
    const crossings = r.crossings.map((c) => point(c.name, crossingDescription(c), c.position, 'crossing'));
    const hazards = r.hazards
      .filter((h) => !h.code.startsWith('crossing_'))
      .map((h) => point(h.featureId, hazardDescription(h), h.position, 'hazard'));
    return `<Folder><name>${xmlEscape(routeTitle(r))}</name>\n${[...stretches, ...crossings, ...hazards].join('\n')}\n</Folder>`;
  });
  const ends = [
    point(`Start: ${plan.from.name}`, `as of ${plan.asOf}`, plan.from.position, 'crossing'),
    point(`End: ${plan.to.name}`, `as of ${plan.asOf}`, plan.to.position, 'crossing'),
  ];
  const none = plan.routes.length === 0 ? ` No route: ${plan.reasons.map((x) => x.detail).join('; ')}` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>' +
    `<name>${xmlEscape(o.title)}</name><description>${xmlEscape(planSummary(plan, o) + none)}</description>${styles}\n` +
    `<Folder><name>places</name>\n${ends.join('\n')}\n</Folder>\n` +
    folders.join('\n') +
    '\n</Document>\n</kml>\n'
  );
}
