// The /data editor's state: the chosen layer and its features, the feature being edited (with the version
// it was loaded at), the form, a conflict when a save came too late, and the feature's history.
import type { Geometry } from 'geojson';
import { TRPCClientError } from '@trpc/client';
import type { LayerName } from '$lib/domain/schemas/layers';
import type { RouterOutputs } from '$lib/server/trpc/router';
import { trpc } from '$lib/trpc/client';
import { buildFeature, newFeatureId, validateFeature, valuesOf, type FormValues } from './layerForms';
import { m } from '$lib/paraglide/messages';

type Situation = RouterOutputs['situation']['get'];
export type Stored = RouterOutputs['features']['get'];
export type HistoryEntry = RouterOutputs['features']['history'][number];

export interface ListItem {
  id: string;
  name: string;
  sensitivity: string;
}

/** What a stale save is shown with: the user's version and the one now stored. Nothing is lost. */
export interface Conflict {
  mine: { geometry: Geometry | null; properties: Record<string, unknown> };
  current: Stored | null;
  message: string;
}

/** A write refused because another one came first: the server sends the current record along. */
function conflictOf(e: unknown): { message: string; current: Stored | null } | null {
  if (!(e instanceof TRPCClientError) || e.data?.code !== 'CONFLICT') return null;
  try {
    return JSON.parse(e.message) as { message: string; current: Stored | null };
  } catch {
    return { message: e.message, current: null };
  }
}

/**
 * The server's BAD_REQUEST lines (`file: feature #0 (id "x"), field "properties.name": reason`) by field, and
 * a FORBIDDEN one naming a field (a sensitivity the account may not give).
 */
function serverIssues(e: unknown): Record<string, string> | null {
  if (!(e instanceof TRPCClientError)) return null;
  const code = e.data?.code;
  if (code !== 'BAD_REQUEST' && !(code === 'FORBIDDEN' && e.message.includes('field "properties.')))
    return null;
  const out: Record<string, string> = {};
  for (const line of e.message.split('\n')) {
    const m = /field "properties\.([A-Za-z]+)[^"]*": (.*)$/.exec(line);
    if (m) out[m[1]] ??= m[2];
    else out.form ??= line;
  }
  return out;
}

export class EditorState {
  layer = $state<LayerName>('corridors');
  situation = $state<Situation | null>(null);
  /** The feature being edited; null with `isNew` while drawing a new one. */
  loaded = $state<Stored | null>(null);
  isNew = $state(false);
  newId = $state('');
  values = $state<FormValues>({});
  geometry = $state<Geometry | null>(null);
  geometryEditable = $state(true);
  errors = $state<Record<string, string>>({});
  conflict = $state<Conflict | null>(null);
  history = $state<HistoryEntry[]>([]);
  busy = $state(false);
  /** A short message for the live region: saved, deleted, restored, failed. */
  status = $state('');

  items: ListItem[] = $derived.by(() => {
    const list = (this.situation?.[this.layer] ?? []) as {
      properties: { id: string; name: string; sensitivity: string };
    }[];
    return list
      .map((f) => ({ id: f.properties.id, name: f.properties.name, sensitivity: f.properties.sensitivity }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  siteIds: string[] = $derived((this.situation?.sites ?? []).map((s) => s.properties.id).sort());

  get editing(): boolean {
    return this.isNew || this.loaded !== null;
  }

  get currentId(): string {
    return this.isNew ? this.newId : (this.loaded?.feature.properties.id ?? '');
  }

  async refresh(): Promise<void> {
    this.situation = await trpc.situation.get.query();
  }

  chooseLayer(layer: LayerName): void {
    this.layer = layer;
    this.close();
  }

  close(): void {
    this.loaded = null;
    this.isNew = false;
    this.geometry = null;
    this.geometryEditable = true;
    this.values = {};
    this.errors = {};
    this.conflict = null;
    this.history = [];
  }

  async select(id: string): Promise<void> {
    this.close();
    const stored = await trpc.features.get.query({ id });
    this.load(stored);
    await this.loadHistory();
  }

  private load(stored: Stored): void {
    this.loaded = stored;
    this.isNew = false;
    this.layer = stored.layer;
    this.geometry = stored.feature.geometry as Geometry;
    this.values = valuesOf(stored.layer, stored.feature.properties as Record<string, unknown>);
    this.errors = {};
    this.conflict = null;
  }

  startNew(): void {
    this.close();
    this.isNew = true;
    this.newId = newFeatureId(this.layer);
    this.values = valuesOf(this.layer, {});
  }

  /** The feature the form and the drawing describe right now. */
  draft() {
    const base = (this.loaded?.feature.properties ?? {}) as Record<string, unknown>;
    return buildFeature(this.layer, this.currentId, this.geometry, this.values, base);
  }

  /** Validates in the browser first (inline errors), then creates or updates at the loaded version. */
  async save(): Promise<boolean> {
    const feature = this.draft();
    this.errors = validateFeature(this.layer, feature);
    if (Object.keys(this.errors).length > 0) {
      this.status = m.ed_not_saved_fields();
      return false;
    }
    return this.write(async () =>
      this.isNew
        ? trpc.features.create.mutate({ layer: this.layer, feature })
        : trpc.features.update.mutate({ id: this.currentId, version: this.loaded!.version, feature }),
    );
  }

  /** Overwrites the current stored version with the user's one, shown in the conflict view. */
  async keepMine(): Promise<boolean> {
    const c = this.conflict;
    if (!c?.current) return false;
    const feature = { type: 'Feature' as const, ...c.mine };
    return this.write(() =>
      trpc.features.update.mutate({ id: this.currentId, version: c.current!.version, feature }),
    );
  }

  /** Drops the user's version for the stored one (the user's stays visible until then). */
  takeTheirs(): void {
    if (this.conflict?.current) this.load(this.conflict.current);
    this.status = m.ed_loaded_current();
  }

  async remove(): Promise<boolean> {
    if (!this.loaded) return false;
    const id = this.currentId;
    const version = this.loaded.version;
    const ok = await this.write(async () => {
      await trpc.features.delete.mutate({ id, version });
      return trpc.features.get.query({ id });
    }, m.ed_deleted_done());
    return ok;
  }

  async restore(auditId: number): Promise<boolean> {
    if (!this.loaded) return false;
    const version = this.loaded.version;
    return this.write(
      () => trpc.features.restore.mutate({ id: this.currentId, auditId, version }),
      m.ed_restored(),
    );
  }

  async loadHistory(): Promise<void> {
    const id = this.currentId;
    this.history = id && !this.isNew ? await trpc.features.history.query({ id }) : [];
  }

  private async write(work: () => Promise<Stored>, done = m.ed_saved()): Promise<boolean> {
    this.busy = true;
    const mine = this.draft();
    try {
      const stored = await work();
      this.load(stored);
      this.status = m.ed_done_version({ done, version: stored.version });
      await Promise.all([this.refresh(), this.loadHistory()]);
      return true;
    } catch (e) {
      const conflict = conflictOf(e);
      const issues = serverIssues(e);
      if (conflict) {
        this.conflict = {
          mine: this.conflict?.mine ?? { geometry: mine.geometry, properties: mine.properties },
          current: conflict.current,
          message: conflict.message,
        };
        this.status = m.ed_not_saved_conflict();
      } else if (issues) {
        this.errors = issues;
        this.status = m.ed_not_saved_refused();
      } else {
        this.status = m.ed_not_saved({ detail: e instanceof Error ? e.message : String(e) });
      }
      return false;
    } finally {
      this.busy = false;
    }
  }
}
