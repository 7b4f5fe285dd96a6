/**
 * The road network, crossings and corridors of the default scenario, written as lists of node ids. Every node is a
 * gazetteer place (exact gazetteer coordinates), except the schematic Kordofan crossline point, so roads meet at
 * shared end nodes and every site, crossing and corridor vertex falls on a road vertex.
 */
import { at, type PlaceId } from './places';
import type { Pos } from './geometry';

/**
 * Schematic crossline point on the El Obeid – En Nahud road where it passes the Kordofan front line, about 55 km
 * west of El Obeid. The gazetteer has no crossline post and no En Nahud; the point is where the modelled road meets
 * the modelled front line, nothing more.
 */
export const KORDOFAN_CROSSLINE: Pos = [29.7, 13.15];

/**
 * Bend of the schematic Um Baru – El Fasher road: it keeps the road north-east of Kutum, which the RSF has held since
 * June 2023 (Radio Dabanga 2023-06-06), as the army-approved Tiné – El Fasher route ran through areas held by the
 * army and its allies (Darfur24 2024-04-20). The real track is not located in the sources used.
 */
export const UM_BARU_EL_FASHER_BEND: Pos = [24.85, 14.55];

/**
 * Schematic junction on the Tiné – El Fasher road, about 10 km north-west of El Fasher and outside the siege ring
 * (con_2024_el_fasher_siege), where a road skirts the city to Zamzam. It lets the model reach Zamzam from the Tiné
 * route without entering the besieged city; the sources used do not locate the way convoys took to Zamzam in 2024.
 */
export const FASHER_WEST_JUNCTION: Pos = [25.3065, 13.7106];
/** Bend of the schematic road from the junction round the west of El Fasher to Zamzam. */
const FASHER_WEST_BEND: Pos = [25.23, 13.62];

export type NodeId = PlaceId | 'kordofan_crossline' | 'fasher_west_junction';

export function nodePos(id: NodeId): Pos {
  if (id === 'kordofan_crossline') return KORDOFAN_CROSSLINE;
  if (id === 'fasher_west_junction') return FASHER_WEST_JUNCTION;
  return at(id);
}

/** Short names for road and corridor names. */
export const shortName: Partial<Record<NodeId, string>> = {
  td_ndjamena: "N'Djamena",
  td_abeche: 'Abéché',
  td_adre_transit: 'Adré',
  td_iridimi: 'Iridimi (Iriba)',
  sd_tina: 'Tina',
  sd_el_geneina: 'El Geneina',
  sd_krinding: 'Krinding',
  sd_ardamata: 'Ardamata',
  sd_sirba: 'Sirba',
  sd_kulbus: 'Kulbus',
  sd_saraf_omra: 'Saraf Omra',
  sd_kebkabiya: 'Kebkabiya',
  sd_tawila: 'Tawila',
  sd_dali_tawila: 'Dali camp',
  sd_el_fasher: 'El Fasher',
  fasher_west_junction: 'El Fasher west junction',
  sd_mornei: 'Mornei',
  sd_zalingei: 'Zalingei',
  sd_habila_wd: 'Habila',
  sd_foro_baranga: 'Foro Baranga',
  sd_hamadiya: 'Hamadiya camp',
  sd_nertiti: 'Nertiti',
  sd_golo: 'Golo',
  sd_rokero: 'Rokero',
  sd_kass: 'Kass',
  sd_nyala: 'Nyala',
  sd_otash: 'Otash camp',
  sd_shangil_tobay: 'Shangil Tobay',
  sd_zamzam: 'Zamzam camp',
  sd_abu_shouk: 'Abu Shouk camp',
  sd_al_salam_fasher: 'Al Salam camp',
  sd_kalma: 'Kalma camp',
  sd_ed_daein: 'Ed Daein',
  sd_abu_jabra: 'Abu Jabra',
  sd_kutum: 'Kutum',
  sd_karnoi: 'Karnoi',
  sd_um_baru: 'Um Baru',
  sd_el_obeid: 'El Obeid',
  kordofan_crossline: 'Kordofan crossline point',
  sd_kosti: 'Kosti',
  sd_gedaref: 'Gedaref',
  sd_kassala: 'Kassala',
  sd_port_sudan: 'Port Sudan',
  sd_port_sudan_airport: 'Port Sudan airport',
  sd_gallabat_crossing: 'Gallabat',
  sd_wad_madani: 'Wad Madani',
  sd_khartoum: 'Khartoum',
  sd_atbara: 'Atbara',
  sd_dongola: 'Dongola',
  sd_argeen_crossing: 'Argeen',
};

