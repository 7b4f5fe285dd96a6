/** Corridors, incidents and constraints of the default scenario. */
import { roughRing, type Pos } from './geometry';
import type { NodeId } from './network';
import { at, type PlaceId } from './places';

export interface CorridorDef {
  id: string;
  name: string;
  nodes: NodeId[];
  fromSiteId: PlaceId;
  toSiteId: PlaceId;
  description: string;
  source: string;
}

export const corridors: CorridorDef[] = [
  {
    id: 'cor_adre_nyala',
    name: 'Adré → El Geneina → Zalingei → Nyala',
    nodes: ['td_adre_transit', 'sd_el_geneina', 'sd_mornei', 'sd_zalingei', 'sd_kass', 'sd_nyala'],
    fromSiteId: 'td_adre_transit',
    toSiteId: 'sd_nyala',
    description:
      'The shortest route for aid into Darfur from Chad; closed to aid from ~February to 15 August 2024.',
    source:
      'Africanews/AP 2024-08-22 (WFP: the easiest and fastest corridor); Xinhua via Juba Mirror 2024-08-16',
  },
  {
    id: 'cor_tine_zamzam',
    name: 'Tiné → Karnoi → Um Baru → El Fasher → Zamzam',
    nodes: ['sd_tina', 'sd_karnoi', 'sd_um_baru', 'fasher_west_junction', 'sd_el_fasher', 'sd_zamzam'],
    fromSiteId: 'sd_tina',
    toSiteId: 'sd_zamzam',
    description:
      'The army-approved cross-border route into North Darfur, used while Adré was closed; the Um Baru – El Fasher stretch is schematic.',
    source: 'Sudan MFA statement 2024-03-06 via Al Jazeera; WFP via Albawaba 2024-08-22; Darfur24 2024-04-20',
  },
  {
    id: 'cor_abeche_adre',
    name: 'Abéché → Adré',
    nodes: ['td_abeche', 'td_adre_transit'],
    fromSiteId: 'td_abeche',
    toSiteId: 'td_adre_transit',
    description: 'Supply line from the eastern Chad hub to the Adré crossing and transit site.',
    source: 'Reuters/MSF via TRT 2023-11-08',
  },
  {
    id: 'cor_abeche_tine',
    name: 'Abéché → Iriba (Iridimi) → Tiné',
    nodes: ['td_abeche', 'td_iridimi', 'sd_tina'],
    fromSiteId: 'td_abeche',
    toSiteId: 'sd_tina',
    description:
      'Supply line from Abéché to the Tiné crossing; trucks were stranded on it by floods in August–September 2024.',
    source: 'WFP via Moatinoon ~2024-08-20; Darfur24 2024-09-14',
  },
  {
    id: 'cor_port_sudan_nyala',
    name: 'Port Sudan → Kosti → El Obeid → Nyala',
    nodes: [
      'sd_port_sudan',
      'sd_kassala',
      'sd_gedaref',
      'sd_kosti',
      'sd_el_obeid',
      'kordofan_crossline',
      'sd_abu_jabra',
      'sd_ed_daein',
      'sd_kalma',
      'sd_nyala',
    ],
    fromSiteId: 'sd_port_sudan',
    toSiteId: 'sd_nyala',
    description:
      'Long internal route from the seaport across the Kordofan front line into RSF-held Darfur; schematic west of El Obeid.',
    source: 'WFP via Albawaba 2024-08-22 (long routes from Port Sudan across front lines)',
  },
  {
    id: 'cor_el_obeid_el_fasher',
    name: 'El Obeid → En Nahud → El Fasher',
    nodes: ['sd_el_obeid', 'kordofan_crossline', 'sd_el_fasher'],
    fromSiteId: 'sd_el_obeid',
    toSiteId: 'sd_el_fasher',
    description:
      'Crossline route through Kordofan to El Fasher. En Nahud and Um Keddada are not in the gazetteer: the geometry is a straight schematic line.',
    source:
      'WFP/UNICEF joint statement 2025-06-03 (convoy for El Fasher attacked about 80 km short of the city)',
  },
  {
    id: 'cor_adre_tawila',
    name: 'Adré → El Geneina → Kebkabiya → Tawila',
    nodes: ['td_adre_transit', 'sd_el_geneina', 'sd_ardamata', 'sd_saraf_omra', 'sd_kebkabiya', 'sd_tawila'],
    fromSiteId: 'td_adre_transit',
    toSiteId: 'sd_tawila',
    description:
      'Route to Tawila across the wadis of the Saraf Omra – Kebkabiya axis, impassable in the rainy season (June–October).',
    source: 'IRIN 2005-08-10; Wikipedia "Tawila" (citing OCHA)',
  },
  {
    id: 'cor_nyala_el_fasher',
    name: 'Nyala → Shangil Tobay → Zamzam → El Fasher',
    nodes: ['sd_nyala', 'sd_otash', 'sd_shangil_tobay', 'sd_zamzam', 'sd_el_fasher'],
    fromSiteId: 'sd_nyala',
    toSiteId: 'sd_el_fasher',
    description: 'The north–south road of Darfur, cut by the siege of El Fasher.',
    source: 'HIU Darfur village list (Shangil Tobay on the El Fasher – Nyala road)',
  },
  {
    id: 'cor_el_fasher_tawila',
    name: 'El Fasher → Dali → Tawila',
    nodes: ['sd_el_fasher', 'sd_dali_tawila', 'sd_tawila'],
    fromSiteId: 'sd_el_fasher',
    toSiteId: 'sd_tawila',
    description: 'The way people fled from El Fasher and Zamzam to Tawila in 2025 (about 60–70 km).',
    source: 'MSF via Ghanawebbers 2025-04-24; IOM via fundsforngos 2025-11-04',
  },
];

