import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { layerGeojson } from '$lib/server/export/layerGeojson';
import { reportCsv } from '$lib/server/export/reportCsv';
import { selectFeatures } from '$lib/server/export/selectFeatures';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const situation = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const report = createAnalyzer(situation).analyze('2024-08-15');
const table = (csv: string) => {
  const [headers, hxl, ...rows] = parse(csv.slice(1)) as string[][];
  return {
    hxl: Object.fromEntries(headers.map((h, i) => [h, hxl[i]])),
    rows: rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]]))),
  };
};

describe('analysis report as CSV', () => {
  it('gives the corridors table: status, lengths and the features that caused it', () => {
    const { hxl, rows } = table(reportCsv(report, 'corridors'));
    expect(hxl).toMatchObject({ id: '#loc+code', name: '#loc+name', status: '#status' });
    expect(rows.map((r) => r.id)).toEqual(report.corridors.map((c) => c.id));
    for (const c of report.corridors) {
      const row = rows.find((r) => r.id === c.id)!;
      expect(row).toMatchObject({
        status: c.status,
        lengthKm: String(c.lengthKm),
        blockedKm: String(c.blockedKm),
      });
      const reasons = c.stretches.flatMap((s) => s.reasons);
      if (reasons.length) expect(row.reasons).toContain(`${reasons[0].code}:${reasons[0].featureId}`);
      else expect(row.reasons).toBe('');
    }
  });

  it('gives the sites table: access, flags, figures, hotspot rank and best path', () => {
    const { hxl, rows } = table(reportCsv(report, 'sites'));
    expect(hxl).toMatchObject({ access: '#access+type', population: '#population' });
    expect(rows).toHaveLength(report.sites.length);
    const zamzam = rows.find((r) => r.id === 'sd_zamzam')!;
    // Famine found on 2024-08-01; reached only across the border through Tiné (Adré reopened the same day).
    expect(zamzam.access).toBe('cross_border_only');
    expect(zamzam.flags.split(';')).toEqual(expect.arrayContaining(['famine', 'cross_border']));
    expect(zamzam).toMatchObject({ ipcPhase: '5', famine: 'true' });
    const top = report.hotspots[0];
    expect(rows.find((r) => r.id === top.siteId)).toMatchObject({
      hotspotRank: '1',
      hotspotScore: String(top.score),
    });
  });
});

describe('GeoJSON export', () => {
  it('keeps every stored property, dated figures included, with the id at the top level', () => {
    const fc = JSON.parse(layerGeojson('sites', selectFeatures(situation, 'sites', { windowDays: 30 })));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(situation.sites.length);
    const zamzam = fc.features.find((f: { id: string }) => f.id === 'sd_zamzam');
    const stored = situation.sites.find((s) => s.properties.id === 'sd_zamzam')!;
    expect(zamzam.properties).toEqual(stored.properties);
    expect(zamzam.geometry).toEqual(stored.geometry);
  });
});
