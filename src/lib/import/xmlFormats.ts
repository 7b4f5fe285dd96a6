// KML (Google Earth, many field tools) and GPX (GPS devices, route planners) → GeoJSON features, through
// @tmcw/togeojson with @xmldom/xmldom's DOMParser so the same code runs in Node and in a Web Worker (which
// has no DOMParser of its own).
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { ImportProblem } from './types';

export function readXmlFeatures(
  text: string,
  file: string,
  format: 'kml' | 'gpx',
): { features: unknown[]; problems: ImportProblem[] } {
  let errorText: string | undefined;
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level === 'fatalError' || level === 'error') errorText ??= message;
    },
  }).parseFromString(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'text/xml');
  const root = doc.documentElement?.nodeName.replace(/^.*:/, '').toLowerCase();
  if (errorText || !root)
    return {
      features: [],
      problems: [{ level: 'error', file, message: `is not valid XML: ${errorText ?? 'no root element'}` }],
    };
  if (root !== format)
    return {
      features: [],
      problems: [
        { level: 'error', file, message: `is not ${format.toUpperCase()}: its root element is <${root}>` },
      ],
    };
  // togeojson is typed against the browser's DOM; xmldom's Document has what it reads.
  const fc = format === 'kml' ? kml(doc as unknown as Document) : gpx(doc as unknown as Document);
  return { features: fc.features, problems: [] };
}
