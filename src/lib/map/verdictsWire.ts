import type { Hotspot, SiteAccess, SiteFlag } from '$lib/domain/schemas';
import { panelEntries, type HotspotEntry } from './hotspotList';
import type { CorridorVerdict, MapVerdicts, SiteVerdict } from './mapVerdicts';

// The shape `/map/verdicts.json` sends `MapVerdicts` in (docs/scaling.md, "The verdicts of a date"). At Sudan
// scale the objects weigh 2.8 MiB of JSON, most of it keys repeated per site and the hotspot panel's labels,
// which the map has already: so a site is a row of its values, each word (status, access, flags, reason
// code) an index into `words`, a site id is sent once and named by its row elsewhere, and the panel's labels
// are looked up again on the map (in the reader's language: the endpoint picks none). After JSON,
// `decodeVerdicts(encodeVerdicts(v))` equals `v`.

export type Bit = 0 | 1;
/**
 * A site: [id, status, access, population, IPC phase, reasons, flags, besieged, famine], words by index;
 * trailing values equal to their default (no reasons, no flags, 0) are left out.
 */
export type SiteRow = [string, number, number, number, number, number[]?, number?, Bit?, Bit?];
/** Hotspot components in their schema's order; access by word, booleans as 0/1. */
export type ComponentsRow = [number, string, Bit, number | null, Bit, number, number, number];
/** A site named by its row in `sites`, or by its id when the report has no such site. */
type SiteRef = number | string;

export interface VerdictsWire {
  asOf: string;
  /** Every status, access, flags and reason code the rows name; `''` (no flags) first. */
  words: string[];
  /** Corridor id → [status, reasons] (words). */
  corridors: Record<string, [number, number[]]>;
  sites: SiteRow[];
  crossings: Record<string, string>;
  /** The ranked hotspots, highest first: [site, score, components (of those the panel lists)]. */
  hotspots: [SiteRef, number, ComponentsRow?][];
  /** The hotspot panel: the site rows it lists, ranked (by index into `hotspots`) and unranked, with names. */
  hotspotList: { ranked: [number, number, string][]; unranked: [number, string][] };
  protection: MapVerdicts['protection'];
  totals: MapVerdicts['totals'];
  visibility: MapVerdicts['visibility'];
}

const bit = (b: boolean): Bit => (b ? 1 : 0);

/** A hotspot's components as its wire row, `access` the index of its access word (both encoders share it). */
export const componentsRowOf = (c: Hotspot['components'], access: number): ComponentsRow => [
  c.population,
  c.populationAsOf,
  bit(c.populationStale),
  c.ipcPhase,
  bit(c.ipcPhaseKnown),
  c.severity,
  access,
  c.accessDifficulty,
];
/** A trailing value a site row leaves out: no reasons, no flags, 0. */
const isDefault = (v: unknown) => v === 0 || (Array.isArray(v) && v.length === 0);

