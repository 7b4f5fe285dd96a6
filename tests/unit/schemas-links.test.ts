// Issue 8: `sourceUrl` (the only link field of the schemas) takes http(s) links only. The map makes it a
// clickable link, so a `javascript:` or `data:` URL would run in the reader's page.
import { describe, expect, it } from 'vitest';
import { formatIssue, parseLayer, type LayerName } from '$lib/domain/schemas';
import { featureDetails } from '$lib/map/featureDetails';
import { situation } from './map-fixture';

const withLink = (sourceUrl: unknown) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.31, 13.49] },
  properties: { id: 'camp', name: 'Camp', source: 'IOM DTM', kind: 'idp_camp', country: 'SDN', sourceUrl },
});

function problems(layer: LayerName, feature: unknown): string[] {
  const r = parseLayer(`${layer}.geojson`, layer, { type: 'FeatureCollection', features: [feature] });
  return r.issues.map(formatIssue);
}

describe('sourceUrl', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/report.pdf',
    '//evil.example/page',
    'not a link',
  ])('refuses %s, naming the file, feature, field and reason', (link) => {
    expect(problems('sites', withLink(link))).toEqual([
      'sites.geojson: feature #0 (id "camp"), field "properties.sourceUrl": must be an http(s) link, such as https://example.org/report',
    ]);
  });

  it.each(['https://dtm.iom.int/sudan', 'http://example.org/a?b=c#d', 'HTTPS://reliefweb.int/report'])(
    'takes %s',
    (link) => {
      expect(problems('sites', withLink(link))).toEqual([]);
    },
  );

  it('is checked the same way in every layer', () => {
    const incident = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [22.3, 13.45] },
      properties: {
        id: 'i1',
        name: 'Report',
        source: 'ACLED',
        sourceUrl: 'javascript:alert(1)',
        date: '2024-08-10',
        category: 'hostilities',
        severity: 1,
        verification: 'verified',
      },
    };
    expect(problems('incidents', incident)).toEqual([
      'incidents.geojson: feature #0 (id "i1"), field "properties.sourceUrl": must be an http(s) link, such as https://example.org/report',
    ]);
  });

  it('the map makes no link of a stored record whose sourceUrl is not http(s)', () => {
    const s = situation();
    const zamzam = s.sites.find((f) => f.properties.id === 'sd_zamzam')!;
    // As a record written before the rule would be: it is in storage, not validated again.
    zamzam.properties.sourceUrl = 'javascript:alert(1)';
    expect(featureDetails(s, 'sd_zamzam', '2024-08-15')?.sourceUrl).toBeUndefined();
    zamzam.properties.sourceUrl = 'https://dtm.iom.int/sudan';
    expect(featureDetails(s, 'sd_zamzam', '2024-08-15')?.sourceUrl).toBe('https://dtm.iom.int/sudan');
  });
});
