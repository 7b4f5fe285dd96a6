// The embed's still image (docs/embed.md, "Still image"): the Web Mercator projection of its view, and the
// SVG the server draws from the map data of a date, checked on what a reader of the picture would see.
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BasemapProperties } from '$lib/map/basemapGeoJson';
import { CORRIDOR_STATUS_STYLES } from '$lib/map/corridorsLayer';
import { parseEmbedOptions } from '$lib/map/embedOptions';
import { embedImageUrl } from '$lib/map/embedSnippet';
import { mapDataOn, type MapAnnotations } from '$lib/map/mapData';
import { fitBox, mercatorY, viewAt } from '$lib/map/mercatorView';
import { SITE_SIEGE_COLOR } from '$lib/map/sitesLayer';
import { geometryPath } from '$lib/map/svgPath';
import type { Locale } from '$lib/paraglide/runtime';
import { imageSize } from '$lib/server/embed/image/embedImage';
import { embedImageSvg, HEADER_PX, imageView } from '$lib/server/embed/image/embedImageSvg';
import { situation } from './map-fixture';

describe('the still image’s projection', () => {
  it('puts the centre of a map= view in the middle of the image', () => {
    // El Fasher, as `map=7/13.63/25.35` names it.
    const view = viewAt({ center: [25.35, 13.63], zoom: 7 }, 800, 600);
    expect(view.project([25.35, 13.63])).toEqual([400, 300]);
  });

  it('moves a place one degree east by 512 × 2^zoom / 360 px, as MapLibre does', () => {
    const view = viewAt({ center: [25.35, 13.63], zoom: 7 }, 800, 600);
    const [x, y] = view.project([26.35, 13.63]);
    expect(x).toBeCloseTo(400 + (512 * 128) / 360, 6);
    expect(y).toBeCloseTo(300, 6);
    // North is up, and a degree of latitude is longer than one of longitude away from the equator.
    const [, north] = view.project([25.35, 14.63]);
    expect(north).toBeLessThan(300);
    expect(300 - north).toBeGreaterThan((512 * 128) / 360);
  });

  it('maps the whole world at zoom 0 onto 512 × 512 px', () => {
    const view = viewAt({ center: [0, 0], zoom: 0 }, 512, 512);
    expect(view.project([-180, 85.051129]).map((v) => Math.round(v) + 0)).toEqual([0, 0]);
    expect(view.project([180, -85.051129]).map((v) => Math.round(v))).toEqual([512, 512]);
    expect(mercatorY(0)).toBe(0.5);
  });

  it('fits a bbox= box inside the image with its margin, centred', () => {
    const box: [number, number, number, number] = [22, 11, 27, 16];
    const view = fitBox(box, 800, 600, 24);
    const [x0, y0] = view.project([box[0], box[3]]);
    const [x1, y1] = view.project([box[2], box[1]]);
    // The box is taller than wide on a 4:3 image: it touches the top and bottom margins, centred across.
    expect(y0).toBeCloseTo(24, 6);
    expect(y1).toBeCloseTo(576, 6);
    expect(x0).toBeGreaterThan(24);
    expect(x0 + x1).toBeCloseTo(800, 6);
  });

  it('writes a line in pixels and leaves out what lies wholly outside the image', () => {
    const view = viewAt({ center: [0, 0], zoom: 0 }, 512, 512);
    expect(
      geometryPath(
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [90, 0],
          ],
        },
        view,
      ),
    ).toBe('M256 256L384 256');
    const far = viewAt({ center: [25, 13], zoom: 8 }, 400, 300);
    const ring = [
      [-60, -10],
      [-50, -10],
      [-50, 0],
      [-60, -10],
    ];
    expect(geometryPath({ type: 'Polygon', coordinates: [ring] }, far)).toBe('');
  });
});

const basemap = (): FeatureCollection<Geometry, BasemapProperties> => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kind: 'land' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [21, 9],
            [30, 9],
            [30, 17],
            [21, 17],
            [21, 9],
          ],
        ],
      },
    },
  ],
});

/** The image of the fixture's situation on a date, with the analysis' verdicts given as annotations. */
function draw(query: string, annotations: MapAnnotations = {}, locale: Locale = 'en'): string {
  const s = situation();
  return embedImageSvg({
    width: 800,
    height: 600,
    options: parseEmbedOptions(new URLSearchParams(query)),
    locale,
    data: mapDataOn(s, '2024-08-20', annotations),
    basemap: basemap(),
    extent: s.scenario.extent,
    actors: s.scenario.actors,
    title: 'Test <scenario> & co',
    asOfText: '20 August 2024',
    dataAsOfText: '2 December 2026, 11:20 UTC',
    sources: ['IOM DTM'],
    alt: 'A map',
  });
}

/** The SVG parsed as XML: a parse error fails the test (the document must be well-formed). */
function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (_level, msg) => errors.push(msg) }).parseFromString(
    svg,
    'image/svg+xml',
  );
  expect(errors).toEqual([]);
  const all = (name: string) => Array.from(doc.getElementsByTagName(name));
  const byClass = (name: string, cls: string) =>
    all(name).filter((e) => (e.getAttribute('class') ?? '').split(' ').includes(cls));
  return { doc, all, byClass };
}

const besieged: MapAnnotations = {
  siteStatus: { sd_zamzam: { status: 'active', besieged: true } },
  corridorStatus: { c_adre: 'blocked' },
};