/** `verdicts` in the shape the endpoint sends. Input is not mutated. */
export function encodeVerdicts(verdicts: MapVerdicts): VerdictsWire {
  const words = [''];
  const index = new Map([['', 0]]);
  const word = (w: string) => {
    let i = index.get(w);
    if (i === undefined) index.set(w, (i = words.push(w) - 1));
    return i;
  };
  const corridors: VerdictsWire['corridors'] = {};
  for (const [id, c] of Object.entries(verdicts.corridors))
    corridors[id] = [word(c.status), c.reasons.map(word)];
  const row = new Map<string, number>();
  const sites = Object.entries(verdicts.sites).map(([id, s], i): SiteRow => {
    row.set(id, i);
    const r: SiteRow = [
      id,
      word(s.status),
      word(s.access),
      s.population,
      s.ipcPhase,
      s.reasons.map(word),
      word(s.flags),
      bit(s.besieged),
      bit(s.famine),
    ];
    while (r.length > 5 && isDefault(r[r.length - 1])) r.pop();
    return r;
  });
  const ref = (id: string): SiteRef => row.get(id) ?? id;
  // The panel's ranked entries in a list indexed by rank, not a `Map` of them (5,000 at Sudan scale).
  const hotspotAt: (HotspotEntry | undefined)[] = [];
  for (const e of verdicts.hotspotList.ranked) if (e.rank !== undefined) hotspotAt[e.rank] = e;
  const hotspots = verdicts.hotspots.map(([id, score], i): VerdictsWire['hotspots'][number] => {
    const c = hotspotAt[i + 1]?.components;
    if (!c) return [ref(id), score];
    return [ref(id), score, componentsRowOf(c, word(c.access))];
  });
  const listed = (e: HotspotEntry) => {
    const r = row.get(e.siteId);
    if (r === undefined) throw new Error(`hotspot panel names ${e.siteId}, which has no verdict`);
    return r;
  };
  return {
    asOf: verdicts.asOf,
    words,
    corridors,
    sites,
    crossings: verdicts.crossings,
    hotspots,
    hotspotList: {
      ranked: verdicts.hotspotList.ranked.map((e) => [(e.rank ?? 0) - 1, listed(e), e.name]),
      unranked: verdicts.hotspotList.unranked.map((e) => [listed(e), e.name]),
    },
    protection: verdicts.protection,
    totals: verdicts.totals,
    visibility: verdicts.visibility,
  };
}

/** The map's verdicts from the endpoint's body (`encodeVerdicts`). Input is not mutated. */
export function decodeVerdicts(wire: VerdictsWire): MapVerdicts {
  const { words } = wire;
  const corridors: Record<string, CorridorVerdict> = {};
  for (const [id, [status, reasons]] of Object.entries(wire.corridors))
    corridors[id] = {
      status: words[status] as CorridorVerdict['status'],
      reasons: reasons.map((r) => words[r]),
    };
  const sites: Record<string, SiteVerdict> = {};
  for (const [
    id,
    status,
    access,
    population,
    ipcPhase,
    reasons = [],
    flags = 0,
    besieged = 0,
    famine = 0,
  ] of wire.sites)
    sites[id] = {
      access: words[access],
      flags: words[flags],
      status: words[status],
      besieged: besieged === 1,
      population,
      ipcPhase,
      famine: famine === 1,
      reasons: reasons.map((r) => words[r]),
    };
  const idOf = (ref: SiteRef) => (typeof ref === 'number' ? wire.sites[ref][0] : ref);
  // As `hotspotList` makes an entry from the site's report, from the site's verdict.
  const panelEntry = panelEntries((code: string) => code);
  const entry = (row: number, name: string): HotspotEntry => {
    const siteId = wire.sites[row][0];
    const site = sites[siteId];
    const flags = site.flags === '' ? [] : (site.flags.split(',') as SiteFlag[]);
    return panelEntry(siteId, name, site.access as SiteAccess, flags, site.reasons);
  };
  const components = (c: ComponentsRow): Hotspot['components'] => ({
    population: c[0],
    populationAsOf: c[1],
    populationStale: c[2] === 1,
    ipcPhase: c[3],
    ipcPhaseKnown: c[4] === 1,
    severity: c[5],
    access: words[c[6]] as SiteAccess,
    accessDifficulty: c[7],
  });
  return {
    asOf: wire.asOf,
    corridors,
    sites,
    crossings: wire.crossings,
    hotspots: wire.hotspots.map(([ref, score]) => [idOf(ref), score]),
    hotspotList: {
      // Rank, score and components set on the entry itself, not on a spread copy of it (as `hotspotList`).
      ranked: wire.hotspotList.ranked.map(([at, row, name]) => {
        const [, score, c] = wire.hotspots[at];
        const e = entry(row, name);
        e.rank = at + 1;
        e.score = score;
        e.components = components(c!);
        return e;
      }),
      unranked: wire.hotspotList.unranked.map(([row, name]) => entry(row, name)),
    },
    protection: wire.protection,
    totals: wire.totals,
    visibility: wire.visibility,
  };
}