export function nameOf(id: NodeId): string {
  const n = shortName[id];
  if (!n) throw new Error(`no short name for node ${id}`);
  return n;
}

export interface RoadDef {
  from: NodeId;
  to: NodeId;
  class: 'primary' | 'secondary' | 'track';
  /** Bend vertices between the two nodes (schematic). */
  via?: Pos[];
  source: string;
  note?: string;
}

const RAINY = [6, 7, 8, 9, 10];
const SCHEMATIC = 'Straight line between the two towns; the real alignment is not surveyed.';
const TOWN_POSITIONS = 'Town positions: OSM/HOT place export 2025-12, HIU Darfur village list, Wikipedia';
const WADI_AXIS =
  'IRIN 2005-08-10 (wadis on the Kebkabiya–Birkat Seira–Saraf Omra axis stop trucks in the rains)';
const RAINS = 'FEWS NET via IRIN 2005-05-09 (Darfur rains June–September; areas off the towns unreachable)';
const TINE_ROUTE =
  'Sudan MFA statement 2024-03-06 via Al Jazeera (Tiné crossing to El Fasher approved for aid); Darfur24 2024-04-20';
const KORDOFAN =
  'WFP via Albawaba 2024-08-22 (long routes from Port Sudan across front lines); WFP/UNICEF joint statement 2025-06-03 (convoy 1,800 km from Port Sudan)';

