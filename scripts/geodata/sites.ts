/** Sites and crossings of the default scenario, with their dated figures and status histories and their sources. */
import type { PlaceId } from './places';

export interface SiteFigureDef {
  date: string;
  population?: number;
  /** Range around `population` when the sources give one. */
  populationLow?: number;
  populationHigh?: number;
  ipcPhase?: number;
  famine?: boolean;
  /** End (exclusive) of the projection period of an IPC phase or famine finding. */
  validTo?: string;
  source: string;
  note?: string;
}

/** A dated change in what a site is (DESIGN.md §2, site status), with where its people went when known. */
export interface SiteStatusDef {
  date: string;
  status: 'active' | 'emptied' | 'destroyed' | 'closed' | 'relocated';
  source: string;
  note?: string;
  movedTo?: { siteId: PlaceId; population?: number }[];
}

export interface SiteDef {
  id: PlaceId;
  name?: string;
  kind: 'idp_camp' | 'refugee_camp' | 'town' | 'supply_hub' | 'airport' | 'health_facility';
  country: 'SDN' | 'TCD';
  hub?: boolean;
  figures?: SiteFigureDef[];
  statusHistory?: SiteStatusDef[];
  note?: string;
}

const FRC_2024_12 = 'IPC Famine Review Committee update 2024-12-24 (Al Jazeera via The Australian)';
/**
 * End of the projection period of the December 2024 FRC finding: famine was projected to persist and spread through
 * May 2025, so the finding holds to the end of that month.
 */
const FRC_2024_12_VALID_TO = '2025-06-01';

/**
 * A pre-war population from the IOM DTM Sudan site assessment of late 2019 (individuals on the baseline
 * list). The only dated count the sources used give for most camps: shown with its date, so nobody reads it
 * as a count of today; it lets the hotspot ranking weigh camps rather than leave them out.
 */
function dtm2019(date: string, population: number, siteCode: string): SiteFigureDef {
  return {
    date,
    population,
    source: `IOM DTM Sudan site assessment 2019 (${siteCode})`,
    note: 'Pre-war count (late 2019); the camp has grown or emptied since, by amounts the sources used do not give.',
  };
}

