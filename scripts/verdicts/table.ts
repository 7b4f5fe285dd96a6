/**
 * What the analysis of the default scenario (geodata/) must say at dated moments, each with the item of the
 * checked timeline (`../shared/reference/sudan-timeline.md`, section B) it comes from. One table, read by
 * `tests/unit/verdicts.test.ts` (which fails when a verdict does not hold) and by `npm run verdicts`
 * (which writes docs/verdicts.md with the report's own words), so the two cannot drift apart.
 */
import type { ReasonCode, SegmentStatus, SiteAccess, SiteFlag } from '../../src/lib/domain/schemas';

/** A reason the report must give: its code, and the feature it must name when given. */
export interface ReasonExpectation {
  code: ReasonCode;
  featureId?: string;
}

export type AccessClass = 'internal' | 'crossline' | 'cross_border';

export interface SiteExpectation {
  /** The headline access class. */
  access?: SiteAccess;
  /** Lifecycle status on the date (`active`, `emptied`…). */
  status?: string;
  besieged?: boolean;
  /** Flags the site must carry. */
  flags?: SiteFlag[];
  /** Flags it must not carry. */
  noFlags?: SiteFlag[];
  /** Exactly these flags, in any order. */
  flagsExactly?: SiteFlag[];
  /** A crossing the best path must pass. */
  viaCrossing?: string;
  /** The first of the site's reasons: the binding one. */
  firstReason?: ReasonExpectation;
  /** A reason the site's reasons must contain. */
  reason?: ReasonExpectation;
  /** What one access option must say. */
  option?: { class: AccessClass; feasible: boolean; firstReason?: ReasonExpectation; viaCrossing?: string };
  /** Whether the site is among the hotspots. */
  hotspot?: boolean;
  ipcPhase?: number | null;
  /** Sites its people moved to. */
  movedTo?: string[];
}

export interface CorridorExpectation {
  status?: SegmentStatus;
  /** A reason of a blocked stretch. */
  blockedBy?: ReasonExpectation;
}

export type Verdict = {
  date: string;
  id: string;
  /** Timeline items (section B of the timeline) the verdict comes from. */
  items: number[];
  /** What the timeline says, in a sentence. */
  says: string;
} & ({ kind: 'site'; expect: SiteExpectation } | { kind: 'corridor'; expect: CorridorExpectation });

const ADRE = 'td_adre_crossing';
const TINE = 'sd_tina_crossing';
const SIEGE = 'con_2024_el_fasher_siege';