/** The roads, each a segment between two nodes. Ids are `rd_<from>_<to>` without the country prefixes. */
export const roads: RoadDef[] = [
  // Chad: the supply lines from N'Djamena and Abéché to the two crossings.
  { from: 'td_ndjamena', to: 'td_abeche', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'td_abeche',
    to: 'td_adre_transit',
    class: 'primary',
    source: 'Reuters/MSF via TRT 2023-11-08 (Adré, the main entry point from West Darfur)',
    note: SCHEMATIC,
  },
  {
    from: 'td_abeche',
    to: 'td_iridimi',
    class: 'secondary',
    source: TOWN_POSITIONS,
    note: `Towards Iriba; Iridimi camp lies near Iriba. ${SCHEMATIC}`,
  },
  {
    from: 'td_iridimi',
    to: 'sd_tina',
    class: 'secondary',
    source: `${TINE_ROUTE}; WFP via Moatinoon ~2024-08-20 (trucks for the Tiné route stranded on the Chad side)`,
    note: `Not given impassable months: the analysis expects the Tiné route usable in August 2024; the 2024 floods on it are a constraint (con_2024_tine_route_floods). ${SCHEMATIC}`,
  },
  // West Darfur.
  {
    from: 'td_adre_transit',
    to: 'sd_el_geneina',
    class: 'primary',
    source: 'Reuters/MSF via TRT 2023-11-08 (Adré about 27 km west of El Geneina)',
    note: SCHEMATIC,
  },
  { from: 'sd_el_geneina', to: 'sd_krinding', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_el_geneina', to: 'sd_ardamata', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_ardamata',
    to: 'sd_sirba',
    class: 'track',
    source: `${TOWN_POSITIONS}; ${RAINS}`,
    note: SCHEMATIC,
  },
  {
    from: 'sd_sirba',
    to: 'sd_kulbus',
    class: 'track',
    source: `${TOWN_POSITIONS}; ${RAINS}`,
    note: SCHEMATIC,
  },
  {
    from: 'sd_ardamata',
    to: 'sd_saraf_omra',
    class: 'track',
    source: WADI_AXIS,
    note: `El Geneina – Kebkabiya road: hauliers refused to go west of Kebkabiya in the rains. ${SCHEMATIC}`,
  },
  { from: 'sd_saraf_omra', to: 'sd_kebkabiya', class: 'track', source: WADI_AXIS, note: SCHEMATIC },
  { from: 'sd_kebkabiya', to: 'sd_tawila', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_tawila', to: 'sd_dali_tawila', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_dali_tawila',
    to: 'sd_el_fasher',
    class: 'secondary',
    source:
      'MSF via Ghanawebbers 2025-04-24 (Tawila about 60 km west of Zamzam); IOM via fundsforngos 2025-11-04',
    note: SCHEMATIC,
  },
  { from: 'sd_el_geneina', to: 'sd_mornei', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_mornei', to: 'sd_zalingei', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_el_geneina',
    to: 'sd_habila_wd',
    class: 'track',
    source: `${TOWN_POSITIONS}; UNHCR (wadi floods make roads impassable in the Tissi border area)`,
    note: SCHEMATIC,
  },
  {
    from: 'sd_habila_wd',
    to: 'sd_foro_baranga',
    class: 'track',
    source: `${TOWN_POSITIONS}; ${RAINS}`,
    note: SCHEMATIC,
  },
  // Central and South Darfur.
  { from: 'sd_zalingei', to: 'sd_hamadiya', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_hamadiya', to: 'sd_nertiti', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_nertiti',
    to: 'sd_golo',
    class: 'track',
    source: `${TOWN_POSITIONS}; ${RAINS}`,
    note: `Jebel Marra mountain track. ${SCHEMATIC}`,
  },
  {
    from: 'sd_golo',
    to: 'sd_rokero',
    class: 'track',
    source: `${TOWN_POSITIONS}; ${RAINS}`,
    note: `Jebel Marra mountain track. ${SCHEMATIC}`,
  },
  {
    from: 'sd_rokero',
    to: 'sd_tawila',
    class: 'track',
    source: `${TOWN_POSITIONS}; ${RAINS}`,
    note: `Jebel Marra mountain track. ${SCHEMATIC}`,
  },
  { from: 'sd_zalingei', to: 'sd_kass', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_kass', to: 'sd_nyala', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_nyala', to: 'sd_otash', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_otash', to: 'sd_shangil_tobay', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_shangil_tobay',
    to: 'sd_zamzam',
    class: 'primary',
    source: 'HIU Darfur village list (Shangil Tobay on the El Fasher – Nyala road)',
    note: SCHEMATIC,
  },
  {
    from: 'sd_zamzam',
    to: 'sd_el_fasher',
    class: 'primary',
    source: 'Wikipedia "Zamzam" (camp about 15 km south of El Fasher)',
    note: SCHEMATIC,
  },
  { from: 'sd_el_fasher', to: 'sd_abu_shouk', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_el_fasher',
    to: 'sd_al_salam_fasher',
    class: 'secondary',
    source: TOWN_POSITIONS,
    note: SCHEMATIC,
  },
  { from: 'sd_nyala', to: 'sd_kalma', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_kalma', to: 'sd_ed_daein', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_ed_daein', to: 'sd_abu_jabra', class: 'secondary', source: TOWN_POSITIONS, note: SCHEMATIC },
  // North Darfur: Kutum, and the Tiné route to El Fasher.
  {
    from: 'sd_kutum',
    to: 'sd_el_fasher',
    class: 'secondary',
    source: `${TOWN_POSITIONS}; Radio Dabanga 2023-06-06 (RSF take Kutum)`,
    note: SCHEMATIC,
  },
  {
    from: 'sd_kebkabiya',
    to: 'sd_kutum',
    class: 'track',
    source: `${TOWN_POSITIONS}; ${RAINS}`,
    note: SCHEMATIC,
  },
  {
    from: 'sd_um_baru',
    to: 'sd_kutum',
    class: 'secondary',
    source: `${TOWN_POSITIONS}; Radio Dabanga 2023-06-06 (Kutum held by the RSF)`,
    note: `The classic Tina – Kutum – El Fasher road, through RSF-held Kutum. ${SCHEMATIC}`,
  },
  { from: 'sd_tina', to: 'sd_karnoi', class: 'secondary', source: TINE_ROUTE, note: SCHEMATIC },
  { from: 'sd_karnoi', to: 'sd_um_baru', class: 'secondary', source: TINE_ROUTE, note: SCHEMATIC },
  {
    from: 'sd_um_baru',
    to: 'fasher_west_junction',
    class: 'secondary',
    via: [UM_BARU_EL_FASHER_BEND],
    source: `${TINE_ROUTE}; Radio Dabanga 2023-06-06 (Kutum held by the RSF)`,
    note: 'Schematic: one bend north-east of Kutum stands for the army-approved Tiné – El Fasher route through areas held by the army and its allies; the real track is not located in the sources used.',
  },
  {
    from: 'fasher_west_junction',
    to: 'sd_el_fasher',
    class: 'secondary',
    source: TINE_ROUTE,
    note: 'Last 10 km of the Tiné – El Fasher road, across the siege ring. Schematic.',
  },
  {
    from: 'fasher_west_junction',
    to: 'sd_zamzam',
    class: 'secondary',
    via: [FASHER_WEST_BEND],
    source: 'Wikipedia "Zamzam" (camp about 15 km south of El Fasher)',
    note: 'Schematic and assumed: a road round the west of El Fasher to Zamzam, outside the besieged city. The sources used do not say which way the few convoys that reached Zamzam in 2024 took. Secondary, like the Tiné road it continues (no impassable months).',
  },
  // Kordofan: the routes from El Obeid into Darfur, across the front line.
  {
    from: 'sd_el_obeid',
    to: 'kordofan_crossline',
    class: 'primary',
    source: KORDOFAN,
    note: 'El Obeid – En Nahud road up to the schematic crossline point. En Nahud is not in the gazetteer. Schematic.',
  },
  {
    from: 'kordofan_crossline',
    to: 'sd_el_fasher',
    class: 'secondary',
    source: KORDOFAN,
    note: 'Schematic straight line for the route via En Nahud and Um Keddada, neither of which is in the gazetteer.',
  },
  {
    from: 'kordofan_crossline',
    to: 'sd_abu_jabra',
    class: 'secondary',
    source: KORDOFAN,
    note: 'Schematic straight line for the route via En Nahud towards East Darfur; En Nahud is not in the gazetteer.',
  },
  // Eastern and central Sudan: Port Sudan to Kosti and El Obeid.
  {
    from: 'sd_kosti',
    to: 'sd_el_obeid',
    class: 'primary',
    source: TOWN_POSITIONS,
    note: SCHEMATIC,
  },
  {
    from: 'sd_gedaref',
    to: 'sd_kosti',
    class: 'primary',
    source: TOWN_POSITIONS,
    note: 'Schematic straight line for the road via Sennar (not in the gazetteer).',
  },
  { from: 'sd_kassala', to: 'sd_gedaref', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_port_sudan', to: 'sd_kassala', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_port_sudan',
    to: 'sd_port_sudan_airport',
    class: 'primary',
    source: 'Wikipedia Port Sudan New International Airport (about 20 km south of the city)',
    note: SCHEMATIC,
  },
  {
    from: 'sd_gedaref',
    to: 'sd_gallabat_crossing',
    class: 'primary',
    source: 'Wikipedia El-Gadarif (Khartoum – Gallabat road to Ethiopia)',
    note: SCHEMATIC,
  },
  {
    from: 'sd_gedaref',
    to: 'sd_wad_madani',
    class: 'primary',
    source: 'Wikipedia El-Gadarif (Khartoum – Gallabat road)',
    note: SCHEMATIC,
  },
  {
    from: 'sd_wad_madani',
    to: 'sd_khartoum',
    class: 'primary',
    source: 'Wikipedia El-Gadarif (Khartoum – Gallabat road)',
    note: SCHEMATIC,
  },
  { from: 'sd_khartoum', to: 'sd_kosti', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_port_sudan',
    to: 'sd_atbara',
    class: 'primary',
    source: 'Sudan MFA statement 2024-03-06 via Al Jazeera (aid route Port Sudan – Atbara)',
    note: SCHEMATIC,
  },
  { from: 'sd_atbara', to: 'sd_khartoum', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  { from: 'sd_khartoum', to: 'sd_dongola', class: 'primary', source: TOWN_POSITIONS, note: SCHEMATIC },
  {
    from: 'sd_dongola',
    to: 'sd_argeen_crossing',
    class: 'secondary',
    source: 'Sudan MFA statement 2024-03-06 via Al Jazeera (aid route from Egypt via Wadi Halfa – Dongola)',
    note: SCHEMATIC,
  },
];

export const RAINY_MONTHS = RAINY;

const strip = (id: NodeId) => id.replace(/^(sd|td)_/, '');
export const roadId = (r: Pick<RoadDef, 'from' | 'to'>) => `rd_${strip(r.from)}_${strip(r.to)}`;

/** The coordinates of a road, from its first node to its last. */
export function roadCoords(r: RoadDef): Pos[] {
  return [nodePos(r.from), ...(r.via ?? []), nodePos(r.to)];
}

/** Finds the road between two nodes, in either direction, and returns its coordinates oriented a → b. */
export function legCoords(a: NodeId, b: NodeId): Pos[] {
  const r = roads.find((x) => (x.from === a && x.to === b) || (x.from === b && x.to === a));
  if (!r) throw new Error(`no road between ${a} and ${b}`);
  const c = roadCoords(r);
  return r.from === a ? c : [...c].reverse();
}

/** Coordinates of a route through the given nodes, each leg a road, with no repeated junction vertices. */
export function routeCoords(nodes: NodeId[]): Pos[] {
  const out: Pos[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const leg = legCoords(nodes[i], nodes[i + 1]);
    out.push(...(i === 0 ? leg : leg.slice(1)));
  }
  return out;
}