export const sites: SiteDef[] = [
  // The five Darfur state capitals.
  {
    id: 'sd_el_fasher',
    kind: 'town',
    country: 'SDN',
    note: 'North Darfur capital. Held by the SAF and the allied Joint Forces, besieged by the RSF from 2024-05-10; the RSF took the 6th Infantry Division HQ on 2025-10-26.',
    figures: [
      {
        date: '2024-06-13',
        population: 1_500_000,
        source: 'Security Council Report 2024-06-13; Eye Radio',
        note: 'About 1.5 million people sheltering in the city when resolution 2736 was adopted.',
      },
      {
        date: '2025-10-26',
        population: 250_000,
        populationLow: 250_000,
        populationHigh: 300_000,
        source: 'Xinhua/The Peninsula 2025-10-26; The National 2025-10-26; Eye Radio 2025-10-27',
        note: 'An estimated 250,000–300,000 civilians trapped when the RSF took the city; the lower bound is used.',
      },
      {
        date: '2025-11-03',
        ipcPhase: 5,
        famine: true,
        validTo: '2026-02-01',
        source: 'IPC Famine Review Committee 2025-11-03 (AP via Millennium Post)',
        note: 'Famine (reasonable evidence) plausible in El Fasher town for September 2025 and October 2025–January 2026: the finding holds to the end of the projection period, January 2026.',
      },
    ],
  },
  {
    id: 'sd_nyala',
    kind: 'town',
    country: 'SDN',
    note: 'South Darfur capital; RSF since 2023-10-26 (Sudan Tribune 2023-10-28).',
  },
  {
    id: 'sd_el_geneina',
    kind: 'town',
    country: 'SDN',
    note: 'West Darfur capital; RSF city by ~2023-06-22, Ardamata base 2023-11-04 (Wikipedia "Geneina"; Sudanese Archive 2024-05-08).',
  },
  {
    id: 'sd_zalingei',
    kind: 'town',
    country: 'SDN',
    note: 'Central Darfur capital; RSF took the 21st Division base on 2023-10-31 (Radio Dabanga via AllAfrica).',
  },
  {
    id: 'sd_ed_daein',
    kind: 'town',
    country: 'SDN',
    note: 'East Darfur capital; RSF took the 20th Division on 2023-11-21 (Sudan Tribune).',
  },
  // Camps.
  {
    id: 'sd_zamzam',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'About 15 km south of El Fasher. Taken by the RSF on 2025-04-13 and emptied: more than 400,000 people fled (OCHA), most of them to Tawila.',
    figures: [
      {
        date: '2024-01-01',
        population: 500_000,
        populationLow: 500_000,
        populationHigh: 1_000_000,
        source:
          'Wikipedia "Zamzam Refugee Camp" (population 2024: more than 500,000; figure used by MSF); UN Media Center 2024 ("about half a million"); sudanreeves.org 2025-03-24 (Save the Children and Yale HRL estimates up to 1 million)',
        note: 'No census was taken during the war: about 500,000 is the consensus figure, with estimates up to 1 million. The sources date it to 2024 without a day; 2024-01-01 stands for the year.',
      },
      {
        date: '2024-08-01',
        ipcPhase: 5,
        famine: true,
        validTo: '2024-11-01',
        source:
          'IPC Famine Review Committee 2024-08-01 (WHO media advisory; WFP/UNICEF via AllAfrica 2024-08-02)',
        note: 'Famine (Phase 5) plausible, likely to last to end-October 2024: the FRC’s first famine determination in more than 7 years. The finding holds to the end of October 2024.',
      },
      {
        date: '2024-12-24',
        ipcPhase: 5,
        famine: true,
        validTo: FRC_2024_12_VALID_TO,
        source: FRC_2024_12,
        note: 'Famine confirmed; projected to persist through May 2025.',
      },
    ],
    statusHistory: [
      {
        date: '2025-04-13',
        status: 'emptied',
        source:
          'SAPA-USA 2025-04-15; Africanews 2025-05-26; MSF via Ghanawebbers 2025-04-24; Wikipedia "Zamzam"; OCHA via Wikipedia "Tawila"',
        note: 'The RSF attacked the camp from 11 April and took it on 13 April 2025: at least 400 dead and more than 400,000 people fled (OCHA). MSF counted more than 25,000 arrivals in Tawila on 12–15 April; nearly 379,000 people from Zamzam and El Fasher reached Tawila by September 2025. How many of them came from Zamzam is not given.',
        movedTo: [{ siteId: 'sd_tawila' }],
      },
    ],
  },
  {
    id: 'sd_abu_shouk',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'North edge of El Fasher; shelled by the RSF on 2025-04-10.',
    figures: [
      dtm2019('2019-11-24', 85_000, 'DTM0102095'),
      {
        date: '2024-12-24',
        ipcPhase: 5,
        famine: true,
        validTo: FRC_2024_12_VALID_TO,
        source: FRC_2024_12,
        note: 'Famine confirmed; projected to persist through May 2025.',
      },
    ],
  },
  {
    id: 'sd_al_salam_fasher',
    kind: 'idp_camp',
    country: 'SDN',
    figures: [
      dtm2019('2019-11-23', 75_000, 'DTM0102096'),
      {
        date: '2024-12-24',
        ipcPhase: 5,
        famine: true,
        validTo: FRC_2024_12_VALID_TO,
        source: FRC_2024_12,
        note: 'Famine confirmed; projected to persist through May 2025.',
      },
    ],
  },
  {
    id: 'sd_kalma',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'East of Nyala.',
    figures: [dtm2019('2019-12-21', 126_172, 'DTM0211008')],
  },
  {
    id: 'sd_otash',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'North of Nyala.',
    figures: [dtm2019('2019-12-22', 157_500, 'DTM0217003')],
  },
  {
    id: 'sd_ardamata',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'Camp and SAF 15th Division area north-east of El Geneina; the RSF took the base on 2023-11-04, followed by mass killings of Masalit civilians.',
    figures: [dtm2019('2019-11-24', 22_656, 'DTM0302009')],
  },
  {
    id: 'sd_krinding',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'South of El Geneina.',
    figures: [dtm2019('2019-11-25', 25_210, 'DTM0302014')],
  },
  {
    id: 'sd_hamadiya',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'Zalingei.',
    figures: [dtm2019('2019-11-28', 80_000, 'DTM0507002')],
  },
  {
    id: 'sd_dali_tawila',
    kind: 'idp_camp',
    country: 'SDN',
    note: 'Older Tawila camp; the new 2025 Tawila camps are not located in the sources used.',
    figures: [dtm2019('2019-11-21', 2_472, 'DTM0107107')],
  },
  {
    id: 'sd_tawila',
    kind: 'town',
    country: 'SDN',
    note: 'Held by SLM (Abdel Wahid) since ~2023-09-23. Main refuge for people fleeing Zamzam and El Fasher in 2025; about 5,457 cholera cases and 79 deaths by mid-September 2025; about 71,000 more arrivals from El Fasher from late October 2025 (IOM).',
    figures: [
      {
        date: '2025-07-31',
        population: 379_000,
        source: 'OCHA, cited by Wikipedia "Tawila"',
        note: 'Nearly 379,000 people from Zamzam and El Fasher taken in after April 2025 (reported July–September 2025; the date is approximate).',
      },
    ],
  },
  {
    id: 'sd_kutum',
    kind: 'town',
    country: 'SDN',
    note: 'RSF since 2023-06-03 (Radio Dabanga 2023-06-06: the RSF entered "on Saturday").',
  },
  {
    id: 'sd_tina',
    kind: 'town',
    country: 'SDN',
    note: 'Sudanese half of the border town Tina/Tiné; a wadi forms the border. MSF ran a clinic in the Tiné transit camp from ~2024-07 (MSF New Zealand).',
  },
  // Chad.
  {
    id: 'td_adre_transit',
    kind: 'refugee_camp',
    country: 'TCD',
    note: 'Transit site at Adré town, at the same point as the crossing. More than 250,000 people reported (Qantara.de, undated, ~2024–25): no dated figure, so none is shown. Not marked as a hub: it sits on the crossing, and supplies reach it from Abéché.',
  },
  {
    id: 'td_iridimi',
    kind: 'refugee_camp',
    country: 'TCD',
    note: 'Near Iriba (Wadi Fira); opened 2004-03-21.',
  },
  {
    id: 'td_abeche',
    kind: 'supply_hub',
    country: 'TCD',
    hub: true,
    note: 'Main humanitarian hub of eastern Chad (UNHCR/WFP), with an airport.',
  },
  {
    id: 'td_ndjamena',
    kind: 'supply_hub',
    country: 'TCD',
    hub: true,
    note: "Chad's capital and only international airport.",
  },
  // Hubs and towns in the rest of Sudan.
  {
    id: 'sd_el_obeid',
    kind: 'town',
    country: 'SDN',
    hub: true,
    note: 'North Kordofan capital; road junction and rail terminus, former UN logistics base; SAF-held, besieged at times.',
  },
  {
    id: 'sd_kosti',
    kind: 'supply_hub',
    country: 'SDN',
    hub: true,
    note: 'River port on the White Nile; road link to Renk (South Sudan).',
  },
  {
    id: 'sd_port_sudan',
    kind: 'supply_hub',
    country: 'SDN',
    hub: true,
    note: 'Main seaport; seat of the SAF-aligned government since 2023.',
  },
  {
    id: 'sd_port_sudan_airport',
    kind: 'airport',
    country: 'SDN',
    note: 'Main air gateway since 2023; fuel depot hit by a drone on 2025-05-06.',
  },
  {
    id: 'sd_khartoum',
    kind: 'town',
    country: 'SDN',
    note: 'SAF retook the Republican Palace on 2025-03-21 and the airport on 2025-03-26.',
  },
  {
    id: 'sd_wad_madani',
    kind: 'town',
    country: 'SDN',
    note: 'Al Jazirah capital and an aid hub in 2023; RSF 2023-12-18/19, SAF back on 2025-01-11.',
  },
];

