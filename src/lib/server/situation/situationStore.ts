import { LRUCache } from 'lru-cache';
import { createAnalyzer, type Analyzer } from '$lib/domain/analysis';
import type { RoadNetwork } from '$lib/domain/analysis/network/roadNetwork';
import { sameItems } from '$lib/domain/analysis/sameItems';
import {
  analysisParamsSchema,
  layerNames,
  type AnalysisParamsInput,
  type AnalysisReport,
  type Sensitivity,
  type Situation,
} from '$lib/domain/schemas';
import { situationVisibleAt } from '$lib/domain/visibility';
import { canonicalJson } from '../canonicalJson';
import type { Database } from '../db/client';
import { readSituation } from '../db/featureRepository';
import { readSituationSince, unchangedSince } from '../db/readSituationSince';
import { dataVersion } from '../db/schema';
import { visibleSensitivities, type Viewer } from '../auth/roles';
import { strongEtag } from '../http/cache';
import { sharedRuns } from '../http/coalesce';
import { contentHash, publicContentVersion, type ContentVersion } from '../http/contentVersion';
import { publicSituation } from '../http/publicSituation';
import { reportJsonBytes } from './reportBytes';

interface Snapshot {
  /** The data version (`data_version.n`) read before the situation was last read. */
  version: number;
  /**
   * The data version from which the situation is what the level holds: `version`, or older when the writes
   * since changed nothing this level sees (the situation object is then kept, see `snapshot`).
   */
  since: number;
  /** The visibility level: the sensitivities it holds, joined. */
  level: string;
  sensitivities: Sensitivity[];
  situation: Situation;
}

/** A snapshot's situation and how current it is, for what is kept per snapshot outside the store. */
export interface SnapshotStamp {
  /** The visibility level: the sensitivities it holds, joined. */
  level: string;
  /** The data version from which the situation is what its level holds: it grows with each new content. */
  since: number;
}

/** An analysis report computed once and shared by every request for it, with its entity tag. */
export interface CachedAnalysis {
  /** Shared between callers: never mutate it. */
  report: AnalysisReport;
  /**
   * A strong ETag of the report: a hash of the public content and the request for anonymous viewers (the
   * same on every instance, unmoved by edits of non-public records), of the level and the data version its
   * content dates from for signed-in ones.
   */
  etag: string;
}

export interface SituationStoreOptions {
  /** The bound of the analysis cache, in bytes of the reports' JSON (default `ANALYSIS_CACHE_BYTES`). */
  analysisCacheBytes?: number;
}

/**
 * Default bound of the analysis cache: 128 MiB of report JSON, a few hundred dates of the default scenario
 * or a few dozen at Sudan scale (docs/scaling.md, "The analysis cache").
 */
export const ANALYSIS_CACHE_BYTES = 128 * 1024 * 1024;

/** The level of anonymous viewers, as snapshots name levels: its analyses carry the public ETag. */
const PUBLIC_LEVEL = visibleSensitivities(null).join(',');

/**
 * The situation as each kind of viewer may see it, read from the database, and its analyses. Reads are
 * cached per visibility level and refreshed when the data version changes: a counter a trigger bumps in
 * the transaction of every write (migration 0015), by any process (the app, another instance, the command
 * line), checked with one single-row query per read. A level whose content a write left as it was keeps its
 * situation object (`snapshot`).
 */
export class SituationStore {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly snapshotOf = new WeakMap<Situation, Snapshot>();
  // Keyed by the situation object, so an analyzer lives as long as the snapshot it was built for is in use.
  private readonly analyzers = new WeakMap<Situation, Analyzer>();
  // The network of each level's last analyzer, for the next one of any level (`analyzerOf`): it is that analyzer's
  // own, so holding it costs nothing more until a write gives the level a new situation.
  private readonly networks = new Map<string, RoadNetwork>();
  private readonly reading = sharedRuns<string, Snapshot>();
  private readonly analysing = sharedRuns<string, CachedAnalysis>();
  private readonly analyses: LRUCache<string, CachedAnalysis>;
  // Analyses answered and not yet in `analyses`: their bytes are counted after the answer (`keepAnalysis`).
  private readonly counting = new Map<string, CachedAnalysis>();

