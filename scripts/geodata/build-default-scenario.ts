/**
 * Writes the default scenario (`geodata/scenario.json` and one `<layer>.geojson` per layer) from the compact
 * description in this folder, validates it with the app's own schemas, and prints which roads cross an active front
 * line on a few dates as a check for the author.
 *
 *   npx tsx scripts/geodata/build-default-scenario.ts
 *
 * The committed files in `geodata/` are what the app reads; this script only has to be re-runnable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanIntersects, lineString, multiLineString, rewind } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import * as prettier from 'prettier';
import { parseSituation } from '../../src/lib/domain/schemas/parse';
import { isValidOn } from '../../src/lib/domain/asOf';
import {
  APPROX_NOTE,
  breakpoints,
  frontNames,
  frontSegmentsOn,
  holderOn,
  tilePolygons,
  tiles,
  unionOf,
  type ActorId,
  type Confidence,
} from './control';
import { AL_KOMA, constraints, corridors, incidents } from './events';
import { joinSegments, round, segKey, type Pos } from './geometry';
import {
  KORDOFAN_CROSSLINE,
  legCoords,
  nameOf,
  RAINY_MONTHS,
  roadCoords,
  roadId,
  roads,
  routeCoords,
} from './network';
import { at, places } from './places';
import { backers } from './backers';
import { crossings, sites } from './sites';

const OUT = 'geodata';

const actors = [
  {
    id: 'saf',
    name: 'Sudanese Armed Forces (SAF) and allied Joint Forces',
    nameAr: 'القوات المسلحة السودانية والقوة المشتركة',
    color: '#2f6db3',
    opposes: ['rsf'],
    deniesAccess: false,
    source: 'Security Council Report 2024-06-13; Darfur24 2024-04-20 (army and allied groups)',
    backers: backers.saf,
  },
  {
    id: 'rsf',
    name: 'Rapid Support Forces (RSF)',
    nameAr: 'قوات الدعم السريع',
    color: '#d9822b',
    opposes: ['saf'],
    deniesAccess: false,
    source: 'Security Council Report 2024-06-13',
    backers: backers.rsf,
  },
  {
    id: 'slm-aw',
    name: 'Sudan Liberation Movement – Abdel Wahid (SLM-AW)',
    nameAr: 'حركة تحرير السودان – عبد الواحد',
    color: '#8e5ea2',
    opposes: [],
    deniesAccess: false,
    source: 'Wikipedia "Tawila" (citing Sudan Tribune 2023-09-24)',
  },
];
const actorShort: Record<ActorId, string> = { saf: 'SAF and allies', rsf: 'RSF', 'slm-aw': 'SLM-AW' };

const DISCLAIMER =
  'Areas of control and front lines are approximate: hand-drawn around named places from public reports, not authoritative boundaries. Roads are schematic (straight or lightly bent lines between real towns). The Kordofan crossline point and the El Fasher west junction are schematic. Everything shown is public information with its source and date.';

const scenario = {
  id: 'sudan-darfur-2023-2025',
  name: 'Sudan war 2023–2025 (Darfur focus)',
  nameAr: 'حرب السودان ٢٠٢٣–٢٠٢٥ (دارفور)',
  description:
    'Aid access in the war between the SAF and the RSF, from its start on 2023-04-15 to the fall of El Fasher (2025-10-26) and after: areas of control, front lines, camps and hubs, the Adré and Tiné crossings from Chad, the Kordofan routes from Port Sudan, incidents and seasonal constraints.',
  defaultAsOf: '2025-11-04',
  timeRange: { from: '2023-04-15', to: '2025-12-31' },
  extent: [14.5, 8.4, 38.8, 22.4],
  country: 'SDN',
  actors,
  disclaimer: DISCLAIMER,
};

// ---------- features ----------

type Props = Record<string, unknown>;
const feature = (properties: Props, geometry: Geometry) => ({
  type: 'Feature' as const,
  properties,
  geometry,
});
const point = (p: Pos): Geometry => ({ type: 'Point', coordinates: p });
const clean = (o: Props): Props => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const siteFeatures = sites.map((s) => {
  const p = places[s.id];
  return feature(
    clean({
      id: s.id,
      name: s.name ?? p.name,
      nameAr: 'nameAr' in p ? p.nameAr : undefined,
      source: p.source,
      sensitivity: 'public',
      note: s.note,
      kind: s.kind,
      country: s.country,
      hub: s.hub ?? false,
      figures: (s.figures ?? []).map((f) => clean({ ...f })),
      statusHistory: (s.statusHistory ?? []).map((e) => clean({ ...e })),
      precisionKm: p.precisionKm,
    }),
    point(at(s.id)),
  );
});

const crossingFeatures = crossings.map((c) => {
  const p = c.place ? places[c.place] : undefined;
  return feature(
    clean({
      id: c.id,
      name: c.name,
      nameAr: p && 'nameAr' in p ? p.nameAr : undefined,
      source: c.source,
      sensitivity: 'public',
      note: c.note,
      kind: c.kind,
      countries: c.countries ?? [],
      actorIds: c.actorIds ?? [],
      statusHistory: c.statusHistory.map((e) => clean({ ...e })),
    }),
    point(c.place ? at(c.place) : KORDOFAN_CROSSLINE),
  );
});

const roadFeatures = roads.map((r) =>
  feature(
    clean({
      id: roadId(r),
      name: `${nameOf(r.from)} – ${nameOf(r.to)}`,
      source: r.source,
      sensitivity: 'public',
      note: r.note,
      class: r.class,
      impassableMonths: r.class === 'track' ? RAINY_MONTHS : [],
    }),
    { type: 'LineString', coordinates: roadCoords(r) },
  ),
);

const corridorFeatures = corridors.map((c) =>
  feature(
    {
      id: c.id,
      name: c.name,
      source: c.source,
      sensitivity: 'public',
      fromSiteId: c.fromSiteId,
      toSiteId: c.toSiteId,
      description: c.description,
    },
    { type: 'LineString', coordinates: routeCoords(c.nodes) },
  ),
);

const incidentFeatures = incidents.map((i) =>
  feature(
    clean({
      id: i.id,
      name: i.name,
      source: i.source,
      sensitivity: 'public',
      note: i.note,
      date: i.date,
      category: i.category,
      severity: i.severity,
      verification: i.verification,
      description: i.description,
      fatalities: i.fatalities,
      actorId: i.actorId,
    }),
    point(i.at === 'kordofan_crossline' ? KORDOFAN_CROSSLINE : i.at === 'al_koma' ? AL_KOMA : at(i.at)),
  ),
);

const constraintFeatures = constraints.map((c) =>
  feature(
    clean({
      id: c.id,
      name: c.name,
      source: c.source,
      sensitivity: 'public',
      note: c.note,
      kind: c.kind,
      severity: c.severity,
      validFrom: c.validFrom,
      validTo: c.validTo,
      description: c.description,
      actorId: c.actorId,
    }),
    c.ring
      ? { type: 'Polygon', coordinates: [c.ring] }
      : multiLineString((c.legs ?? []).map(([a, b]) => legCoords(a, b))).geometry,
  ),
);

// ---------- areas and front lines, per period ----------

const polys = tilePolygons();
const dates = breakpoints();
const periods = dates.map((from, i) => ({ from, to: dates[i + 1] as string | undefined }));

interface Group {
  key: string;
  theatre: string;
  actor: ActorId;
  confidence: Confidence;
  tileIds: string[];
  from: string;
  to?: string;
}
/** Merges runs of consecutive periods whose value (by key) is identical. */
function runs<T extends { key: string; from: string; to?: string }>(items: T[]): T[] {
  const out: T[] = [];
  for (const it of items) {
    const prev = out.findLast((o) => o.key === it.key);
    if (prev && prev.to === it.from) prev.to = it.to;
    else out.push({ ...it });
  }
  return out;
}