/**
 * Al Koma, where the WFP–UNICEF convoy was attacked on 2025-06-02 ("positioned in Al Koma, North Darfur, waiting for
 * approval to proceed", UNICEF to Reuters): the centre point of Al Koma locality (P-code SD02116) in the OCHA COD-AB
 * Sudan admin 2 boundaries (v03, 2020). Al Koma is not in the gazetteer. The locality lies about 200 km east of El
 * Fasher, beyond Mellit locality, so the "about 80 km short of El Fasher" of the reports cannot hold there as well:
 * the position follows the named place.
 */
export const AL_KOMA: Pos = [27.2549, 14.1207];

export interface IncidentDef {
  id: string;
  name: string;
  date: string;
  at: PlaceId | 'kordofan_crossline' | 'al_koma';
  category:
    | 'hostilities'
    | 'violence_against_aid'
    | 'violence_against_civilians'
    | 'interference'
    | 'movement_restriction'
    | 'physical_environment';
  /** The perpetrator, when the sources name one. */
  actorId?: 'saf' | 'rsf';
  severity: 0 | 1 | 2 | 3;
  verification: 'verified' | 'unverified' | 'disputed';
  fatalities?: number;
  description: string;
  source: string;
  note?: string;
}

export const incidents: IncidentDef[] = [
  {
    id: 'inc_20230415_el_geneina',
    name: 'Fighting breaks out in El Geneina',
    date: '2023-04-15',
    at: 'sd_el_geneina',
    category: 'hostilities',
    severity: 3,
    verification: 'verified',
    description:
      'Fighting breaks out in El Geneina on the first day of the war; the battle lasts until June.',
    source: 'Wikipedia "Geneina"',
  },
  {
    id: 'inc_20230415_nyala',
    name: 'Fighting breaks out in Nyala',
    date: '2023-04-15',
    at: 'sd_nyala',
    category: 'hostilities',
    severity: 3,
    verification: 'verified',
    description:
      'RSF units attack SAF positions; fighting breaks out the same day in Nyala, El Fasher and Geneina.',
    source: 'Wikipedia "Battle of Nyala"',
  },
  {
    id: 'inc_20230415_el_fasher',
    name: 'Fighting breaks out in El Fasher',
    date: '2023-04-15',
    at: 'sd_el_fasher',
    category: 'hostilities',
    severity: 3,
    verification: 'verified',
    description: 'Fighting breaks out in El Fasher on the first day of the war.',
    source: 'Wikipedia "Battle of Nyala"; Wikipedia "Geneina"',
  },
  {
    id: 'inc_20230603_kutum',
    name: 'RSF take Kutum',
    date: '2023-06-03',
    at: 'sd_kutum',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    fatalities: 40,
    description:
      'The RSF take Kutum; at least 40 people killed in Kutum and the neighbouring Kassab camp over the weekend (Darfur Bar Association); the market looted.',
    source: 'Radio Dabanga 2023-06-06',
    note: 'The report of 6 June says the RSF entered "on Saturday", i.e. 2023-06-03.',
  },
  {
    id: 'inc_20231026_nyala',
    name: 'RSF capture the SAF 16th Infantry Division HQ in Nyala',
    date: '2023-10-26',
    at: 'sd_nyala',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description: 'Nyala comes under RSF control.',
    source: 'Sudan Tribune 2023-10-28; Wikipedia "Battle of Nyala"',
  },
  {
    id: 'inc_20231031_zalingei',
    name: 'RSF seize the SAF 21st Division base in Zalingei',
    date: '2023-10-31',
    at: 'sd_zalingei',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description: 'The RSF seize the last army base in Zalingei.',
    source: 'Radio Dabanga via AllAfrica 2023-10-31',
  },
  {
    id: 'inc_20231104_ardamata',
    name: 'Ardamata: RSF take the 15th Division base; mass killings',
    date: '2023-11-04',
    at: 'sd_ardamata',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description:
      'The RSF take the SAF 15th Infantry Division base at Ardamata (El Geneina) at about 07:30; mass killings of Masalit civilians follow (4–9 November). MSF counted more than 7,000 arrivals in Chad on 1–3 November.',
    source: 'Sudanese Archive investigation 2024-05-08; Reuters/MSF via TRT 2023-11-08',
  },
  {
    id: 'inc_20231104_ardamata_killings',
    name: 'Ardamata: mass killings of Masalit civilians',
    date: '2023-11-04',
    at: 'sd_ardamata',
    category: 'violence_against_civilians',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description:
      'After taking the SAF 15th Infantry Division base, the RSF and allied militias kill Masalit civilians in Ardamata (4–9 November 2023); thousands flee to Chad.',
    source: 'Sudanese Archive investigation 2024-05-08; Reuters/MSF via TRT 2023-11-08',
  },
  {
    id: 'inc_20231121_ed_daein',
    name: 'RSF take the SAF 20th Infantry Division in Ed Daein',
    date: '2023-11-21',
    at: 'sd_ed_daein',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description: 'The RSF take their fourth Darfur division base; the army still holds El Fasher.',
    source: 'Sudan Tribune 2023-11-21',
  },
  {
    id: 'inc_20231218_wad_madani',
    name: 'RSF enter Wad Madani',
    date: '2023-12-18',
    at: 'sd_wad_madani',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description:
      'The RSF cross the Hantoub bridge into Wad Madani, then an aid hub; the army confirms its withdrawal on 19 December. Up to 300,000 people flee Al Jazirah.',
    source: 'Radio Dabanga; The National 2023-12-19',
  },
  {
    id: 'inc_20240510_el_fasher',
    name: 'Heavy fighting inside El Fasher: the siege begins',
    date: '2024-05-10',
    at: 'sd_el_fasher',
    category: 'hostilities',
    severity: 3,
    verification: 'verified',
    description:
      'MSF counts casualties from this date; start of the siege phase. About 1.5 million people shelter in the city.',
    source: 'Security Council Report 2024-06-13',
  },
  {
    id: 'inc_20241127_armel',
    name: 'WFP convoy reportedly looted at Armel',
    date: '2024-11-27',
    at: 'kordofan_crossline',
    category: 'violence_against_aid',
    severity: 2,
    verification: 'disputed',
    description:
      "The government's aid commission (HAC) accuses the RSF of looting a WFP convoy at Armel, on the West/North Kordofan line. Allegation from one party.",
    source: 'Sudan Tribune 2024-11-27',
    note: 'Armel is not in the gazetteer: shown at the schematic Kordofan crossline point. Dated on the day of the report; the day of the looting is not given.',
  },
  {
    id: 'inc_20250111_wad_madani',
    name: 'SAF retake Wad Madani',
    date: '2025-01-11',
    at: 'sd_wad_madani',
    category: 'hostilities',
    actorId: 'saf',
    severity: 3,
    verification: 'verified',
    description: 'The army retakes the Al Jazirah capital.',
    source: 'AP via Al Mayadeen; Guardian via Africa.com 2025-01-14',
  },
  {
    id: 'inc_20250320_malha',
    name: 'Fighting at al-Malha; RSF claim the town',
    date: '2025-03-20',
    at: 'sd_malha',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    fatalities: 45,
    description:
      'The RSF say they seized al-Malha, a desert hub about 200 km north-east of El Fasher; activists report at least 45 civilians killed. The army confirms fighting but not the loss of the town.',
    source: 'AFP/AP 2025-03-22/23',
  },
  {
    id: 'inc_20250326_khartoum',
    name: 'SAF retake Khartoum airport',
    date: '2025-03-26',
    at: 'sd_khartoum',
    category: 'hostilities',
    actorId: 'saf',
    severity: 3,
    verification: 'verified',
    description:
      'The army retakes Khartoum airport and Teiba al-Hassanab camp, the last RSF base in Khartoum State, after retaking the Republican Palace on 21 March.',
    source: 'Reuters via BusinessLive 2025-03-26; AP via CP24 2025-03-26; AFP via Hurriyet 2025-03-21',
  },
  {
    id: 'inc_20250410_abu_shouk',
    name: 'RSF shelling of Abu Shouk camp',
    date: '2025-04-10',
    at: 'sd_abu_shouk',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    fatalities: 27,
    description: 'RSF shelling of Abu Shouk camp (El Fasher) kills at least 27 civilians.',
    source: 'ACJPS joint statement',
  },
  {
    id: 'inc_20250411_zamzam',
    name: 'RSF attack and take Zamzam camp',
    date: '2025-04-11',
    at: 'sd_zamzam',
    category: 'violence_against_civilians',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    fatalities: 400,
    description:
      'The RSF attack Zamzam camp from 11 April and take it on 13 April. OCHA: at least 400 dead and more than 400,000 people fleeing; MSF counts more than 25,000 arrivals in Tawila on 12–15 April.',
    source: 'SAPA-USA 2025-04-15; Africanews 2025-05-26; MSF via Ghanawebbers 2025-04-24; Wikipedia "Zamzam"',
    note: 'Violence against civilians: an attack on a camp of displaced people, most of the dead civilians.',
  },
  {
    id: 'inc_20250411_zamzam_clinic',
    name: 'Relief International clinic staff killed in Zamzam',
    date: '2025-04-11',
    at: 'sd_zamzam',
    category: 'violence_against_aid',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description: 'Relief International clinic staff are among the dead of the attack on Zamzam.',
    source: 'SAPA-USA 2025-04-15; Wikipedia "Zamzam"',
  },
  {
    id: 'inc_20250506_port_sudan_airport',
    name: 'Drone strike on the fuel depot of Port Sudan airport',
    date: '2025-05-06',
    at: 'sd_port_sudan_airport',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 2,
    verification: 'verified',
    description:
      'An RSF drone strikes the fuel depot at Port Sudan New International Airport: large explosion and fire, operations disrupted at the main air gateway for aid.',
    source: 'Wikipedia "Port Sudan New International Airport"',
  },
  {
    id: 'inc_20250602_convoy_al_koma',
    name: 'WFP–UNICEF convoy attacked near Al Koma',
    date: '2025-06-02',
    at: 'al_koma',
    category: 'violence_against_aid',
    severity: 3,
    verification: 'verified',
    fatalities: 5,
    description:
      'A 15-truck WFP–UNICEF convoy heading for El Fasher is attacked near Al Koma (North Darfur, RSF-held): five contract staff killed, several trucks burned, about 80 km short of El Fasher after 1,800 km from Port Sudan. It would have been the first UN convoy into El Fasher in more than a year. The UN names no attacker.',
    source:
      'WFP/UNICEF joint statement 2025-06-03; UN spokesperson briefing (Dujarric); UNICEF to Reuters via SABC 2025-06-03 (trucks positioned in Al Koma)',
    note: 'Al Koma is not in the gazetteer: placed at the centre of Al Koma locality (OCHA COD-AB admin 2, SD02116), where UNICEF said the trucks were waiting. That locality lies about 200 km east of El Fasher, not the 80 km of the reports; no road of the model passes there, so the attack blocks no modelled road. The UN names no attacker.',
  },
  {
    id: 'inc_20251026_el_fasher',
    name: 'RSF storm the SAF 6th Infantry Division HQ in El Fasher',
    date: '2025-10-26',
    at: 'sd_el_fasher',
    category: 'hostilities',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    description:
      'After a siege of about 18 months the RSF storm the 6th Infantry Division HQ at dawn and claim the city; an estimated 250,000–300,000 civilians trapped, communications largely cut. About 71,000 people fled towards Tawila by 4 November (IOM).',
    source:
      'Xinhua/The Peninsula 2025-10-26; The National 2025-10-26; Eye Radio 2025-10-27; IOM via fundsforngos 2025-11-04',
  },
  {
    id: 'inc_20251028_el_fasher_saudi_hospital',
    name: 'Killings at the Saudi Maternity Hospital in El Fasher',
    date: '2025-10-28',
    at: 'sd_el_fasher',
    category: 'violence_against_civilians',
    actorId: 'rsf',
    severity: 3,
    verification: 'verified',
    fatalities: 460,
    description:
      'Two days after taking El Fasher, RSF fighters kill patients and their companions at the Saudi Maternity Hospital, the last partly working hospital of the city: more than 460 dead according to the WHO. Survivors reaching Tawila report beatings, ransoms and executions on the way.',
    source:
      'WHO Director-General statement 2025-10-29 (AP via Shropshire Star 2025-10-29; AFP via Japan Times 2025-10-30); Sudan Doctors Network; El Fasher Resistance Committee',
    note: 'Reported by the WHO, the Sudan Doctors Network and the El Fasher Resistance Committee; not in the checked compilation, which records the fall of the city (2025-10-26) and the flight of about 71,000 people towards Tawila by 2025-11-04. Verified here on the strength of the WHO statement.',
  },
];