  constructor(
    private readonly db: Database,
    readonly scenarioId: string,
    options: SituationStoreOptions = {},
  ) {
    this.analyses = new LRUCache<string, CachedAnalysis>({
      maxSize: options.analysisCacheBytes ?? ANALYSIS_CACHE_BYTES,
      // A report bigger than the whole bound is not kept (`set` refuses it), only answered. Its JSON's length is
      // estimated without writing it, which cost as much as the analysis (reportBytes.ts).
      sizeCalculation: (a) => Math.max(1, reportJsonBytes(a.report)),
    });
  }

  /** The data version: it grows with every committed write of the features or the scenario. */
  async dataVersion(): Promise<number> {
    const [row] = await this.db.select({ n: dataVersion.n }).from(dataVersion);
    return Number(row?.n ?? 0);
  }

  private async snapshot(sensitivities: Sensitivity[]): Promise<Snapshot> {
    const level = sensitivities.join(',');
    const version = await this.dataVersion();
    const cached = this.snapshots.get(level);
    if (cached && cached.version === version) return cached;
    // Requests arriving together after a write read the situation once.
    return this.reading(`${level}@${version}`, async () => {
      const read = await this.readLevel(sensitivities, version, cached);
      const now = this.snapshots.get(level);
      // A write this level does not see (a restricted record, for the public) leaves its content as it was:
      // the situation object is kept, and with it everything kept for it (its analyzer, analyses, serialised
      // bodies, the map's archive of verdicts and its walk), which would otherwise all be made again. The read
      // gives the last situation itself when no row this level sees was written, a level made from a wider one
      // its very features; else the two are compared by content hash, made of each feature's hash kept per
      // feature object (`contentHash`): the features the read shares with the last one are not hashed again.
      const kept =
        now &&
        (now.situation === read.situation ||
          sameContent(now.situation, read.situation) ||
          contentHash(now.situation) === contentHash(read.situation))
          ? now
          : undefined;
      const fresh: Snapshot = {
        version: read.version,
        since: kept?.since ?? read.version,
        level,
        sensitivities,
        situation: kept?.situation ?? read.situation,
      };
      if (!now || now.version <= fresh.version) this.snapshots.set(level, fresh);
      const prior = this.snapshotOf.get(fresh.situation);
      if (!prior || prior.version <= fresh.version) this.snapshotOf.set(fresh.situation, fresh);
      return fresh;
    });
  }

  /**
   * A level's situation at `version` or later, and the data version it is valid from. The levels this store holds
   * share the features they both see, so a store that holds every level holds each record once, and a level whose
   * roads, crossings and sites are another's takes that level's road network (`analyzerOf`):
   * - when a wider level is held (the administrators' for staff, staff's for the public), this level is its records
   *   of this level's sensitivities. The wider level is read again first, unless it is current; and unless this
   *   level sees none of the rows written since its last read (a restricted record, for the public), which keeps
   *   its situation for the cost of two small queries (`unchangedSince`), where the wider read would read the row;
   * - else the rows written since this level's last read, or since a narrower level's read when this level was
   *   never read (its other rows are read with them, `readSituationSince`);
   * - else the whole level.
   */
  private async readLevel(
    sensitivities: Sensitivity[],
    version: number,
    cached: Snapshot | undefined,
  ): Promise<{ situation: Situation; version: number }> {
    const held = [...this.snapshots.values()];
    const wider = widest(held.filter((s) => within(sensitivities, s.sensitivities)));
    if (wider) {
      if (
        wider.version !== version &&
        cached &&
        (await unchangedSince(this.db, this.scenarioId, sensitivities, cached.situation, cached.version))
      )
        return { situation: cached.situation, version };
      const from = await this.snapshot(wider.sensitivities);
      return { situation: situationVisibleAt(from.situation, sensitivities), version: from.version };
    }
    const base = cached ?? widest(held.filter((s) => within(s.sensitivities, sensitivities)));
    const situation = base
      ? await readSituationSince(
          this.db,
          this.scenarioId,
          sensitivities,
          base.situation,
          base.version,
          base.sensitivities,
        )
      : await readSituation(this.db, this.scenarioId, sensitivities);
    return { situation, version };
  }

