import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { hotspots, type HotspotsMemo } from '$lib/domain/analysis/hotspots';
import type { SiteReport } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// An analyzer ranks the hotspots of a re-analysis from the last ranking, redoing only the sites whose report
// changed: the ranking must be the one ranking every site from scratch gives.
const report = createAnalyzer(loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'))).analyze(
  '2024-08-15',
);

describe('hotspots after a re-analysis', () => {
  it('rank sites whose access or population changed where a full ranking puts them', () => {
    const memo: HotspotsMemo = {};
    hotspots(report.sites, memo);
    const ranked = hotspots(report.sites).filter((h) => h.components.population > 0);
    expect(ranked.length).toBeGreaterThan(3);
    const top = ranked[0].siteId;
    const last = ranked[ranked.length - 1].siteId;
    const changed: SiteReport[] = report.sites.map((s) =>
      s.id === top
        ? { ...s, access: 'internal', famine: false, ipcPhase: 1 }
        : s.id === last
          ? { ...s, access: 'cut_off', population: (s.population ?? 0) * 1000 }
          : s,
    );
    const again = hotspots(changed, memo);
    expect(again).toEqual(hotspots(changed));
    expect(again[0].siteId).toBe(last);
    expect(again.findIndex((h) => h.siteId === top)).toBeGreaterThan(0);
  });

  it('drop a site that became inactive and keep the same list when nothing changed', () => {
    const memo: HotspotsMemo = {};
    const first = hotspots(report.sites, memo);
    expect(hotspots(report.sites, memo)).toEqual(first);
    const gone = first[0].siteId;
    const changed = report.sites.map((s) => (s.id === gone ? { ...s, access: 'inactive' as const } : s));
    const again = hotspots(changed, memo);
    expect(again.map((h) => h.siteId)).not.toContain(gone);
    expect(again).toEqual(hotspots(changed));
  });
});