const groups: Group[] = [];
for (const { from, to } of periods) {
  const byKey = new Map<string, Group>();
  for (const t of tiles) {
    const h = holderOn(t, from);
    if (!h) continue;
    const k = `${t.theatre}|${h.actor}|${h.confidence}`;
    const g = byKey.get(k) ?? {
      key: '',
      theatre: t.theatre,
      actor: h.actor,
      confidence: h.confidence,
      tileIds: [],
      from,
      to,
    };
    g.tileIds.push(t.id);
    byKey.set(k, g);
  }
  for (const g of byKey.values())
    groups.push({ ...g, key: `${g.theatre}|${g.actor}|${g.confidence}|${g.tileIds.join(',')}` });
}

const confidenceWord: Record<Confidence, string> = {
  assessed: 'assessed control',
  claimed: 'claimed control',
  contested: 'contested',
};
const areaFeatures = runs(groups).map((g) => {
  const groupTiles = g.tileIds.map((id) => tiles.find((t) => t.id === id)!);
  const major = groupTiles.find((t) => !t.ring);
  const labels = major ? [major.label] : groupTiles.map((t) => t.label);
  const holdings = groupTiles.map((t) => holderOn(t, g.from)!);
  const sources = [...new Set(holdings.flatMap((h) => h.source.split('; ')))].join('; ');
  const notes = [...new Set(holdings.map((h) => h.note).filter(Boolean))];
  const geom = rewind(unionOf(g.tileIds.map((id) => polys.get(id)!))) as Feature<Polygon | MultiPolygon>;
  return feature(
    clean({
      id: `area_${g.actor.replace('-', '_')}_${g.confidence}_${g.theatre}_${g.from.replaceAll('-', '')}`,
      name: `${actorShort[g.actor]}: ${labels.join(', ')} (${confidenceWord[g.confidence]})`,
      source: sources,
      sensitivity: 'public',
      note: [APPROX_NOTE, ...notes].join(' '),
      actorId: g.actor,
      confidence: g.confidence,
      validFrom: g.from,
      validTo: g.to,
    }),
    roundGeometry(geom.geometry),
  );
});

