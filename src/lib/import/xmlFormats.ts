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
  let doc: ReturnType<DOMParser['parseFromString']> | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError' || level === 'error') errorText ??= message;
      },
    }).parseFromString(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'text/xml');
  } catch (e) {
    // xmldom stops at a fatal error (an empty file, an unclosed tag at the end) by throwing, after telling
    // `onError` most of the time: either way it is the file that is wrong, and the report says so.
    errorText ??= e instanceof Error ? e.message : String(e);
  }
  const root = doc?.documentElement?.nodeName.replace(/^.*:/, '').toLowerCase();
  if (errorText || !doc || !root)
    return {
      features: [],
      problems: [
        {
          level: 'error',
          code: 'invalid_xml',
          file,
          message: `is not valid XML: ${errorText ?? 'no root element'}`,
        },
      ],
    };
  if (root !== format)
    return {
      features: [],
      problems: [
        {
          level: 'error',
          code: 'wrong_format',
          file,
          message: `is not ${format.toUpperCase()}: its root element is <${root}>`,
        },
      ],
    };
  try {
    // togeojson is typed against the browser's DOM; xmldom's Document has what it reads.
    const fc = format === 'kml' ? kml(doc as unknown as Document) : gpx(doc as unknown as Document);
    return { features: fc.features, problems: [] };
  } catch (e) {
    // The converter recurses into nested geometries: MultiGeometry nested some thousands deep overflows the
    // stack. No real file does that; the report says what gave way rather than the import crashing.
    const reason =
      e instanceof RangeError ? 'it is nested too deeply' : e instanceof Error ? e.message : String(e);
    return {
      features: [],
      problems: [
        {
          level: 'error',
          code: 'invalid_xml',
          file,
          message: `could not be read as ${format.toUpperCase()}: ${reason}`,
        },
      ],
    };
  }
}