export interface StatusDef {
  date: string;
  status: 'open' | 'restricted' | 'closed';
  source: string;
  note?: string;
}

export interface CrossingDef {
  id: string;
  /** Gazetteer place giving the position; the crossline point has none. */
  place?: PlaceId;
  name: string;
  kind: 'international' | 'crossline';
  countries?: string[];
  actorIds?: string[];
  source: string;
  note?: string;
  statusHistory: StatusDef[];
}

export const crossings: CrossingDef[] = [
  {
    id: 'td_adre_crossing',
    place: 'td_adre_crossing',
    name: 'Adré – El Geneina crossing',
    kind: 'international',
    countries: ['TCD', 'SDN'],
    source:
      'Position: fr.wikipedia Adré. Status: Africanews/AP 2024-08-22; Xinhua via Juba Mirror 2024-08-16; WFP via Albawaba 2024-08-22; Darfur24 2024-09-02; Sudan Tribune; Sudan MFA via Eastleigh Voice',
    note: 'Placed at Adré town (Chad), about 2.6 km from the border; the post itself is not mapped.',
    statusHistory: [
      {
        date: '2023-04-15',
        status: 'open',
        source:
          'Africanews/AP 2024-08-22 (trucks crossed "for the first time since February": the crossing was in use before)',
        note: 'Open at the start of the war; refugees and aid crossed here in 2023.',
      },
      {
        date: '2024-02-01',
        status: 'closed',
        source: 'Xinhua via Juba Mirror 2024-08-16; Africanews/AP 2024-08-22',
        note: 'Closed to aid ~February 2024 (the government said the RSF used it to bring in weapons). No exact day is known: 2024-02-01 stands in for it. WFP got one convoy through in March and one in April 2024 (WFP via Albawaba 2024-08-22); modelled as closed all the same.',
      },
      {
        date: '2024-08-15',
        status: 'open',
        source: 'Xinhua via Juba Mirror 2024-08-16; Darfur24 2024-09-02',
        note: 'The Sovereign Council reopens Adré to aid for three months, to 2024-11-15. The first WFP trucks crossed on 2024-08-20 (Sudan Tribune 2024-08-21; Africanews 2024-08-22).',
      },
      {
        date: '2024-11-13',
        status: 'open',
        source: 'Sudan Tribune; Reuters-based reports (2024-11-13)',
        note: 'Opening extended beyond 15 November; more than 300 trucks had crossed since August. Duration conflicting: three months (Reuters-based reports) or indefinitely (Sudan Tribune). The status between the end of a three-month extension and September 2025 is not documented in the sources used and is shown as open.',
      },
      {
        date: '2025-09-01',
        status: 'open',
        source: "Sudan MFA via Eastleigh Voice; L'Observateur/Maghress",
        note: 'Opening extended from 2025-09-01 to 2025-12-31; the announcement date is not confirmed.',
      },
    ],
  },
  {
    id: 'sd_tina_crossing',
    place: 'sd_tina_crossing',
    name: 'Tiné – Tina crossing',
    kind: 'international',
    countries: ['TCD', 'SDN'],
    source:
      'Position: OSM place Tina (HOT export 2025-12); HIU. Status: Sudan MFA statement 2024-03-06 via Al Jazeera; WFP via Albawaba 2024-08-22',
    note: 'Placed at Tina, the Sudanese side; Tiné (Chad) lies across the wadi.',
    statusHistory: [
      {
        date: '2023-04-15',
        status: 'closed',
        source: 'Sudan MFA statement 2024-03-06 via Al Jazeera (use for aid approved only then)',
        note: 'Not approved for aid deliveries before March 2024, as the approval implies; no earlier aid use is documented in the sources used.',
      },
      {
        date: '2024-03-06',
        status: 'open',
        source: 'Sudan MFA statement 2024-03-06 via Al Jazeera; WFP via Albawaba 2024-08-22',
        note: 'The government approves the Tiné crossing to El Fasher for aid; WFP used it while Adré was closed.',
      },
    ],
  },
  {
    id: 'sd_gallabat_crossing',
    place: 'sd_gallabat_crossing',
    name: 'Gallabat – Metema crossing',
    kind: 'international',
    countries: ['ETH', 'SDN'],
    source: 'Position: OSM place Gallabat (HOT export 2025-12). Status: OCHA via Sudan Tribune 2023-05-08',
    statusHistory: [
      {
        date: '2023-04-21',
        status: 'open',
        source: 'OCHA via Sudan Tribune 2023-05-08; OCHA via Xinhua 2023-06-09',
        note: 'More than 15,700 people reached Ethiopia here between 21 April and 8 May 2023, more than 41,200 by 6 June.',
      },
    ],
  },
  {
    id: 'sd_argeen_crossing',
    place: 'sd_argeen_crossing',
    name: 'Argeen (Arqin) land port',
    kind: 'international',
    countries: ['EGY', 'SDN'],
    source:
      'Position: OSM village Argeen (HOT export 2025-12). Status: Ahram Weekly 2023-04-25; Al Jazeera 2023-06-11',
    note: 'Point is the village at the 22°N line, not the port compound.',
    statusHistory: [
      {
        date: '2023-04-22',
        status: 'open',
        source: 'Ahram Weekly 2023-04-25 (single source: a bus driver)',
        note: 'Egypt opens the crossing to people fleeing Sudan.',
      },
      {
        date: '2023-06-10',
        status: 'restricted',
        source: 'Egyptian MFA via Al Jazeera 2023-06-11; The National 2023-06-07',
        note: 'Every Sudanese national now needs a visa in advance (consulates in Wadi Halfa or Port Sudan). Restricts people, not goods.',
      },
    ],
  },
  {
    id: 'xl_kordofan',
    name: 'Kordofan crossline point (schematic, El Obeid – En Nahud road)',
    kind: 'crossline',
    actorIds: ['saf', 'rsf'],
    source: 'Darfur24 2024-04-20; Sudan Tribune 2024-11-27',
    note: 'Schematic position: where the modelled El Obeid – En Nahud road meets the modelled Kordofan front line, about 55 km west of El Obeid. No crossline post is located in the sources used.',
    statusHistory: [
      {
        date: '2024-04-20',
        status: 'closed',
        source: 'Darfur24 2024-04-20',
        note: 'UN: trucks on the roads from Port Sudan stuck because of military activity and obstruction; the RSF refused aid from Port Sudan via Al-Dabba. No agreed passage on this route is documented before; until this entry the point does not exist for the analysis and the front line blocks the road.',
      },
      {
        date: '2024-11-12',
        status: 'open',
        source: 'Sudan Tribune 2024-11-27',
        note: 'WFP convoys from Port Sudan crossed into RSF-held areas in November 2024 (one, for Zamzam, left on 12 November; another was reportedly looted at Armel on the West/North Kordofan line). Open for this documented window only.',
      },
      {
        date: '2024-11-27',
        status: 'closed',
        source: 'Sudan Tribune 2024-11-27',
        note: 'End of the documented passage window. The WFP–UNICEF convoy attacked on 2025-06-02 had crossed the lines on an undocumented date, which is not modelled.',
      },
    ],
  },
];