interface FrontRun {
  key: string;
  front: string;
  segs: [Pos, Pos][];
  from: string;
  to?: string;
}
const frontItems: FrontRun[] = [];
for (const { from, to } of periods) {
  for (const [front, segs] of frontSegmentsOn(from)) {
    const key = `${front}|${segs
      .map((s) => segKey(...s))
      .sort()
      .join(';')}`;
    frontItems.push({ key, front, segs, from, to });
  }
}
const frontlineFeatures = runs(frontItems).map((f) => {
  const lines = joinSegments(f.segs).map((l) => l.map(round));
  const sideTiles = tiles.filter((t) => t.front === f.front || (f.front === 'kordofan' && !t.ring));
  const sources = [
    ...new Set(
      sideTiles.flatMap((t) => {
        const h = holderOn(t, f.from);
        return h ? h.source.split('; ') : [];
      }),
    ),
  ].join('; ');
  return feature(
    clean({
      id: `fl_${f.front}_${f.from.replaceAll('-', '')}`,
      name: frontNames[f.front],
      source: sources,
      sensitivity: 'public',
      note: `Approximate: follows the edges of the approximate areas of control between SAF-held and RSF-held ground.${f.front === 'kordofan' ? ' Passes through the schematic Kordofan crossline point.' : ''}`,
      actorIds: ['saf', 'rsf'],
      validFrom: f.from,
      validTo: f.to,
    }),
    lines.length === 1 ? lineString(lines[0]).geometry : multiLineString(lines).geometry,
  );
});

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const r = (ring: Pos[]) => ring.map((p) => round(p));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((x) => r(x as Pos[])) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((x) => r(x as Pos[]))) };
}

// ---------- writing ----------

/** One feature per block: properties indented for reading, the geometry on one line. */
function collectionText(features: { type: 'Feature'; properties: Props; geometry: Geometry }[]): string {
  const blocks = features.map((f) => {
    const props = JSON.stringify(f.properties, null, 2).replaceAll('\n', '\n    ');
    return `  {\n    "type": "Feature",\n    "properties": ${props},\n    "geometry": ${JSON.stringify(f.geometry)}\n  }`;
  });
  return `{\n  "type": "FeatureCollection",\n  "features": [\n${blocks.join(',\n')}\n  ]\n}\n`;
}

const layers = {
  areas: areaFeatures,
  frontlines: frontlineFeatures,
  sites: siteFeatures,
  crossings: crossingFeatures,
  roads: roadFeatures,
  corridors: corridorFeatures,
  incidents: incidentFeatures,
  constraints: constraintFeatures,
};

// Validate with the app's schemas before writing anything.
const situation = parseSituation({
  scenario: { file: `${OUT}/scenario.json`, json: scenario },
  layers: Object.fromEntries(
    Object.entries(layers).map(([name, features]) => [
      name,
      { file: `${OUT}/${name}.geojson`, json: { type: 'FeatureCollection', features } },
    ]),
  ),
});

const scenarioPath = join(OUT, 'scenario.json');
const options = (await prettier.resolveConfig(scenarioPath)) ?? {};
writeFileSync(scenarioPath, await prettier.format(JSON.stringify(scenario), { ...options, parser: 'json' }));
for (const [name, features] of Object.entries(layers))
  writeFileSync(join(OUT, `${name}.geojson`), collectionText(features));

for (const [name, features] of Object.entries(layers)) console.log(`${name}: ${features.length}`);

// ---------- the feature tables of geodata/README.md ----------

