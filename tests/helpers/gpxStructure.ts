// Structural checks of GPX 1.1 (https://www.topografix.com/GPX/1/1/, the schema's documentation): the
// root, the order of elements in gpx, wpt, trk and metadata, and the ranges of lat/lon. No copy of the XSD
// ships with any npm or Debian package available here, so this stands in for `xmllint --schema`,
// alongside GDAL's GPX driver reading the file.
import { DOMParser, type Element } from '@xmldom/xmldom';

const NS = 'http://www.topografix.com/GPX/1/1';
const ORDER: Record<string, string[]> = {
  gpx: ['metadata', 'wpt', 'rte', 'trk', 'extensions'],
  metadata: ['name', 'desc', 'author', 'copyright', 'link', 'time', 'keywords', 'bounds', 'extensions'],
  wpt: [
    'ele',
    'time',
    'magvar',
    'geoidheight',
    'name',
    'cmt',
    'desc',
    'src',
    'link',
    'sym',
    'type',
    'fix',
    'sat',
    'hdop',
    'vdop',
    'pdop',
    'ageofdgpsdata',
    'dgpsid',
    'extensions',
  ],
  trk: ['name', 'cmt', 'desc', 'src', 'link', 'number', 'type', 'extensions', 'trkseg'],
  trkseg: ['trkpt', 'extensions'],
};
// Elements that may repeat; every other one appears at most once.
const REPEATS = new Set(['wpt', 'rte', 'trk', 'link', 'trkseg', 'trkpt']);
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function children(e: Element): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The problems found in a GPX document; empty when it follows GPX 1.1's structure. */
export function gpxProblems(xml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`) }).parseFromString(
    xml,
    'application/xml',
  );
  const root = doc.documentElement;
  if (!root || root.localName !== 'gpx' || root.namespaceURI !== NS)
    return [...problems, 'root is not gpx in the GPX 1.1 namespace'];
  if (root.getAttribute('version') !== '1.1') problems.push('gpx/@version is not 1.1');
  if (!root.getAttribute('creator')) problems.push('gpx/@creator is missing');
  const point = (e: Element, where: string) => {
    const lat = e.getAttribute('lat') ?? '';
    const lon = e.getAttribute('lon') ?? '';
    if (!DECIMAL.test(lat) || Math.abs(Number(lat)) > 90)
      problems.push(`${where}: lat "${lat}" outside [-90, 90]`);
    if (!DECIMAL.test(lon) || Number(lon) < -180 || Number(lon) >= 180)
      problems.push(`${where}: lon "${lon}" outside [-180, 180)`);
  };
  const walk = (e: Element, where: string) => {
    const name = e.localName ?? '';
    const order = ORDER[name];
    if (!order) return;
    let last = -1;
    const seen = new Set<string>();
    for (const c of children(e)) {
      const local = c.localName ?? '';
      const at = `${where}/${local}`;
      if (c.namespaceURI !== NS) problems.push(`${at}: not in the GPX namespace`);
      const i = order.indexOf(local);
      if (i < 0) problems.push(`${at}: not allowed in ${name}`);
      else if (i < last) problems.push(`${at}: out of order in ${name}`);
      else if (seen.has(local) && !REPEATS.has(local)) problems.push(`${at}: repeated`);
      last = Math.max(last, i);
      seen.add(local);
      if (local === 'wpt' || local === 'trkpt') point(c, at);
      if (local === 'link' && !c.getAttribute('href')) problems.push(`${at}: link without href`);
      if (local === 'bounds')
        for (const a of ['minlat', 'minlon', 'maxlat', 'maxlon'])
          if (!DECIMAL.test(c.getAttribute(a) ?? '')) problems.push(`${at}: bounds/@${a} is not a number`);
      walk(c, at);
    }
  };
  walk(root, 'gpx');
  return problems;
}