  /** Every record the viewer may see (public ones only for anonymous visitors). */
  async situationFor(viewer: Viewer): Promise<Situation> {
    return (await this.snapshot(visibleSensitivities(viewer))).situation;
  }

  /**
   * The situation of each level (the sensitivities each includes), all read at one data version, and that version:
   * the change feed's `FeedSource`, which checks the version again once its lock is held. Undefined when a write
   * came between the reads (their versions differ).
   */
  async situationsAt(
    levels: readonly (readonly Sensitivity[])[],
  ): Promise<{ version: number; situations: Situation[] } | undefined> {
    const snaps: Snapshot[] = [];
    for (const sensitivities of levels) snaps.push(await this.snapshot([...sensitivities]));
    const version = snaps[0]?.version;
    if (version === undefined || snaps.some((s) => s.version !== version)) return undefined;
    return { version, situations: snaps.map((s) => s.situation) };
  }

  /**
   * The analysis of `asOf` (default parameters) over a situation this store handed out, as `analysisFor` keeps it
   * for that situation's viewers: the change feed's `FeedSource`. It reads nothing from the database, so a
   * recording may ask it inside its transaction.
   */
  async reportOf(situation: Situation, asOf: string): Promise<AnalysisReport> {
    const snap = this.snapshotOf.get(situation);
    if (!snap) throw new Error('reportOf: not a situation of this store');
    return (await this.analysisIn(snap, snap.level === PUBLIC_LEVEL, asOf)).report;
  }

  /** The level and content version of a situation this store handed out (undefined for any other object). */
  stampOf(situation: Situation): SnapshotStamp | undefined {
    const snap = this.snapshotOf.get(situation);
    return snap && { level: snap.level, since: snap.since };
  }

  /**
   * The analyzer of a situation this store handed out (built once per situation object). It takes the road network
   * of its level's last analyzer when the situation's roads, crossings and sites are what that network was built
   * from (kept as the same objects by the read after a write: a write of incidents, areas or front lines), else
   * another level's built from them (the levels share their records: `readLevel`).
   */
  analyzerOf(situation: Situation): Analyzer {
    let a = this.analyzers.get(situation);
    if (!a) {
      const level = this.snapshotOf.get(situation)?.level;
      // Its own level's last network first: the one most likely built from these roads, crossings and sites.
      const own = level === undefined ? undefined : this.networks.get(level);
      const others = [...this.networks.values()].filter((n) => n !== own);
      a = createAnalyzer(situation, {}, own ? [own, ...others] : others);
      this.analyzers.set(situation, a);
      if (level !== undefined) this.networks.set(level, a.network);
    }
    return a;
  }

  /**
   * The analyzer over what the viewer may see: public analysis is computed from public records only, so
   * nothing it shows can reveal a restricted record (documented in the README).
   */
  async analyzerFor(viewer: Viewer): Promise<Analyzer> {
    return this.analyzerOf((await this.snapshot(visibleSensitivities(viewer))).situation);
  }

  /**
   * The analysis of `asOf` with `params` (no what-if overrides: those are computed per request and never
   * kept) over what the viewer may see, with its ETag. Computed once per (date, parameters, visibility
   * level, data version): kept in an LRU cache bounded in bytes, and concurrent requests for the same key
   * share one computation. Anonymous viewers get the analysis of the public situation as the public
   * surfaces read it (at most a second old, `publicSituation.ts`). Bad input throws `AnalysisInputError`.
   */
  async analysisFor(viewer: Viewer, asOf: string, params?: AnalysisParamsInput): Promise<CachedAnalysis> {
    if (!viewer) return this.publicAnalysisOf(await publicSituation(this), asOf, params);
    return this.analysisIn(await this.snapshot(visibleSensitivities(viewer)), false, asOf, params);
  }