const cell = (v: unknown) =>
  String(v ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ');
const table = (head: string[], rows: unknown[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
const period = (p: { validFrom?: string; validTo?: string }) => `${p.validFrom ?? '…'} – ${p.validTo ?? '…'}`;
const tables = [
  `### Sites (${situation.sites.length})`,
  table(
    [
      'id',
      'name',
      'kind',
      'country',
      'hub',
      'position source',
      'figures (date: value — source)',
      'status history (date: status — source)',
    ],
    situation.sites.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.name,
      f.properties.kind,
      f.properties.country,
      f.properties.hub ? 'yes' : '',
      f.properties.source,
      f.properties.figures
        .map((x) => {
          const range =
            x.populationLow !== undefined || x.populationHigh !== undefined
              ? ` (${(x.populationLow ?? x.population ?? 0).toLocaleString('en')}–${(x.populationHigh ?? x.population ?? 0).toLocaleString('en')})`
              : '';
          const v = [
            x.population !== undefined ? `population ${x.population.toLocaleString('en')}${range}` : '',
            x.ipcPhase !== undefined ? `IPC ${x.ipcPhase}` : '',
            x.famine ? 'famine' : '',
            x.validTo ? `until ${x.validTo}` : '',
          ].filter(Boolean);
          return `${x.date}: ${v.join(', ')} — ${x.source}`;
        })
        .join('; '),
      (f.properties.statusHistory ?? [])
        .map(
          (e) =>
            `${e.date}: ${e.status}${e.movedTo?.length ? ` (people to ${e.movedTo.map((m) => m.siteId).join(', ')})` : ''} — ${e.source}`,
        )
        .join('; '),
    ]),
  ),
  `### Crossings (${situation.crossings.length})`,
  table(
    ['id', 'name', 'kind', 'status history (date: status — source)'],
    situation.crossings.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.name,
      f.properties.kind,
      f.properties.statusHistory.map((e) => `${e.date}: ${e.status} — ${e.source}`).join('; '),
    ]),
  ),
  `### Roads (${situation.roads.length})`,
  table(
    ['id', 'name', 'class', 'impassable months', 'source'],
    situation.roads.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.name,
      f.properties.class,
      f.properties.impassableMonths.join(', '),
      f.properties.source,
    ]),
  ),
  `### Corridors (${situation.corridors.length})`,
  table(
    ['id', 'name', 'from → to', 'source'],
    situation.corridors.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.name,
      `${f.properties.fromSiteId} → ${f.properties.toSiteId}`,
      f.properties.source,
    ]),
  ),
  `### Areas of control (${situation.areas.length})`,
  table(
    ['id', 'name', 'valid', 'source'],
    situation.areas.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.name,
      period(f.properties),
      f.properties.source,
    ]),
  ),
  `### Front lines (${situation.frontlines.length})`,
  table(
    ['id', 'name', 'valid', 'source'],
    situation.frontlines.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.name,
      period(f.properties),
      f.properties.source,
    ]),
  ),
  `### Incidents (${situation.incidents.length})`,
  table(
    ['id', 'date', 'name', 'category (actor)', 'severity', 'verification', 'source'],
    situation.incidents.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.date,
      f.properties.name,
      f.properties.actorId ? `${f.properties.category} (${f.properties.actorId})` : f.properties.category,
      f.properties.severity,
      f.properties.verification,
      f.properties.source,
    ]),
  ),
  `### Constraints (${situation.constraints.length})`,
  table(
    ['id', 'name', 'kind', 'severity', 'valid', 'source'],
    situation.constraints.map((f) => [
      `\`${f.properties.id}\``,
      f.properties.name,
      f.properties.actorId ? `${f.properties.kind} (${f.properties.actorId})` : f.properties.kind,
      f.properties.severity,
      period(f.properties),
      f.properties.source,
    ]),
  ),
].join('\n\n');
const readmePath = join(OUT, 'README.md');
const START = '<!-- tables: written by scripts/geodata/build-default-scenario.ts -->';
const END = '<!-- end of tables -->';
const readme = readFileSync(readmePath, 'utf8');
if (!readme.includes(START) || !readme.includes(END))
  throw new Error(`${readmePath} lacks the table markers`);
const withTables = `${readme.slice(0, readme.indexOf(START) + START.length)}\n\n${tables}\n\n${readme.slice(readme.indexOf(END))}`;
const mdOptions = (await prettier.resolveConfig(readmePath)) ?? {};
writeFileSync(readmePath, await prettier.format(withTables, { ...mdOptions, parser: 'markdown' }));

// ---------- author's check: roads that cross an active front line ----------

for (const date of [
  '2023-08-01',
  '2024-05-01',
  '2024-08-15',
  '2024-08-20',
  '2024-11-20',
  '2025-06-01',
  '2025-11-04',
]) {
  const fronts = situation.frontlines.filter((f) => isValidOn(f.properties, date));
  const crossing = situation.roads
    .filter((r) => fronts.some((f) => booleanIntersects(r, f)))
    .map((r) => r.properties.id);
  console.log(`${date}: roads touching a front line: ${crossing.join(', ') || '(none)'}`);
}
