// The default scenario in geodata/: it loads through the app's own loader, places what the issue asks for where the
// checked gazetteer puts it, and carries the structure the analysis relies on (shared road nodes, crossings on
// roads, corridors on roads, areas that do not overlap, front lines wherever a road passes between the sides).
import { existsSync, readFileSync } from 'node:fs';
import {
  along,
  area,
  booleanIntersects,
  booleanPointInPolygon,
  distance,
  featureCollection,
  intersect,
  length,
  lineIntersect,
  lineString,
  point,
  pointToLineDistance,
} from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { crossingStatusOn, isValidOn, siteFiguresOn } from '$lib/domain/asOf';
import { layerNames, type FrontlineFeature, type Situation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const situation = loadSituationFromDir('geodata');
const GAZETTEER = '../shared/reference/sudan-gazetteer.csv';

const key = (p: Position) => `${p[0]},${p[1]}`;
const byId = <T extends { properties: { id: string } }>(list: T[], id: string): T => {
  const found = list.find((f) => f.properties.id === id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
};
const roadEnds = new Set(
  situation.roads.flatMap((r) => [key(r.geometry.coordinates[0]), key(r.geometry.coordinates.at(-1)!)]),
);

/** The road end nodes reachable from `starts` over `roads` (breadth-first). */
function reach(roads: Situation['roads'], starts: string[]): Set<string> {
  const neighbours = new Map<string, string[]>();
  for (const r of roads) {
    const [a, b] = [key(r.geometry.coordinates[0]), key(r.geometry.coordinates.at(-1)!)];
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    for (const n of neighbours.get(queue.shift()!) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return seen;
}

/** Minimal CSV reader for the gazetteer (quoted fields may hold commas). */
function readCsv(text: string): Record<string, string>[] {
  const rows = text
    .trim()
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted && c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') {
          quoted = !quoted;
        } else if (c === ',' && !quoted) {
          out.push(cur);
          cur = '';
        } else {
          cur += c;
        }
      }
      out.push(cur);
      return out;
    });
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('default scenario (geodata/)', () => {
  it('has features in every layer and three actors, SAF and RSF opposing each other', () => {
    // Administrative boundaries are reference data imported by each workspace (OCHA COD): geodata/ has none.
    for (const layer of layerNames.filter((l) => l !== 'admin'))
      expect(situation[layer].length, layer).toBeGreaterThan(0);
    expect(situation.admin).toEqual([]);
    const actors = Object.fromEntries(situation.scenario.actors.map((a) => [a.id, a]));
    expect(actors.saf.opposes).toEqual(['rsf']);
    expect(actors.rsf.opposes).toEqual(['saf']);
    expect(actors['slm-aw'].opposes).toEqual([]);
    expect(situation.scenario.disclaimer).toMatch(/approximate/i);
  });

  it('has the sites the issue names, and the supply hubs marked as hubs', () => {
    const required = {
      sd_el_fasher: 'town',
      sd_nyala: 'town',
      sd_el_geneina: 'town',
      sd_zalingei: 'town',
      sd_ed_daein: 'town',
      sd_zamzam: 'idp_camp',
      sd_abu_shouk: 'idp_camp',
      sd_al_salam_fasher: 'idp_camp',
      sd_kalma: 'idp_camp',
      sd_otash: 'idp_camp',
      sd_ardamata: 'idp_camp',
      sd_dali_tawila: 'idp_camp',
      sd_tawila: 'town',
      td_adre_transit: 'refugee_camp',
      td_iridimi: 'refugee_camp',
      td_abeche: 'supply_hub',
      td_ndjamena: 'supply_hub',
      sd_el_obeid: 'town',
      sd_kosti: 'supply_hub',
      sd_port_sudan: 'supply_hub',
    };
    for (const [id, kind] of Object.entries(required))
      expect(byId(situation.sites, id).properties.kind, id).toBe(kind);
    const hubs = situation.sites.filter((s) => s.properties.hub).map((s) => s.properties.id);
    expect(hubs.sort()).toEqual(['sd_el_obeid', 'sd_kosti', 'sd_port_sudan', 'td_abeche', 'td_ndjamena']);
    expect(byId(situation.sites, 'td_abeche').properties.country).toBe('TCD');
    expect(byId(situation.sites, 'sd_zamzam').properties.country).toBe('SDN');
  });

  it('puts every site and every international crossing at its gazetteer position (needs ../shared/reference/sudan-gazetteer.csv)', () => {
    expect(existsSync(GAZETTEER), `${GAZETTEER} is missing: ../shared must sit beside the repository`).toBe(
      true,
    );
    const gazetteer = new Map(readCsv(readFileSync(GAZETTEER, 'utf8')).map((r) => [r.id, r]));
    for (const f of [...situation.sites, ...situation.crossings]) {
      const row = gazetteer.get(f.properties.id);
      if (f.properties.id === 'xl_kordofan') {
        // The one schematic position: the gazetteer has no crossline post.
        expect(row).toBeUndefined();
        expect(f.properties.note).toMatch(/schematic/i);
        continue;
      }
      expect(row, `${f.properties.id} is not in the gazetteer`).toBeDefined();
      expect(f.geometry.coordinates, f.properties.id).toEqual([Number(row!.lon), Number(row!.lat)]);
      if (row!.name_ar) expect(f.properties.nameAr, f.properties.id).toBe(row!.name_ar);
    }
  });

  it('closes Adré on 2024-05-01 and has it open on 2024-08-20', () => {
    const adre = byId(situation.crossings, 'td_adre_crossing');
    expect(adre.properties.countries).toEqual(['TCD', 'SDN']);
    expect(crossingStatusOn(adre, '2023-06-01')?.status).toBe('open');
    expect(crossingStatusOn(adre, '2024-05-01')?.status).toBe('closed');
    expect(crossingStatusOn(adre, '2024-08-14')?.status).toBe('closed');
    expect(crossingStatusOn(adre, '2024-08-20')?.status).toBe('open');
    expect(crossingStatusOn(byId(situation.crossings, 'sd_tina_crossing'), '2024-08-15')?.status).toBe(
      'open',
    );
  });

  it('has a crossline crossing between SAF and RSF, closed on 2024-08-15', () => {
    const crossline = situation.crossings.filter((c) => c.properties.kind === 'crossline');
    expect(crossline.length).toBeGreaterThan(0);
    for (const c of crossline) expect(c.properties.actorIds.sort()).toEqual(['rsf', 'saf']);
    expect(crossingStatusOn(byId(situation.crossings, 'xl_kordofan'), '2024-08-15')?.status).toBe('closed');
  });

  it('puts every site and every crossing on a road end node', () => {
    for (const f of [...situation.sites, ...situation.crossings])
      expect(roadEnds.has(key(f.geometry.coordinates)), `${f.properties.id} is not on a road node`).toBe(
        true,
      );
  });

  it('connects every site to every other through the road network', () => {
    const seen = reach(situation.roads, [key(byId(situation.sites, 'td_ndjamena').geometry.coordinates)]);
    for (const s of situation.sites)
      expect(seen.has(key(s.geometry.coordinates)), s.properties.id).toBe(true);
  });

  it('draws every corridor along the roads, from its first site to its last', () => {
    const roadSteps = new Set(
      situation.roads.flatMap((r) =>
        r.geometry.coordinates.slice(1).flatMap((p, i) => {
          const q = r.geometry.coordinates[i];
          return [`${key(q)}>${key(p)}`, `${key(p)}>${key(q)}`];
        }),
      ),
    );
    expect(situation.corridors.length).toBeGreaterThanOrEqual(5);
    for (const c of situation.corridors) {
      const coords = c.geometry.coordinates;
      coords.slice(1).forEach((p, i) => {
        expect(
          roadSteps.has(`${key(coords[i])}>${key(p)}`),
          `${c.properties.id} step ${i} is not a road step`,
        ).toBe(true);
      });
      expect(coords[0]).toEqual(byId(situation.sites, c.properties.fromSiteId!).geometry.coordinates);
      expect(coords.at(-1)).toEqual(byId(situation.sites, c.properties.toSiteId!).geometry.coordinates);
    }
  });

  it('has areas of control at three or more dates, wound counter-clockwise, never overlapping on one date', () => {
    const starts = [...new Set(situation.areas.map((a) => a.properties.validFrom))].sort();
    expect(starts.length).toBeGreaterThanOrEqual(3);
    for (const date of starts) {
      const valid = situation.areas.filter((a) => isValidOn(a.properties, date));
      for (let i = 0; i < valid.length; i++)
        for (let j = i + 1; j < valid.length; j++) {
          const common = intersect(featureCollection([valid[i], valid[j]]));
          const km2 = common ? area(common) / 1e6 : 0;
          expect(km2, `${valid[i].properties.id} overlaps ${valid[j].properties.id}`).toBeLessThan(1);
        }
    }
    // RFC 7946 winding: exterior rings counter-clockwise (positive shoelace area), holes clockwise.
    const signedArea = (ring: Position[]) =>
      ring.slice(1).reduce((sum, p, i) => sum + (ring[i][0] * p[1] - p[0] * ring[i][1]), 0) / 2;
    for (const a of situation.areas) {
      const polygons = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
      for (const [outer, ...holes] of polygons) {
        expect(signedArea(outer), a.properties.id).toBeGreaterThan(0);
        for (const h of holes) expect(signedArea(h), a.properties.id).toBeLessThan(0);
      }
    }
    expect(situation.areas.some((a) => a.properties.confidence === 'contested')).toBe(true);
    for (const a of situation.areas) expect(a.properties.note).toMatch(/approximate/i);
  });

  it('gives every feature, figure and status entry a source', () => {
    for (const layer of layerNames)
      for (const f of situation[layer]) expect(f.properties.source.trim(), f.properties.id).not.toBe('');
    for (const s of situation.sites)
      for (const fig of s.properties.figures) expect(fig.source.trim()).not.toBe('');
    for (const c of situation.crossings)
      for (const e of c.properties.statusHistory) expect(e.source.trim()).not.toBe('');
  });

  it('draws a front line wherever a road passes from SAF-held to RSF-held ground', () => {
    const dates = [...new Set(situation.areas.map((a) => a.properties.validFrom))];
    for (const date of dates) {
      const areas = situation.areas.filter((a) => isValidOn(a.properties, date));
      const fronts = situation.frontlines.filter((f) => isValidOn(f.properties, date));
      const actorAt = (p: Position) =>
        areas.find((a) => booleanPointInPolygon(point(p), a))?.properties.actorId ?? null;
      for (const r of situation.roads) {
        const km = length(r);
        const held = [];
        for (let d = 0; d <= km; d += 2) held.push(actorAt(along(r, d).geometry.coordinates));
        const sides = held.filter((a) => a === 'saf' || a === 'rsf');
        const passes = sides.some((a, i) => i > 0 && a !== sides[i - 1]);
        if (passes)
          expect(
            fronts.some((f) => booleanIntersects(r, f)),
            `${r.properties.id} passes between SAF and RSF on ${date} without a front line`,
          ).toBe(true);
      }
    }
  });
});

// A simplified reading of DESIGN.md §3 (front lines, crossings, rainy months; no buffers or incidents), enough to
// show that the data supports what analysts expect on the dates the issue names. The analysis engine is tested on
// its own; this checks the data.
function reachable(s: Situation, date: string, fromCountry: string): Set<string> {
  const month = Number(date.slice(5, 7));
  const fronts = s.frontlines.filter((f) => isValidOn(f.properties, date));
  const status = new Map(
    s.crossings.filter((c) => isValidOn(c.properties, date)).map((c) => [key(c.geometry.coordinates), c]),
  );
  const openCrossline = s.crossings.filter(
    (c) => c.properties.kind === 'crossline' && crossingStatusOn(c, date)?.status === 'open',
  );
  const frontLines = (f: FrontlineFeature): Feature<LineString>[] =>
    f.geometry.type === 'LineString'
      ? [lineString(f.geometry.coordinates)]
      : f.geometry.coordinates.map((l) => lineString(l));
  const usable = s.roads.filter((r) => {
    if (!isValidOn(r.properties, date) || r.properties.impassableMonths.includes(month)) return false;
    for (const end of [r.geometry.coordinates[0], r.geometry.coordinates.at(-1)!]) {
      const c = status.get(key(end));
      if (c && crossingStatusOn(c, date)?.status !== 'open') return false;
    }
    const hits = fronts.flatMap((f) => frontLines(f).flatMap((l) => lineIntersect(r, l).features));
    // Passing the front line is allowed only at an open crossline point.
    return hits.every((h) => openCrossline.some((c) => distance(c, h) < 0.05));
  });
  const starts = s.sites
    .filter((h) => h.properties.hub && h.properties.country === fromCountry)
    .map((h) => key(h.geometry.coordinates));
  return reach(usable, starts);
}

describe('default scenario supports the analysts’ expectations', () => {
  const at = (id: string) => key(byId(situation.sites, id).geometry.coordinates);

  it('Zamzam on 2024-08-15: reachable from Chad through Tiné only, near the front line, in famine', () => {
    expect(reachable(situation, '2024-08-15', 'SDN').has(at('sd_zamzam'))).toBe(false);
    expect(reachable(situation, '2024-08-15', 'TCD').has(at('sd_zamzam'))).toBe(true);
    const zamzam = byId(situation.sites, 'sd_zamzam');
    const fronts = situation.frontlines.filter((f) => isValidOn(f.properties, '2024-08-15'));
    const nearestKm = Math.min(
      ...fronts.flatMap((f) =>
        (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates).map((l) =>
          pointToLineDistance(zamzam.geometry.coordinates, lineString(l)),
        ),
      ),
    );
    expect(nearestKm).toBeLessThan(15);
    expect(siteFiguresOn(zamzam, '2024-08-15')).toMatchObject({
      famine: { value: true },
      ipcPhase: { value: 5 },
    });
  });

  it('Nyala: cut off from Chad while Adré is closed (2024-05-01), reachable through Adré on 2024-08-20', () => {
    expect(reachable(situation, '2024-05-01', 'TCD').has(at('sd_nyala'))).toBe(false);
    expect(reachable(situation, '2024-08-20', 'TCD').has(at('sd_nyala'))).toBe(true);
  });

  it('the Kordofan crossline opens the way from El Obeid to Nyala only while it is open', () => {
    expect(reachable(situation, '2024-11-20', 'SDN').has(at('sd_nyala'))).toBe(true);
    expect(reachable(situation, '2025-01-20', 'SDN').has(at('sd_nyala'))).toBe(false);
  });
});
