import { count, max } from 'drizzle-orm';
import { createAnalyzer, type Analyzer } from '$lib/domain/analysis';
import type { Sensitivity, Situation } from '$lib/domain/schemas';
import type { Database } from '../db/client';
import { readSituation } from '../db/featureRepository';
import { features } from '../db/schema';
import { visibleSensitivities, type Viewer } from '../auth/roles';

interface Snapshot {
  stamp: string;
  situation: Situation;
  analyzer?: Analyzer;
}

/**
 * The situation as each kind of viewer may see it, read from the database. Reads are cached per
 * visibility level and refreshed when the features table changes (any process may write it: the app, the
 * command line), checked with one cheap aggregate query per read.
 */
export class SituationStore {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    private readonly db: Database,
    readonly scenarioId: string,
  ) {}

  private async stamp(): Promise<string> {
    const [row] = await this.db.select({ n: count(), at: max(features.updatedAt) }).from(features);
    return `${row?.n ?? 0}/${row?.at ? new Date(row.at).getTime() : 0}`;
  }

  private async snapshot(sensitivities: Sensitivity[]): Promise<Snapshot> {
    const key = sensitivities.join(',');
    const stamp = await this.stamp();
    const cached = this.snapshots.get(key);
    if (cached && cached.stamp === stamp) return cached;
    const fresh = { stamp, situation: await readSituation(this.db, this.scenarioId, sensitivities) };
    this.snapshots.set(key, fresh);
    return fresh;
  }

  /** Every record the viewer may see (public ones only for anonymous visitors). */
  async situationFor(viewer: Viewer): Promise<Situation> {
    return (await this.snapshot(visibleSensitivities(viewer))).situation;
  }

  /**
   * The analyzer over what the viewer may see: public analysis is computed from public records only, so
   * nothing it shows can reveal a restricted record (documented in the README).
   */
  async analyzerFor(viewer: Viewer): Promise<Analyzer> {
    const s = await this.snapshot(visibleSensitivities(viewer));
    s.analyzer ??= createAnalyzer(s.situation);
    return s.analyzer;
  }
}