  /**
   * `analysisFor` an anonymous viewer, on a public situation this store handed out (`situationFor(null)`,
   * `publicSituation`): for an answer whose ETag was made from that very situation.
   */
  async publicAnalysisOf(
    situation: Situation,
    asOf: string,
    params?: AnalysisParamsInput,
  ): Promise<CachedAnalysis> {
    const snap = this.snapshotOf.get(situation);
    if (!snap || snap.level !== PUBLIC_LEVEL)
      throw new Error('publicAnalysisOf: not a public situation of this store');
    return this.analysisIn(snap, true, asOf, params);
  }

  private async analysisIn(
    snap: Snapshot,
    isPublic: boolean,
    asOf: string,
    params?: AnalysisParamsInput,
  ): Promise<CachedAnalysis> {
    // Parameters as the analysis reads them (defaults filled in): `{}` and the defaults spelled out are one
    // entry. Parameters it refuses are keyed as given; the analysis throws on them and nothing is kept.
    const parsed = analysisParamsSchema.safeParse(params ?? {});
    const asked = canonicalJson(parsed.success ? parsed.data : params);
    const key = `${snap.level}|${snap.since}|${asOf}|${asked}`;
    const hit = this.analyses.get(key) ?? this.counting.get(key);
    if (hit) return hit;
    return this.analysing(key, async () => {
      const report = this.analyzerOf(snap.situation).analyze(asOf, params);
      const basis = isPublic ? `public:${contentHash(snap.situation)}` : `${snap.level}@${snap.since}`;
      const cached = { report, etag: strongEtag('analysis', basis, asOf, asked) };
      this.keepAnalysis(key, cached);
      return cached;
    });
  }

  /**
   * Keeps an analysis in the cache once its reader has been answered. The cache's bound is in bytes of the
   * reports' JSON, counted when an entry is set (reportBytes.ts): 40–90 ms of a date asked at Sudan scale
   * (bench/dateChange.ts), which the reader waited for though the answer does not need it. Until then the
   * entry is in `counting`, where the next request for the same analysis finds it.
   */
  private keepAnalysis(key: string, cached: CachedAnalysis): void {
    this.counting.set(key, cached);
    setImmediate(() => this.counted(key, cached));
  }

  private counted(key: string, cached: CachedAnalysis): void {
    if (this.counting.get(key) !== cached) return;
    this.counting.delete(key);
    this.analyses.set(key, cached);
  }

  /** What the analysis cache holds: entries and bytes (for tests and the docs' figures), all counted. */
  analysisCacheUse(): { entries: number; bytes: number; maxBytes: number } {
    for (const [key, cached] of this.counting) this.counted(key, cached);
    return {
      entries: this.analyses.size,
      bytes: this.analyses.calculatedSize,
      maxBytes: this.analyses.maxSize,
    };
  }

  /**
   * The version of public content (a public situation this store handed out), the same on every instance:
   * see `publicContentVersion`.
   */
  publicVersionOf(situation: Situation): Promise<ContentVersion> {
    return publicContentVersion(this.db, situation);
  }
}

/** Whether every sensitivity of `inner` is one of `outer`'s, and `outer` has more. */
function within(inner: readonly Sensitivity[], outer: readonly Sensitivity[]): boolean {
  return outer.length > inner.length && inner.every((x) => outer.includes(x));
}

/** The snapshot of the most sensitivities among `snaps` (levels are nested: the widest holds the others). */
function widest(snaps: readonly Snapshot[]): Snapshot | undefined {
  let out: Snapshot | undefined;
  for (const s of snaps) if (!out || s.sensitivities.length > out.sensitivities.length) out = s;
  return out;
}

/**
 * The same scenario and the very same feature objects in the same order: a level made again from a wider one after
 * a write it does not see. Cheaper than hashing the content, which also tells.
 */
function sameContent(a: Situation, b: Situation): boolean {
  for (const layer of layerNames) if (!sameItems(a[layer] as unknown[], b[layer] as unknown[])) return false;
  return JSON.stringify(a.scenario) === JSON.stringify(b.scenario);
}