export interface ConstraintDef {
  id: string;
  name: string;
  kind: 'flood' | 'bridge_out' | 'siege';
  severity: 0 | 1 | 2 | 3;
  validFrom: string;
  validTo: string;
  /** Road legs the constraint lies on (a flood, a bridge out). */
  legs?: [NodeId, NodeId][];
  /** The ring round a besieged place (a siege): a closed ring, counter-clockwise. */
  ring?: Pos[];
  /** The besieging actor (a siege). */
  actorId?: 'saf' | 'rsf';
  description: string;
  source: string;
  note?: string;
}

export const constraints: ConstraintDef[] = [
  {
    id: 'con_2024_el_fasher_siege',
    name: 'Siege of El Fasher by the RSF',
    kind: 'siege',
    actorId: 'rsf',
    severity: 3,
    validFrom: '2024-05-10',
    validTo: '2025-10-26',
    ring: roughRing(at('sd_el_fasher'), 6.5),
    description:
      'The RSF besiege El Fasher from the start of heavy fighting inside the city on 2024-05-10 until they take it on 2025-10-26. UN Security Council resolution 2736 (2024-06-13) demands the siege end; no UN convoy enters the city in more than a year (the WFP–UNICEF convoy of June 2025 would have been the first and was attacked on the way).',
    source:
      'Security Council Report 2024-06-13 (heavy fighting from 2024-05-10; resolution 2736); WFP/UNICEF joint statement 2025-06-03; The National 2025-10-26 (after a siege of about 18 months)',
    note: 'The ring is schematic: about 6.5 km round the city centre, enclosing Abu Shouk and Al Salam camps but not Zamzam, about 15 km south. The earth berm the RSF built round the city in 2025 is not traced.',
  },
  {
    id: 'con_2024_adre_onward_bridges',
    name: 'Bridges damaged on the onward roads from Adré',
    kind: 'bridge_out',
    severity: 2,
    validFrom: '2024-08-20',
    validTo: '2024-11-01',
    legs: [
      ['sd_el_geneina', 'sd_mornei'],
      ['sd_mornei', 'sd_zalingei'],
    ],
    description:
      'Rains and floods damaged three major bridges in Darfur, limiting onward movement of the 59 trucks that crossed at Adré on 20–30 August 2024.',
    source: 'Darfur24 2024-09-02',
    note: 'The sources do not locate the bridges: the constraint lies on the onward road from El Geneina to Zalingei, schematically. End date assumed (end of October, after the rainy season).',
  },
  {
    id: 'con_2024_tine_route_floods',
    name: 'Floods on the Tiné route',
    kind: 'flood',
    severity: 2,
    validFrom: '2024-08-20',
    validTo: '2024-10-01',
    legs: [
      ['td_iridimi', 'sd_tina'],
      ['sd_tina', 'sd_karnoi'],
    ],
    description:
      'More than 50 trucks (~4,800 t) stuck on flooded roads; convoys meant for the Tiné route stranded on the Chad side, some for up to a month; above-average rain expected through September. About 30 trucks that left Tina in early September were still stuck 40 km on.',
    source: 'WFP via Moatinoon ~2024-08-20; Darfur24 2024-09-14',
    note: 'Severity 2 (at risk), not 3: trucks did get through. The Iridimi – Tina leg is the Chad side where WFP says convoys were stranded. End date assumed (end of September, the usual peak).',
  },
];
