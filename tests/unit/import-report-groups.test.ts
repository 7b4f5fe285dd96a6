import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { groupPlaces, groupProblems } from '$lib/import/groupProblems';
import { formatImportReport } from '$lib/server/cli/formatImportReport';

// 1,000 rows whose kind is not a site kind, and every 100th with a latitude that is not a number.
const rows = Array.from({ length: 1000 }, (_, i) =>
  [`Place ${i}`, i % 100 === 7 ? `x${i}` : String(13 + i / 10000), '25.3', `hamlet-${i % 3}`].join(','),
);
const text = ['name,lat,lon,kind', ...rows].join('\n');
const preview = parseImport(text, { fileName: 'places.csv', layer: 'sites', defaultCountry: 'SDN' });

describe('problems grouped by kind', () => {
  it('one group per kind of problem, with its count and first rows, errors first', () => {
    const groups = groupProblems(preview.problems);
    const errors = preview.problems.filter((p) => p.level === 'error').length;
    expect(errors).toBe(1000);
    expect(groups.map((g) => [g.level, g.field, g.count])).toEqual([
      ['error', 'kind', 990],
      ['error', 'lat', 10],
    ]);
    expect(groups[1].message).toBe('latitude "x7" is not a number');
    expect(groupPlaces(groups[1])).toBe(
      'line 9 (places_9), line 109 (places_109), line 209 (places_209) and 7 more',
    );
  });

  it('the command line report is one line per kind, not one per problem', () => {
    const report = formatImportReport(preview, 'nothing written');
    const lines = report.split('\n');
    expect(lines.length).toBeLessThan(20);
    expect(report).toContain('error   10 times     [lat] latitude "x7" is not a number');
    expect(report).toMatch(/error {3}990 times {4}\[kind\] Invalid option/);
    expect(report).toContain('at line 2 (places_2), line 3 (places_3), line 4 (places_4) and 987 more');
  });

  it('a problem seen once keeps its own line with where it is', () => {
    const one = parseImport('name,lat,lon,kind\nA,13.4,25.3,camp\nB,13.4,0,camp\n', {
      fileName: 'one.csv',
      layer: 'sites',
      defaultCountry: 'SDN',
      extent: [14.5, 8.4, 38.8, 22.4],
    });
    const report = formatImportReport(one, 'x');
    expect(report).toMatch(/^warning line 3 {7}one_3 \[lat, lon\] position 0, 13.4 is outside/m);
  });
});