describe('the still image’s SVG', () => {
  it('is a well-formed document of the asked size, with the names escaped', () => {
    const svg = draw('');
    const { doc } = parse(svg);
    const root = doc.documentElement!;
    expect(root.getAttribute('width')).toBe('800');
    expect(root.getAttribute('height')).toBe('600');
    expect(svg).toContain('Test &lt;scenario&gt; &amp; co');
    expect(doc.getElementsByTagName('desc')[0].textContent).toBe('A map');
  });

  it('fills an area of control with its actor’s colour, as solid as its confidence', () => {
    const { byClass } = parse(draw(''));
    const west = byClass('path', 'area').find((e) => e.getAttribute('data-id') === 'a_west');
    expect(west?.getAttribute('fill')).toBe('#d62728');
    expect(west?.getAttribute('fill-opacity')).toBe('0.32');
  });

  it('rings a besieged site in the map’s siege colour, and only a besieged one', () => {
    const rings = parse(draw('', besieged)).byClass('circle', 'site-siege');
    expect(rings.map((r) => r.getAttribute('data-id'))).toEqual(['sd_zamzam']);
    expect(rings[0].getAttribute('stroke')).toBe(SITE_SIEGE_COLOR);
    expect(parse(draw('')).byClass('circle', 'site-siege')).toEqual([]);
  });

  it('draws a corridor in the colour of its verdict on the date', () => {
    const line = parse(draw('', besieged)).byClass('path', 'corridor')[0];
    expect(line.getAttribute('data-id')).toBe('c_adre');
    expect(line.getAttribute('stroke')).toBe(CORRIDOR_STATUS_STYLES.blocked.color);
  });

  it('crosses out a site that is no longer active on the date', () => {
    const { byClass } = parse(
      draw('', { siteStatus: { td_abeche: { status: 'emptied', besieged: false } } }),
    );
    expect(byClass('circle', 'site-inactive').map((e) => e.getAttribute('data-id'))).toEqual(['td_abeche']);
    expect(byClass('path', 'site-inactive-mark')).toHaveLength(1);
  });

  it('labels the main sites in the request’s language: Arabic names in Arabic', () => {
    const labels = (locale: Locale) =>
      parse(draw('', {}, locale))
        .byClass('text', 'site-label')
        .map((t) => t.textContent);
    expect(labels('en')).toContain('Zamzam IDP camp');
    expect(labels('ar')).toContain('معسكر زمزم للنازحين');
    expect(labels('ar')).not.toContain('Zamzam IDP camp');
    // A site with no Arabic name keeps the one the data has.
    expect(labels('ar')).toContain('Abéché');
  });

  it('has a legend in the request’s language, and none with plain=1', () => {
    const legend = (query: string, locale: Locale = 'en') =>
      parse(draw(query, besieged, locale)).byClass('g', 'legend')[0]?.textContent ?? '';
    expect(legend('')).toContain('RSF');
    expect(legend('')).toContain('Blocked corridor');
    expect(legend('')).toContain('Besieged site');
    expect(legend('', 'fr')).toContain('Site assiégé');
    expect(legend('plain=1')).toBe('');
  });

  it('draws only the layers asked for', () => {
    const { byClass } = parse(draw('layers=sites'));
    expect(byClass('path', 'area')).toEqual([]);
    expect(byClass('path', 'corridor')).toEqual([]);
    expect(byClass('circle', 'site').length).toBeGreaterThan(0);
  });

  it('rings the selected site (sel=) and nothing when the selection is not shown', () => {
    expect(parse(draw('sel=sd_zamzam')).byClass('circle', 'selection')).toHaveLength(1);
    expect(parse(draw('sel=sd_zamzam&layers=areas')).byClass('circle', 'selection')).toEqual([]);
    expect(parse(draw('sel=no_such_thing')).byClass('circle', 'selection')).toEqual([]);
  });

  it('puts the map under the title band, in the view the link names', () => {
    const view = imageView({
      options: parseEmbedOptions(new URLSearchParams('map=7/13.63/25.35')),
      extent: [21, 10, 27, 16],
      width: 800,
      height: 600,
    });
    expect(view.zoom).toBe(7);
    expect(view.height).toBe(600 - HEADER_PX - 22);
    expect(view.project([25.35, 13.63])).toEqual([400, view.height / 2]);
  });
});

describe('the still image’s size and address', () => {
  it('takes width= and height= within 200–2400 px and falls back on anything else', () => {
    const size = (q: string) => imageSize(new URLSearchParams(q));
    expect(size('')).toEqual({ width: 800, height: 600 });
    expect(size('width=640&height=480')).toEqual({ width: 640, height: 480 });
    expect(size('width=99999&height=10')).toEqual({ width: 2400, height: 200 });
    expect(size('width=abc&height=12.5')).toEqual({ width: 800, height: 600 });
    expect(size('width=-5&height=')).toEqual({ width: 800, height: 600 });
  });

  it('is the embed’s address with the image’s format and size', () => {
    const options = parseEmbedOptions(new URLSearchParams('date=2024-08-20&plain=1&lang=ar'));
    const url = new URL(
      embedImageUrl('https://corridor.example', options, 'png', { width: 400, height: 300 }),
    );
    expect(url.pathname).toBe('/embed/image.png');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      date: '2024-08-20',
      plain: '1',
      lang: 'ar',
      width: '400',
      height: '300',
    });
  });
});
