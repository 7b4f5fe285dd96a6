import { LRUCache } from 'lru-cache';
import { createAnalyzer, type Analyzer } from '$lib/domain/analysis';
import {
  analysisParamsSchema,
  type AnalysisParamsInput,
  type AnalysisReport,
  type Sensitivity,
  type Situation,
} from '$lib/domain/schemas';
import { canonicalJson } from '../canonicalJson';
import type { Database } from '../db/client';
import { readSituation } from '../db/featureRepository';
import { dataVersion } from '../db/schema';
import { visibleSensitivities, type Viewer } from '../auth/roles';
import { strongEtag } from '../http/cache';
import { sharedRuns } from '../http/coalesce';
import { contentHash, publicContentVersion, type ContentVersion } from '../http/contentVersion';
import { publicSituation } from '../http/publicSituation';
import { reportJsonBytes } from './reportBytes';

interface Snapshot {
  /** The data version (`data_version.n`) read before the situation. */
  version: number;
  /** The visibility level: the sensitivities it holds, joined. */
  level: string;
  situation: Situation;
}

/** An analysis report computed once and shared by every request for it, with its entity tag. */
export interface CachedAnalysis {
  /** Shared between callers: never mutate it. */
  report: AnalysisReport;
  /**
   * A strong ETag of the report: a hash of the public content and the request for anonymous viewers (the
   * same on every instance, unmoved by edits of non-public records), of the data version for signed-in ones.
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

/**
 * The situation as each kind of viewer may see it, read from the database, and its analyses. Reads are
 * cached per visibility level and refreshed when the data version changes: a counter a trigger bumps in
 * the transaction of every write (migration 0015), by any process (the app, another instance, the command
 * line), checked with one single-row query per read.
 */
export class SituationStore {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly versionOf = new WeakMap<Situation, Snapshot>();
  // Keyed by the situation object, so an analyzer lives as long as the snapshot it was built for is in use.
  private readonly analyzers = new WeakMap<Situation, Analyzer>();
  private readonly reading = sharedRuns<string, Snapshot>();
  private readonly analysing = sharedRuns<string, CachedAnalysis>();
  private readonly analyses: LRUCache<string, CachedAnalysis>;

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
      const fresh = {
        version,
        level,
        situation: await readSituation(this.db, this.scenarioId, sensitivities),
      };
      const now = this.snapshots.get(level);
      if (!now || now.version <= version) this.snapshots.set(level, fresh);
      this.versionOf.set(fresh.situation, fresh);
      return fresh;
    });
  }

  /** Every record the viewer may see (public ones only for anonymous visitors). */
  async situationFor(viewer: Viewer): Promise<Situation> {
    return (await this.snapshot(visibleSensitivities(viewer))).situation;
  }

  /** The data version a situation this store handed out was read at (undefined for any other object). */
  versionOfSituation(situation: Situation): number | undefined {
    return this.versionOf.get(situation)?.version;
  }

  /** The analyzer of a situation this store handed out (built once per situation object). */
  analyzerOf(situation: Situation): Analyzer {
    let a = this.analyzers.get(situation);
    if (!a) {
      a = createAnalyzer(situation);
      this.analyzers.set(situation, a);
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
    const snap = this.versionOf.get(situation);
    if (!snap || snap.level !== visibleSensitivities(null).join(','))
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
    const key = `${snap.level}|${snap.version}|${asOf}|${asked}`;
    const hit = this.analyses.get(key);
    if (hit) return hit;
    return this.analysing(key, async () => {
      const report = this.analyzerOf(snap.situation).analyze(asOf, params);
      const basis = isPublic ? `public:${contentHash(snap.situation)}` : `${snap.level}@${snap.version}`;
      const cached = { report, etag: strongEtag('analysis', basis, asOf, asked) };
      this.analyses.set(key, cached);
      return cached;
    });
  }

  /** What the analysis cache holds: entries and bytes (for tests and the docs' figures). */
  analysisCacheUse(): { entries: number; bytes: number; maxBytes: number } {
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
