import { describe, expect, it } from 'vitest';
import type { LineString, Point } from 'geojson';
import { analyze } from '$lib/domain/analysis';
import { reasonCode, type AnalysisReport, type SiteReport } from '$lib/domain/schemas';
import { annotationsFromReport } from '$lib/map/analysisAnnotations';
import { analysisView, formatKm, REASON_LABELS } from '$lib/map/analysisDetails';
import { bestPathData } from '$lib/map/bestPathLayer';
import { corridorsLayers } from '$lib/map/corridorsLayer';
import { featureList } from '$lib/map/featureList';
import { hotspotList } from '$lib/map/hotspotList';
import { mapDataOn } from '$lib/map/mapData';
import { passes } from './map-evaluate';
import { situation } from './map-fixture';

// The fixture on 2024-08-15: the Adré corridor c_adre crosses front line f1 into contested El Fasher, near
// a severity-3 incident; Zamzam (IPC 5, famine) has no road to a hub; Abéché is a hub off the network.
const report = (): AnalysisReport => analyze(situation(), '2024-08-15');

/** A copy of the report with Zamzam reachable from Abéché through the Adré crossing. */
function withPath(r: AnalysisReport): AnalysisReport {
  const path: SiteReport['bestPath'] = {
    fromHubId: 'td_abeche',
    viaCrossingIds: ['td_adre_crossing'],
    lengthKm: 512.4,
    cost: 900,
    segmentIds: ['r_track#0'],
    geometry: {
      type: 'LineString',
      coordinates: [
        [20.83, 13.83],
        [22.2, 13.47],
        [25.31, 13.49],
      ],
    },
  };
  return {
    ...r,
    sites: r.sites.map((s) =>
      s.id === 'sd_zamzam'
        ? { ...s, access: 'cross_border_only', flags: ['cross_border'], bestPath: path }
        : s,
    ),
  };
}

describe('annotationsFromReport', () => {
  it('gives the map each corridor status, its blocked and at-risk stretches only, site flags and hotspots', () => {
    const r = report();
    const a = annotationsFromReport(r);
    expect(a.corridorStatus).toEqual({ c_adre: 'blocked' });
    const stretches = a.corridorStretches!.c_adre;
    expect(stretches.map((s) => s.status)).toEqual(
      r.corridors[0].stretches.filter((s) => s.status !== 'open').map((s) => s.status),
    );
    expect(stretches.some((s) => s.status === 'blocked')).toBe(true);
    expect(stretches.every((s) => s.geometry.type === 'LineString')).toBe(true);
    expect(a.siteFlags?.sd_zamzam).toEqual(['protection', 'cut_off', 'famine']);
    expect(a.hotspots).toEqual([{ siteId: 'sd_zamzam', score: 6_000_000 }]);
  });
});

describe('mapDataOn with the analysis', () => {
  const parts = (r: AnalysisReport) =>
    mapDataOn(situation(), r.asOf, annotationsFromReport(r)).corridors.features.map((f) => ({
      part: f.properties.part,
      status: f.properties.status,
      id: f.properties.id,
      geometry: f.geometry,
    }));

  it('draws each stretch over its corridor and a marker in the middle of each blocked one', () => {
    const r = report();
    const drawn = parts(r);
    const blocked = r.corridors[0].stretches.filter((s) => s.status === 'blocked');
    expect(drawn.filter((f) => f.part === 'corridor')).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ part: 'corridor', status: 'blocked', id: 'c_adre' });
    expect(drawn.filter((f) => f.part === 'stretch')).toHaveLength(
      r.corridors[0].stretches.filter((s) => s.status !== 'open').length,
    );
    const markers = drawn.filter((f) => f.part === 'marker');
    expect(markers).toHaveLength(blocked.length);
    // Stretches and markers carry the corridor's id, so clicking one selects the corridor.
    expect(new Set(drawn.map((f) => f.id))).toEqual(new Set(['c_adre']));
    // Each marker lies within its stretch's bounding box.
    markers.forEach((m, i) => {
      const [x, y] = (m.geometry as Point).coordinates;
      const xs = (blocked[i].geometry as LineString).coordinates.map((c) => c[0]);
      const ys = (blocked[i].geometry as LineString).coordinates.map((c) => c[1]);
      expect(x).toBeGreaterThanOrEqual(Math.min(...xs));
      expect(x).toBeLessThanOrEqual(Math.max(...xs));
      expect(y).toBeGreaterThanOrEqual(Math.min(...ys) - 1e-9);
      expect(y).toBeLessThanOrEqual(Math.max(...ys) + 1e-9);
    });
  });

  it('keeps the corridor, stretch and marker layers apart by their filters', () => {
    const layers = new Map(corridorsLayers().map((l) => [l.id, l as { filter?: unknown }]));
    const line = layers.get('corridors-line')!.filter;
    const stretch = layers.get('corridors-stretch')!.filter;
    const marker = layers.get('corridors-stretch-marker')!.filter;
    expect(passes(line, { part: 'corridor' }, 2)).toBe(true);
    expect(passes(line, {}, 2)).toBe(true);
    expect(passes(line, { part: 'stretch' }, 2)).toBe(false);
    expect(passes(stretch, { part: 'stretch' }, 2)).toBe(true);
    expect(passes(stretch, { part: 'corridor' }, 2)).toBe(false);
    expect(passes(marker, { part: 'marker' }, 1)).toBe(true);
    expect(passes(marker, { part: 'stretch' }, 1)).toBe(false);
  });
});

