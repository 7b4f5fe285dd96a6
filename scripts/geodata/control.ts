/**
 * Areas of control and front lines of the default scenario, approximate by design.
 *
 * The map is cut into fixed "tiles" (hand-drawn polygons around gazetteer places); each tile has a dated list of
 * holders. For every period between two changes, tiles held by the same actor with the same confidence are merged
 * into one area, and a front line is drawn along every tile edge that separates SAF-held from RSF-held tiles. Tiles
 * share their edges vertex for vertex, so areas of one date never overlap and front lines lie exactly on the area
 * boundaries. Two "theatres" (Darfur with western Kordofan, and the rest of Sudan) each have a remainder tile: the
 * theatre outline minus every other tile in it.
 */
import { difference, featureCollection, polygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { at } from './places';
import { KORDOFAN_CROSSLINE } from './network';
import { posKey, ringSegments, roughRing, segKey, type Pos } from './geometry';

export type ActorId = 'saf' | 'rsf' | 'slm-aw';
export type Confidence = 'assessed' | 'claimed' | 'contested';

export interface Holding {
  from: string;
  to?: string;
  actor: ActorId;
  confidence: Confidence;
  source: string;
  note?: string;
}

export interface Tile {
  id: string;
  label: string;
  theatre: 'darfur' | 'east';
  /** Name of the front-line feature its edges belong to. */
  front: string;
  /** Outer ring, closed. Remainder tiles get their polygon by difference instead. */
  ring?: Pos[];
  holdings: Holding[];
}

// ---------- shared chains (each written once, so neighbouring tiles share vertices exactly) ----------

const KN: Pos = [29.85, 15.5];
const KS: Pos = [29.2, 9.8];
/** Kordofan front line, north to south, through the schematic crossline point west of El Obeid. */
export const KORDOFAN_LINE: Pos[] = [
  KN,
  [29.78, 14.7],
  [29.62, 13.8],
  KORDOFAN_CROSSLINE,
  [29.58, 12.6],
  [29.5, 12.05],
  [29.45, 11.3],
  [29.4, 10.6],
  KS,
];
const WN1: Pos = [22.55, 14.72];
const NW: Pos = [23.96, 16.0];
const NS: Pos = [24.6, 16.0];
/** Sudan's southern and western border from KS to WN1 (north of Kulbus), drawn a little inside the border. */
const SOUTH_WEST_BORDER: Pos[] = [
  KS,
  [28.8, 9.45],
  [28.05, 9.42],
  [27.85, 9.68],
  [26.66, 9.58],
  [25.8, 10.48],
  [25.05, 10.38],
  [24.5, 8.98],
  [24.15, 8.76],
  [23.62, 8.9],
  [23.72, 9.82],
  [22.95, 10.92],
  [23.0, 11.33],
  [22.65, 11.6],
  [22.42, 12.66],
  [22.1, 12.8],
  [22.24, 13.3],
  [22.25, 13.56],
  [22.14, 13.8],
  [22.5, 14.16],
  [22.4, 14.55],
  WN1,
];
/** The Chad border from WN1 past Tina to the northern edge of the theatre. */
const NORTH_WEST_BORDER: Pos[] = [WN1, [22.79, 14.98], [22.87, 15.16], [22.92, 15.53], [23.95, 15.7], NW];
const NORTH_EDGE: Pos[] = [NW, NS, [26.8, 16.0], [28.5, 15.6], KN];

// North Darfur: the Joint Forces' area around Tina, Karnoi and Um Baru, the corridor to El Fasher, El Fasher, Zamzam.
const A1: Pos = [24.1, 14.98];
const A2: Pos = [24.1, 14.7];
const P_NW: Pos = [25.22, 13.8];
const P_NE: Pos = [25.48, 13.8];
const P_SE: Pos = [25.48, 13.555];
const P_SW: Pos = [25.2, 13.555];
const CORE_EAST: Pos[] = [NS, [24.4, 15.3], A1];
const CORE_SOUTH: Pos[] = [A2, [23.6, 14.62], [23.0, 14.62], [22.7, 14.66], WN1];
const LINK_NE: Pos[] = [A1, [24.85, 14.7], P_NE];
const LINK_SW: Pos[] = [P_NW, [24.78, 14.42], A2];
const FASHER_NORTH: Pos[] = [P_NW, [25.35, 13.82], P_NE];
const FASHER_EAST: Pos[] = [P_NE, [25.54, 13.72], [25.55, 13.62], P_SE];
const FASHER_WEST: Pos[] = [P_SW, [25.16, 13.64], [25.17, 13.73], P_NW];
const ZAMZAM_NORTH: Pos[] = [P_SW, [25.35, 13.545], P_SE];
const ZAMZAM_SOUTH: Pos[] = [P_SE, [25.46, 13.47], [25.36, 13.425], [25.25, 13.43], [25.2, 13.48], P_SW];

// Eastern theatre: Sudan east of the Kordofan line, drawn a little inside the borders and the Red Sea coast.
const EAST_OUTLINE: Pos[] = [
  KN,
  [29.9, 16.2],
  [29.9, 21.98],
  [31.2, 21.98],
  [31.38, 22.17],
  [31.45, 21.98],
  [36.85, 21.98],
  [37.22, 21.11],
  [37.15, 20.12],
  [37.25, 19.62],
  [37.28, 19.45],
  [37.42, 18.85],
  [38.5, 18.02],
  [37.38, 17.1],
  [36.95, 17.02],
  [36.38, 15.13],
  [36.48, 14.26],
  [36.14, 12.93],
  [36.08, 12.8],
  [35.64, 12.64],
  [35.07, 11.82],
  [34.88, 10.9],
  [34.3, 10.68],
  [34.05, 9.55],
  [33.85, 9.58],
  [33.86, 10.2],
  [33.08, 10.78],
  [33.15, 12.18],
  [32.7, 12.2],
  [32.7, 12.03],
  [32.03, 11.98],
  [32.33, 11.12],
  [31.12, 9.93],
  [30.76, 9.88],
  [30.0, 10.42],
  KS,
];
const KH_SOUTH: Pos[] = [
  [32.45, 15.25],
  [32.85, 15.25],
];

const rev = (c: Pos[]) => [...c].reverse();
/** Concatenates chains into a closed ring, dropping the repeated joint vertices. */
function ring(...chains: Pos[][]): Pos[] {
  const out: Pos[] = [];
  for (const c of chains) {
    for (const p of c) if (out.length === 0 || posKey(out[out.length - 1]) !== posKey(p)) out.push(p);
  }
  if (posKey(out[0]) !== posKey(out[out.length - 1])) out.push(out[0]);
  return out;
}

export const DARFUR_OUTLINE = ring(KORDOFAN_LINE, SOUTH_WEST_BORDER, NORTH_WEST_BORDER, NORTH_EDGE);
export const EAST_THEATRE_OUTLINE = ring(EAST_OUTLINE, rev(KORDOFAN_LINE));

const APPROX =
  'Approximate: hand-drawn around named places from public reports, not an authoritative boundary.';

// ---------- tiles and who held them ----------

export const tiles: Tile[] = [
  {
    id: 'darfur_rest',
    label: 'Darfur and western Kordofan',
    theatre: 'darfur',
    front: 'kordofan',
    holdings: [
      {
        from: '2023-04-15',
        to: '2023-11-04',
        actor: 'rsf',
        confidence: 'claimed',
        source:
          'Wikipedia "Battle of Nyala"; Wikipedia "Geneina"; Radio Dabanga 2023-06-06 (RSF take Kutum); Sudan Tribune 2023-08-07',
        note: 'The RSF dominated Darfur outside the SAF garrisons in the state capitals, which held out until October–November 2023.',
      },
      {
        from: '2023-11-04',
        actor: 'rsf',
        confidence: 'assessed',
        source:
          'Sudan Tribune 2023-11-21 (fourth Darfur division base taken); Security Council Report 2024-06-13 (El Fasher the only Darfur capital not under the RSF); Eye Radio 2024-06-20 (RSF take El Fula, West Kordofan)',
      },
    ],
  },
  {
    id: 'ardamata',
    label: 'Ardamata (El Geneina)',
    theatre: 'darfur',
    front: 'ardamata',
    ring: roughRing(at('sd_ardamata'), 3),
    holdings: [
      {
        from: '2023-04-15',
        to: '2023-11-04',
        actor: 'saf',
        confidence: 'contested',
        source: 'Sudanese Archive investigation 2024-05-08; Wikipedia "Geneina"',
        note: 'SAF 15th Division base held out after the RSF took El Geneina city (~2023-06-22).',
      },
      {
        from: '2023-11-04',
        actor: 'rsf',
        confidence: 'assessed',
        source: 'Sudanese Archive investigation 2024-05-08; Reuters/MSF via TRT 2023-11-08',
      },
    ],
  },
  {
    id: 'el_geneina',
    label: 'El Geneina',
    theatre: 'darfur',
    front: 'el_geneina',
    ring: roughRing(at('sd_el_geneina'), 2.4),
    holdings: [
      {
        from: '2023-04-15',
        to: '2023-06-22',
        actor: 'rsf',
        confidence: 'contested',
        source: 'Wikipedia "Geneina" (fighting from 2023-04-15; battle for the city April–June 2023)',
        note: 'Battle for the city: the RSF and allied militias against Masalit armed groups, with the SAF 15th Division in its Ardamata base.',
      },
      {
        from: '2023-06-22',
        actor: 'rsf',
        confidence: 'assessed',
        source: 'Wikipedia "Geneina" (the RSF control the city by ~2023-06-22)',
        note: 'The day is approximate (~2023-06-22).',
      },
    ],
  },
  {
    id: 'kutum',
    label: 'Kutum',
    theatre: 'darfur',
    front: 'kutum',
    ring: roughRing(at('sd_kutum'), 4),
    holdings: [
      {
        from: '2023-06-03',
        actor: 'rsf',
        confidence: 'assessed',
        source: 'Radio Dabanga 2023-06-06 (the RSF entered Kutum "on Saturday", 2023-06-03)',
        note: 'Control before 2023-06-03 is not shown: the sources used do not say who held the town.',
      },
    ],
  },
  {
    id: 'zalingei',
    label: 'Zalingei',
    theatre: 'darfur',
    front: 'zalingei',
    ring: roughRing(at('sd_zalingei'), 6),
    holdings: [
      {
        from: '2023-04-15',
        to: '2023-10-31',
        actor: 'saf',
        confidence: 'contested',
        source:
          'Sudan Tribune 2023-08-07 (army breaks the siege of its 21st Division HQ, keeps the western part)',
        note: 'SAF 21st Division base; the RSF claimed the town in August 2023.',
      },
      {
        from: '2023-10-31',
        actor: 'rsf',
        confidence: 'assessed',
        source: 'Radio Dabanga via AllAfrica 2023-10-31',
      },
    ],
  },
  {
    id: 'nyala',
    label: 'Nyala',
    theatre: 'darfur',
    front: 'nyala',
    ring: roughRing(at('sd_nyala'), 4),
    holdings: [
      {
        from: '2023-04-15',
        to: '2023-10-26',
        actor: 'saf',
        confidence: 'contested',
        source: 'Wikipedia "Battle of Nyala"',
        note: 'SAF 16th Infantry Division HQ holding out in the city.',
      },
      { from: '2023-10-26', actor: 'rsf', confidence: 'assessed', source: 'Sudan Tribune 2023-10-28' },
    ],
  },
  {
    id: 'ed_daein',
    label: 'Ed Daein',
    theatre: 'darfur',
    front: 'ed_daein',
    ring: roughRing(at('sd_ed_daein'), 5),
    holdings: [
      {
        from: '2023-04-15',
        to: '2023-11-21',
        actor: 'saf',
        confidence: 'contested',
        source: 'Sudan Tribune 2023-11-21',
        note: 'SAF 20th Infantry Division base.',
      },
      { from: '2023-11-21', actor: 'rsf', confidence: 'assessed', source: 'Sudan Tribune 2023-11-21' },
    ],
  },
  {
    id: 'tine_core',
    label: 'Tina, Karnoi and Um Baru',
    theatre: 'darfur',
    front: 'north_darfur',
    ring: ring(NORTH_WEST_BORDER, [NW, NS], CORE_EAST, [A1, A2], CORE_SOUTH),
    holdings: [
      {
        from: '2023-04-15',
        actor: 'saf',
        confidence: 'claimed',
        source:
          'Darfur24 2024-04-20 (the Tiné routes run through areas held by the army and its allied groups); Sudan MFA statement 2024-03-06 via Al Jazeera',
        note: 'Held by the Joint Forces of the Darfur armed movements allied to the SAF (they declared neutrality early in the war, Majalla); shown with the SAF throughout.',
      },
    ],
  },
  {
    id: 'tine_link',
    label: 'Tiné – El Fasher corridor',
    theatre: 'darfur',
    front: 'north_darfur',
    ring: ring(LINK_NE, rev(FASHER_NORTH), LINK_SW, [A2, A1]),
    holdings: [
      {
        from: '2023-04-15',
        to: '2025-10-26',
        actor: 'saf',
        confidence: 'claimed',
        source:
          'Sudan MFA statement 2024-03-06 via Al Jazeera (Tiné crossing to El Fasher); Darfur24 2024-04-20; Radio Dabanga 2023-06-06 (Kutum, to the south-west, held by the RSF)',
        note: 'Schematic band along the army-approved route from Um Baru to El Fasher; its real extent is not documented.',
      },
      {
        from: '2025-10-26',
        actor: 'rsf',
        confidence: 'claimed',
        source: 'The National 2025-10-26; Xinhua/The Peninsula 2025-10-26',
        note: 'Inferred, not reported: with El Fasher taken the corridor to it is no longer held by the Joint Forces.',
      },
    ],
  },
  {
    id: 'el_fasher',
    label: 'El Fasher',
    theatre: 'darfur',
    front: 'north_darfur',
    ring: ring(FASHER_NORTH, FASHER_EAST, rev(ZAMZAM_NORTH), FASHER_WEST),
    holdings: [
      {
        from: '2023-04-15',
        to: '2024-05-10',
        actor: 'saf',
        confidence: 'assessed',
        source: 'Sudan Tribune 2023-11-21 (the army still holds El Fasher)',
      },
      {
        from: '2024-05-10',
        to: '2025-10-26',
        actor: 'saf',
        confidence: 'contested',
        source: 'Security Council Report 2024-06-13 (heavy fighting inside El Fasher from 2024-05-10; siege)',
        note: 'Besieged by the RSF; held by the SAF 6th Infantry Division and the allied Joint Forces.',
      },
      {
        from: '2025-10-26',
        actor: 'rsf',
        confidence: 'assessed',
        source: 'Xinhua/The Peninsula 2025-10-26; The National 2025-10-26; Eye Radio 2025-10-27',
      },
    ],
  },
  {
    id: 'zamzam',
    label: 'Zamzam camp area',
    theatre: 'darfur',
    front: 'north_darfur',
    ring: ring(ZAMZAM_NORTH, ZAMZAM_SOUTH),
    holdings: [
      {
        from: '2023-04-15',
        to: '2024-05-10',
        actor: 'saf',
        confidence: 'assessed',
        source: 'Sudan Tribune 2023-11-21 (the army holds El Fasher)',
        note: 'Zamzam lies inside the El Fasher defences, protected by the Joint Forces.',
      },
      {
        from: '2024-05-10',
        to: '2025-04-13',
        actor: 'saf',
        confidence: 'contested',
        source: 'Security Council Report 2024-06-13',
      },
      {
        from: '2025-04-13',
        actor: 'rsf',
        confidence: 'assessed',
        source: 'SAPA-USA 2025-04-15; Wikipedia "Zamzam"',
      },
    ],
  },
  {
    id: 'malha',
    label: 'Malha',
    theatre: 'darfur',
    front: 'malha',
    ring: roughRing(at('sd_malha'), 12),
    holdings: [
      {
        from: '2023-04-15',
        to: '2025-03-20',
        actor: 'saf',
        confidence: 'claimed',
        source: 'AFP/AP 2025-03-22/23 (the army confirms fighting at al-Malha)',
        note: 'Held by SAF-aligned forces until the RSF claim of 2025-03-20; earlier control is inferred.',
      },
      {
        from: '2025-03-20',
        actor: 'rsf',
        confidence: 'claimed',
        source: 'AFP/AP 2025-03-22/23 (RSF claim; the army does not confirm the loss)',
      },
    ],
  },
  {
    id: 'tawila',
    label: 'Tawila',
    theatre: 'darfur',
    front: 'tawila',
    ring: ring([
      [24.74, 13.46],
      [24.8, 13.4],
      [24.92, 13.4],
      [25.0, 13.46],
      [25.0, 13.56],
      [24.94, 13.63],
      [24.82, 13.64],
      [24.74, 13.58],
    ]),
    holdings: [
      {
        from: '2023-09-23',
        actor: 'slm-aw',
        confidence: 'assessed',
        source: 'Wikipedia "Tawila" (citing Sudan Tribune 2023-09-24)',
        note: 'SLM (Abdel Wahid al-Nur) took control of Tawila ~2023-09-23 and stays out of the war; control before that date is not shown.',
      },
    ],
  },
  {
    id: 'east_rest',
    label: 'northern, eastern and central Sudan',
    theatre: 'east',
    front: 'kordofan',
    holdings: [
      {
        from: '2023-04-15',
        actor: 'saf',
        confidence: 'assessed',
        source:
          'Wikipedia Port Sudan (seat of the SAF-aligned government since 2023); Security Council Report 2024-06-13',
        note: 'Not shown: SPLM-N areas in South Kordofan and Blue Nile, and the RSF advances into Sennar and White Nile in 2024.',
      },
    ],
  },
  {
    id: 'khartoum',
    label: 'Khartoum',
    theatre: 'east',
    front: 'khartoum',
    ring: ring([[32.2, 15.25]], KH_SOUTH, [
      [32.9, 15.6],
      [32.8, 15.95],
      [32.4, 15.98],
      [32.15, 15.65],
    ]),
    holdings: [
      {
        from: '2023-04-15',
        to: '2025-03-26',
        actor: 'rsf',
        confidence: 'contested',
        source:
          'Wikipedia "Battle of Nyala" (RSF attack SAF positions in Khartoum on 2023-04-15); AFP via Hurriyet 2025-03-21',
        note: 'Most of the capital held by the RSF, with the SAF in parts of Omdurman and its bases.',
      },
      {
        from: '2025-03-26',
        actor: 'saf',
        confidence: 'assessed',
        source: 'Reuters via BusinessLive 2025-03-26; AP via CP24 2025-03-26',
      },
    ],
  },
  {
    id: 'jazirah',
    label: 'Al Jazirah',
    theatre: 'east',
    front: 'khartoum',
    ring: ring(rev(KH_SOUTH), [
      [32.45, 14.2],
      [32.8, 13.9],
      [33.6, 13.85],
      [34.2, 14.05],
      [34.3, 14.6],
      [33.6, 15.05],
      [32.85, 15.25],
    ]),
    holdings: [
      {
        from: '2023-04-15',
        to: '2023-12-19',
        actor: 'saf',
        confidence: 'assessed',
        source: 'Radio Dabanga; The National 2023-12-19',
      },
      {
        from: '2023-12-19',
        to: '2025-01-11',
        actor: 'rsf',
        confidence: 'assessed',
        source: 'Radio Dabanga; The National 2023-12-19 (RSF enter Wad Madani, the army withdraws)',
      },
      {
        from: '2025-01-11',
        actor: 'saf',
        confidence: 'assessed',
        source: 'AP via Al Mayadeen; Guardian via Africa.com 2025-01-14',
      },
    ],
  },
];

export const frontNames: Record<string, string> = {
  kordofan: 'Kordofan front line (west of El Obeid)',
  north_darfur: 'North Darfur front line (El Fasher and the Tiné corridor)',
  ardamata: 'Ardamata garrison perimeter (El Geneina)',
  el_geneina: 'El Geneina perimeter',
  kutum: 'Kutum perimeter',
  zalingei: 'Zalingei garrison perimeter',
  nyala: 'Nyala garrison perimeter',
  ed_daein: 'Ed Daein garrison perimeter',
  malha: 'Malha perimeter',
  khartoum: 'Khartoum and Al Jazirah front line',
};

export const APPROX_NOTE = APPROX;

// ---------- derived geometry ----------

type Poly = Feature<Polygon | MultiPolygon>;

/** The polygon of every tile: explicit rings, and for the two remainders the outline minus the other tiles. */
export function tilePolygons(): Map<string, Poly> {
  const out = new Map<string, Poly>();
  for (const t of tiles) if (t.ring) out.set(t.id, polygon([t.ring]));
  for (const [theatre, outline] of [
    ['darfur', DARFUR_OUTLINE],
    ['east', EAST_THEATRE_OUTLINE],
  ] as const) {
    const rest = tiles.find((t) => t.theatre === theatre && !t.ring);
    if (!rest) throw new Error(`theatre ${theatre} has no remainder tile`);
    const others = tiles.filter((t) => t.theatre === theatre && t.ring).map((t) => out.get(t.id)!);
    const cut = difference(featureCollection([polygon([outline]), ...others]));
    if (!cut) throw new Error(`nothing left of theatre ${theatre}`);
    out.set(rest.id, cut);
  }
  return out;
}

export function unionOf(polys: Poly[]): Poly {
  if (polys.length === 1) return polys[0];
  const u = union(featureCollection(polys));
  if (!u) throw new Error('empty union');
  return u;
}

export function holderOn(t: Tile, date: string): Holding | undefined {
  return t.holdings.find((h) => h.from <= date && (h.to === undefined || date < h.to));
}

/** Every date on which some tile changes hands, sorted. */
export function breakpoints(): string[] {
  const s = new Set<string>();
  for (const t of tiles)
    for (const h of t.holdings) {
      s.add(h.from);
      if (h.to) s.add(h.to);
    }
  return [...s].sort();
}

/**
 * The front-line segments on `date`, grouped by front name: every edge between an SAF-held and an RSF-held tile.
 * An edge of an explicit tile that no other explicit tile shares borders its theatre's remainder tile, unless it
 * lies on the theatre outline; the Kordofan line separates the two remainders.
 */
export function frontSegmentsOn(date: string): Map<string, [Pos, Pos][]> {
  const opposed = (a?: Holding, b?: Holding) =>
    !!a && !!b && ((a.actor === 'saf' && b.actor === 'rsf') || (a.actor === 'rsf' && b.actor === 'saf'));
  const outlineKeys = new Set(
    [...ringSegments(DARFUR_OUTLINE), ...ringSegments(EAST_THEATRE_OUTLINE)].map(([a, b]) => segKey(a, b)),
  );
  const owner = new Map<string, Tile[]>();
  for (const t of tiles)
    if (t.ring)
      for (const [a, b] of ringSegments(t.ring))
        owner.set(segKey(a, b), [...(owner.get(segKey(a, b)) ?? []), t]);
  const rest = (theatre: string) => tiles.find((t) => t.theatre === theatre && !t.ring)!;
  const out = new Map<string, [Pos, Pos][]>();
  const add = (front: string, seg: [Pos, Pos]) => out.set(front, [...(out.get(front) ?? []), seg]);
  const done = new Set<string>();
  for (const t of tiles) {
    if (!t.ring) continue;
    for (const seg of ringSegments(t.ring)) {
      const k = segKey(...seg);
      if (done.has(k)) continue;
      done.add(k);
      const sharers = owner.get(k)!.filter((x) => x !== t);
      const other = sharers[0] ?? (outlineKeys.has(k) ? undefined : rest(t.theatre));
      if (other && opposed(holderOn(t, date), holderOn(other, date))) add(t.front, seg);
    }
  }
  const kordofan: [Pos, Pos][] = [];
  for (let i = 0; i + 1 < KORDOFAN_LINE.length; i++) kordofan.push([KORDOFAN_LINE[i], KORDOFAN_LINE[i + 1]]);
  if (opposed(holderOn(rest('darfur'), date), holderOn(rest('east'), date)))
    for (const s of kordofan) add('kordofan', s);
  return out;
}