export const VERDICTS: Verdict[] = [
  // Adré closed to aid from ~February to 15 August 2024.
  {
    date: '2024-03-01',
    kind: 'corridor',
    id: 'cor_adre_nyala',
    items: [17],
    says: 'Adré is closed to aid from about February 2024: the corridor through it is blocked at the crossing.',
    expect: { status: 'blocked', blockedBy: { code: 'crossing_closed', featureId: ADRE } },
  },
  {
    date: '2024-05-01',
    kind: 'site',
    id: 'sd_el_geneina',
    items: [17, 18],
    says: 'With Adré shut, El Geneina, 27 km from it, has no way in from Chad: the closed crossing is why.',
    expect: {
      access: 'cut_off',
      option: {
        class: 'cross_border',
        feasible: false,
        firstReason: { code: 'crossing_closed', featureId: ADRE },
      },
    },
  },
  {
    date: '2024-08-14',
    kind: 'site',
    id: 'sd_el_geneina',
    items: [17, 24],
    says: 'The day before Adré reopens, El Geneina is cut off, and the binding reason is the closed crossing, not a front line.',
    expect: {
      access: 'cut_off',
      reason: { code: 'crossing_closed', featureId: ADRE },
      option: {
        class: 'cross_border',
        feasible: false,
        firstReason: { code: 'crossing_closed', featureId: ADRE },
      },
    },
  },
  {
    date: '2024-08-14',
    kind: 'corridor',
    id: 'cor_abeche_adre',
    items: [17, 24],
    says: 'Still closed on 14 August 2024: the supply line from Abéché ends at a closed crossing.',
    expect: { status: 'blocked', blockedBy: { code: 'crossing_closed', featureId: ADRE } },
  },
  {
    date: '2024-08-20',
    kind: 'site',
    id: 'sd_el_geneina',
    items: [24, 25],
    says: 'Adré reopened on 15 August; the first WFP trucks cross on 20 August: El Geneina is reached from Chad through Adré.',
    expect: { access: 'cross_border_only', viaCrossing: ADRE },
  },
  // Zamzam: famine found on 2024-08-01, reached from Chad.
  {
    date: '2024-08-15',
    kind: 'site',
    id: 'sd_zamzam',
    items: [23, 47],
    says: 'Famine is found in Zamzam (about 500,000 people); the camp is reached from Chad through Tiné and is a hotspot.',
    expect: {
      access: 'cross_border_only',
      status: 'active',
      besieged: false,
      flags: ['famine', 'cross_border'],
      viaCrossing: TINE,
      ipcPhase: 5,
      hotspot: true,
    },
  },
  {
    date: '2024-11-20',
    kind: 'site',
    id: 'sd_zamzam',
    items: [23],
    says: 'The famine finding of 1 August 2024 was projected to end-October 2024: by late November it no longer holds, and nothing has replaced it yet.',
    expect: { status: 'active', noFlags: ['famine'], ipcPhase: null },
  },
  {
    date: '2025-01-15',
    kind: 'site',
    id: 'sd_zamzam',
    items: [31],
    says: 'The FRC confirms famine in Zamzam on 24 December 2024.',
    expect: { status: 'active', flags: ['famine'], ipcPhase: 5 },
  },
  // El Fasher besieged from 2024-05-10 to its fall on 2025-10-26.
  {
    date: '2024-08-15',
    kind: 'site',
    id: 'sd_el_fasher',
    items: [19, 20, 48],
    says: 'El Fasher is under RSF siege: no convoy gets in, and the siege is the reason.',
    expect: {
      access: 'cut_off',
      besieged: true,
      flags: ['besieged', 'cut_off'],
      firstReason: { code: 'site_besieged', featureId: SIEGE },
    },
  },
  {
    date: '2024-11-20',
    kind: 'site',
    id: 'sd_el_fasher',
    items: [48],
    says: 'Still besieged in November 2024, though Adré and Tiné are both open.',
    expect: {
      access: 'cut_off',
      besieged: true,
      flags: ['besieged', 'cut_off'],
      firstReason: { code: 'site_besieged', featureId: SIEGE },
    },
  },
  {
    date: '2025-06-01',
    kind: 'site',
    id: 'sd_el_fasher',
    items: [39, 48],
    says: 'No UN convoy has entered El Fasher for more than a year when the June 2025 convoy is attacked on its way.',
    expect: { access: 'cut_off', besieged: true, firstReason: { code: 'site_besieged', featureId: SIEGE } },
  },
  {
    date: '2024-11-20',
    kind: 'site',
    id: 'sd_abu_shouk',
    items: [48],
    says: 'Abu Shouk camp, at the northern edge of the besieged city, is besieged with it.',
    expect: { access: 'cut_off', besieged: true },
  },
  // Zamzam emptied on 2025-04-13.
  {
    date: '2025-06-01',
    kind: 'site',
    id: 'sd_zamzam',
    items: [37, 40, 47],
    says: 'The RSF took Zamzam on 13 April 2025 and its people fled, most to Tawila: it is no longer a camp to reach, nor a famine hotspot.',
    expect: {
      access: 'inactive',
      status: 'emptied',
      flagsExactly: [],
      reason: { code: 'site_inactive' },
      hotspot: false,
      movedTo: ['sd_tawila'],
    },
  },
  {
    date: '2025-11-04',
    kind: 'site',
    id: 'sd_zamzam',
    items: [37, 40],
    says: 'Still empty in November 2025.',
    expect: { access: 'inactive', status: 'emptied', hotspot: false },
  },
  // The fall of El Fasher on 2025-10-26.
  {
    date: '2025-11-04',
    kind: 'site',
    id: 'sd_el_fasher',
    items: [42, 43],
    says: 'The RSF took El Fasher on 26 October 2025, with 250,000–300,000 civilians trapped and killings reported: the city needs protection.',
    expect: {
      status: 'active',
      besieged: false,
      flags: ['protection'],
      reason: { code: 'protection_mass_violence' },
    },
  },
  // Choosing the class: the cheapest option, not the first domestic one.
  {
    date: '2024-11-20',
    kind: 'site',
    id: 'sd_el_geneina',
    items: [24, 30],
    says: 'Adré, 27 km away, is open: El Geneina is reached cross-border through it, not by a route of hundreds of km across the front line.',
    expect: {
      access: 'cross_border_only',
      viaCrossing: ADRE,
      option: { class: 'cross_border', feasible: true, viaCrossing: ADRE },
    },
  },
];