describe('analysisView', () => {
  it('describes a corridor: status, lengths and its not-open stretches with reasons in plain words', () => {
    const r = report();
    const view = analysisView(situation(), r, 'c_adre');
    expect(view?.kind).toBe('corridor');
    if (view?.kind !== 'corridor') return;
    expect(view).toMatchObject({
      status: 'blocked',
      statusLabel: 'Blocked',
      lengthKm: r.corridors[0].lengthKm,
    });
    expect(view.stretches.every((s) => s.status !== ('open' as string))).toBe(true);
    const crossing = view.stretches.flatMap((s) => s.reasons).find((x) => x.code === 'frontline_crossing')!;
    expect(crossing).toMatchObject({
      label: 'Crosses a front line',
      featureId: 'f1',
      featureName: situation().frontlines[0].properties.name,
      selectable: true,
    });
    const incident = view.stretches.flatMap((s) => s.reasons).find((x) => x.code === 'incident_severe');
    expect(incident).toMatchObject({ featureId: 'i_recent', selectable: true });
    // A reason appears once per stretch even when several road segments give it.
    for (const s of view.stretches) {
      const keys = s.reasons.map((x) => `${x.code}/${x.featureId}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('describes a site: access, flags, hotspot rank and best path with names', () => {
    const cutOff = analysisView(situation(), report(), 'sd_zamzam');
    expect(cutOff).toMatchObject({
      kind: 'site',
      access: 'cut_off',
      accessLabel: 'Cut off',
      bestPath: null,
      hotspot: { rank: 1, score: 6_000_000 },
    });
    expect(cutOff?.kind === 'site' && cutOff.flags.map((f) => f.label)).toEqual([
      'Needs protection',
      'Cut off',
      'Famine',
    ]);
    const reached = analysisView(situation(), withPath(report()), 'sd_zamzam');
    expect(reached?.kind === 'site' && reached.bestPath).toEqual({
      fromHubId: 'td_abeche',
      fromHubName: 'Abéché',
      via: [{ id: 'td_adre_crossing', name: situation().crossings[0].properties.name }],
      lengthKm: 512.4,
    });
    expect(reached).toMatchObject({ accessLabel: 'Cross-border only' });
  });

  it('says nothing about features the report does not cover', () => {
    expect(analysisView(situation(), report(), 'f1')).toBeUndefined();
    expect(analysisView(situation(), report(), 'nope')).toBeUndefined();
  });

  it('has plain words for every reason code', () => {
    for (const code of reasonCode.options) {
      expect(REASON_LABELS[code], code).toMatch(/^[A-Z][a-z]/);
      expect(REASON_LABELS[code]).not.toContain('_');
    }
  });

  it('writes km as a driver reads them', () => {
    expect(formatKm(2)).toBe('2 km');
    expect(formatKm(16.217)).toBe('16.2 km');
    expect(formatKm(345.366)).toBe('345 km');
  });
});

describe('hotspotList', () => {
  it('ranks by score, then lists the other flagged sites that are not hubs, hardest access first', () => {
    const r = withPath(report());
    const extra = (id: string, access: SiteReport['access'], ipcPhase: number | null): SiteReport => ({
      ...r.sites.find((s) => s.id === 'sd_zamzam')!,
      id,
      name: id,
      access,
      ipcPhase,
      population: null,
      flags: access === 'cut_off' ? ['cut_off'] : ['crossline'],
      bestPath: null,
      reasons: [],
    });
    const list = hotspotList({
      ...r,
      sites: [...r.sites, extra('x_crossline', 'crossline_only', 5), extra('x_cut', 'cut_off', null)],
    });
    expect(list.ranked.map((h) => [h.rank, h.siteId, h.score])).toEqual([[1, 'sd_zamzam', 6_000_000]]);
    expect(list.ranked[0].flags.map((f) => f.flag)).toEqual(['cross_border']);
    expect(list.ranked[0].reasons).toContain('Famine');
    // Abéché is flagged (off the network) but a hub: not a hotspot.
    expect(list.unranked.map((h) => h.siteId)).toEqual(['x_cut', 'x_crossline']);
  });
});

describe('bestPathData', () => {
  it('is the selected site’s path, or nothing', () => {
    const r = withPath(report());
    const path = bestPathData(r, 'sd_zamzam');
    expect(path.features).toHaveLength(1);
    expect(path.features[0].geometry.coordinates).toHaveLength(3);
    expect(path.features[0].properties).toMatchObject({ id: 'sd_zamzam', fromHubId: 'td_abeche' });
    expect(bestPathData(report(), 'sd_zamzam').features).toEqual([]);
    expect(bestPathData(r, 'c_adre').features).toEqual([]);
    expect(bestPathData(r, undefined).features).toEqual([]);
    expect(bestPathData(undefined, 'sd_zamzam').features).toEqual([]);
  });
});

describe('featureList with the analysis', () => {
  it('says each corridor’s status and each site’s flags in words', () => {
    const items = featureList(situation(), '2024-08-15', annotationsFromReport(report()));
    expect(items.find((i) => i.id === 'c_adre')?.summary).toBe('Aid corridor · blocked');
    expect(items.find((i) => i.id === 'sd_zamzam')?.summary).toMatch(/needs protection, cut off, famine$/);
  });
});

describe('purity', () => {
  it('never changes the report it reads', () => {
    const r = withPath(report());
    const before = structuredClone(r);
    annotationsFromReport(r);
    analysisView(situation(), r, 'c_adre');
    analysisView(situation(), r, 'sd_zamzam');
    hotspotList(r);
    bestPathData(r, 'sd_zamzam');
    mapDataOn(situation(), r.asOf, annotationsFromReport(r));
    expect(r).toEqual(before);
  });
});
