// The /data import screen's state: the chosen file, layer, format and encoding; the worker's progress; the
// preview with its report, the column mapping shown in the selects, and the commit and its result.
import type { Feature } from 'geojson';
import type { LayerName } from '$lib/domain/schemas/layers';
import type { ChunkPlan } from '$lib/import-worker/chunks';
import type { ParseResult } from '$lib/import-worker/ImportClient';
import { ImportCancelledError, ImportWorkerError } from '$lib/import-worker/ImportClient';
import type {
  ImportPhase,
  ParseOptions,
  PreviewSummary,
  TextEncodingName,
} from '$lib/import-worker/protocol';
import type { ColumnMapping, ImportFormat } from '$lib/import/types';
import { handleError } from '$lib/ui/errors';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { layerLabels } from '../layerForms';
import { commitInChunks } from './chunkedCommit';
import { commitCheck, milestone, pageBounds, type CommitCheck, type ProblemFilter } from './report';

/** Runs the parser off the main thread (the import worker's client; a fake in unit tests). */
export interface ImportParser {
  parse(
    file: Blob,
    options: ParseOptions,
    encoding: TextEncodingName,
    onprogress: (phase: ImportPhase, fraction: number) => void,
  ): Promise<ParseResult>;
  cancel(): boolean;
  /** Features `from` to `to` (exclusive) of the preview of a parse; they stay in the worker until asked for. */
  features(previewId: number, from: number, to: number): Promise<Feature[]>;
  /**
   * How to cut the preview's features into chunks of at most `maxBytes` of JSON each, measured where they
   * are; rejects, naming it, when one feature alone is larger.
   */
  plan(previewId: number, maxBytes: number): Promise<ChunkPlan>;
}

export type ParseContext = Pick<ParseOptions, 'extent' | 'defaultCountry' | 'existing' | 'actors'>;

export interface CommitSummary {
  created: number;
  updated: number;
  /** Features identical to the stored ones: no new version written. */
  unchanged: number;
}

/** What the screen needs of the server (the `imports` procedures; a fake in unit tests). */
export interface ImportApi {
  /**
   * What the parser needs to know of the workspace for this layer: its extent (points outside it get a
   * warning), its country (given to sites without one), stored features rows may join to.
   */
  parseContext(layer: LayerName): Promise<ParseContext>;
  /** The mapping remembered for a source, or null. */
  rememberedMapping(sourceKey: string, layer: LayerName): Promise<ColumnMapping | null>;
  /**
   * Opens an import of the preview's `count` valid features on the server, which holds them until
   * `finish`; says how many bytes of JSON one chunk may carry. Rejected rows are never among the features,
   * so leaving them out needs nothing of the server.
   */
  begin(preview: PreviewSummary, count: number): Promise<{ importId: string; maxChunkBytes: number }>;
  /** Sends chunk `seq` (0, 1, … in order); `onupload` gets the fraction of it sent, `signal` stops it. */
  append(
    importId: string,
    seq: number,
    features: Feature[],
    onupload: (fraction: number) => void,
    signal?: AbortSignal,
  ): Promise<void>;
  /** Writes every feature sent, all or nothing, and ends the import. */
  finish(importId: string): Promise<CommitSummary>;
  /** Drops what was sent: nothing is written. */
  abort(importId: string): Promise<void>;
}

export type ImportStage = 'idle' | 'reading' | 'parsing' | 'ready' | 'committing' | 'committed';

/** Where the mapping the selects show came from; said beside them so a remembered one is not a surprise. */
export type MappingOrigin = 'detected' | 'remembered' | 'edited' | 'preset';

/** Valid features shown per page. */
export const FEATURE_PAGE_SIZE = 25;

const phaseWords: Record<ImportPhase, () => string> = { reading: m.imp_reading, parsing: m.imp_checking };

function sameRecord(a: Record<string, string> = {}, b: Record<string, string> = {}): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

function sameMapping(a: ColumnMapping | undefined, b: ColumnMapping | undefined): boolean {
  return (
    sameRecord(a?.fields, b?.fields) &&
    sameRecord(a?.set, b?.set) &&
    a?.headerRow === b?.headerRow &&
    a?.preset === b?.preset
  );
}

export class ImportScreen {
  file = $state.raw<File | null>(null);
  layer = $state<LayerName>('incidents');
  format = $state<'auto' | ImportFormat>('auto');
  encoding = $state<TextEncodingName>('utf-8');
  /** `YYYY-MM-DD` of the figures when the file has no date column; empty: a date in a title row, if any. */
  figuresDate = $state('');
  stage = $state<ImportStage>('idle');
  readFraction = $state(0);
  parseFraction = $state(0);
  uploadFraction = $state(0);
  /** The chunk being sent (1-based) of how many: an import goes to the server in parts of a few hundred kB. */
  uploadPart = $state(0);
  uploadParts = $state(0);
  /** Everything is sent and the server is writing it: Cancel can no longer stop the import. */
  writing = $state(false);
  /** Held raw: a report of 100 000 problems must not be made deeply reactive, only replaced. */
  preview = $state.raw<PreviewSummary | null>(null);
  /** The page of valid features shown (the others stay in the worker). */
  featureItems = $state.raw<Feature[]>([]);
  /** The mapping the selects show: target field → column (an empty string maps nothing). */
  mapping = $state<Record<string, string>>({});
  /** The fixed values the inputs show: field → the value every row gets (an empty string fixes nothing). */
  fixed = $state<Record<string, string>>({});
  mappingOrigin = $state<MappingOrigin>('detected');
  filter = $state<ProblemFilter>('all');
  problemPage = $state(0);
  featurePage = $state(0);
  skipRejected = $state(false);
  result = $state.raw<CommitSummary | null>(null);
  /** Set through `ui/errors.ts`, the app's one way of showing an error. */
  error = $state<string | undefined>();
  /** The live region's text: milestones of the progress, the report's counts, the commit's result. */
  announcement = $state('');
  timing = $state.raw<{ readMs: number; parseMs: number } | null>(null);

  private readonly parser: ImportParser;
  private readonly api: ImportApi;
  private readonly oncommitted: (layer: LayerName, summary: CommitSummary) => void;
  /** Bumped by every new check, so an answer (or a remembered mapping) for an older one is dropped. */
  private generation = 0;
  /** The parse the preview came from: the worker's name for its features. */
  private previewId = 0;
  private featureRequest = 0;
  /** Stops the commit being sent (Cancel), until the server is writing it. */
  private commitAbort: AbortController | undefined;
  /** Asked for once per page: the workspace changes far more slowly than a user re-checks a file. */
  private context: Partial<Record<LayerName, Promise<ParseContext>>> = {};

  constructor(
    parser: ImportParser,
    api: ImportApi,
    oncommitted: (layer: LayerName, summary: CommitSummary) => void = () => {},
  ) {
    this.parser = parser;
    this.api = api;
    this.oncommitted = oncommitted;
  }

  /** The worker is reading or checking the file. */
  get checking(): boolean {
    return this.stage === 'reading' || this.stage === 'parsing';
  }

  get working(): boolean {
    return this.checking || this.stage === 'committing';
  }

  /**
   * A file, layer, format or encoding can be chosen at any time but during a commit: a check still
   * running is then replaced (the user who picked the wrong file need not wait for it).
   */
  get canChoose(): boolean {
    return this.stage !== 'committing';
  }

  get check(): CommitCheck {
    // The preview shows what the last check read: with the selects changed since, it is not what the
    // user now means to import.
    if (this.preview && this.mappingChanged) return { ok: false, reason: m.imp_why_mapping_changed() };
    return commitCheck(this.preview, this.skipRejected);
  }

  /** Whether the selects differ from the mapping the preview was parsed with. */
  get mappingChanged(): boolean {
    return !sameMapping(this.preview?.mapping, this.currentMapping());
  }

  /** A new file, layer, format or encoding: the preview no longer says anything about what would be written. */
  choose(change: {
    file?: File | null;
    layer?: LayerName;
    format?: 'auto' | ImportFormat;
    encoding?: TextEncodingName;
    figuresDate?: string;
  }) {
    if (!this.canChoose) return;
    if (this.checking) {
      // The check running is of what the user no longer wants: stop it, and drop whatever it still sends.
      this.generation++;
      this.parser.cancel();
    }
    if (change.file !== undefined) this.file = change.file;
    if (change.layer) this.layer = change.layer;
    if (change.format) this.format = change.format;
    if (change.encoding) this.encoding = change.encoding;
    if (change.figuresDate !== undefined) this.figuresDate = change.figuresDate;
    this.clearPreview();
    this.result = null;
    this.error = undefined;
    this.mapping = {};
    this.fixed = {};
    this.mappingOrigin = 'detected';
    this.skipRejected = false;
    this.stage = 'idle';
    this.readFraction = 0;
    this.parseFraction = 0;
  }

  /** Reads and checks the file with the column mapping detected (or remembered for its source). */
  async start(): Promise<void> {
    this.mappingOrigin = 'detected';
    await this.run(undefined);
  }

  /** Checks the file again with the mapping the selects show. */
  async applyMapping(): Promise<void> {
    this.mappingOrigin = 'edited';
    await this.run(this.currentMapping());
  }

  /**
   * Checks the file again with a preset the parser offered (`preview.presets`), on the preset's layer: its
   * columns, fixed values and value translations fill the mapping, under the fixed values already given.
   */
  async usePreset(name: string): Promise<void> {
    const fit = this.preview?.presets?.find((p) => p.name === name);
    if (!fit || !this.canChoose || this.checking) return;
    this.layer = fit.layer;
    this.mappingOrigin = 'preset';
    const set = this.givenFixedValues();
    await this.run({ fields: {}, preset: name, ...(Object.keys(set).length > 0 ? { set } : {}) });
  }

  setMapping(field: string, column: string): void {
    this.mapping = { ...this.mapping, [field]: column };
  }

  setFixed(field: string, value: string): void {
    this.fixed = { ...this.fixed, [field]: value };
  }

  /** Whether Cancel can stop what runs: a check, or a commit still being sent. */
  get canCancel(): boolean {
    return this.checking || (this.stage === 'committing' && !this.writing);
  }

  /** Stops the check running, or the commit being sent (what the server was sent is dropped). */
  cancel(): void {
    if (!this.canCancel) return;
    if (this.stage === 'committing') this.commitAbort?.abort();
    else this.parser.cancel();
  }

  setFilter(filter: ProblemFilter): void {
    this.filter = filter;
    this.problemPage = 0;
  }

  /** Shows another page of the valid features, fetched from the worker. */
  async setFeaturePage(page: number, pageSize = FEATURE_PAGE_SIZE): Promise<void> {
    const preview = this.preview;
    if (!preview) return;
    const p = pageBounds(preview.featureCount, page, pageSize).page;
    const request = ++this.featureRequest;
    try {
      const items = await this.parser.features(this.previewId, p * pageSize, (p + 1) * pageSize);
      if (request !== this.featureRequest || preview !== this.preview) return;
      this.featurePage = p;
      this.featureItems = items;
    } catch (e) {
      if (request !== this.featureRequest || e instanceof ImportCancelledError) return;
      handleError(this, e, m.what_show_features());
    }
  }

  async commit(): Promise<void> {
    const preview = this.preview;
    if (!preview || !this.check.ok || this.working) return;
    this.stage = 'committing';
    this.uploadFraction = 0;
    this.uploadPart = 0;
    this.uploadParts = 0;
    this.writing = false;
    this.error = undefined;
    this.announcement = m.imp_announce_importing({ count: formatNumber(preview.featureCount) });
    const abort = new AbortController();
    this.commitAbort = abort;
    try {
      // The features leave the worker a chunk at a time, each sent before the next is asked for.
      const summary = await commitInChunks(preview, this.previewId, this.parser, this.api, {
        signal: abort.signal,
        onprogress: ({ fraction, part, parts }) => {
          this.uploadFraction = fraction;
          this.uploadPart = part;
          this.uploadParts = parts;
        },
        onwriting: () => {
          this.writing = true;
          this.uploadFraction = 1;
          this.announcement = m.imp_writing();
        },
      });
      // What was written may be what the next file joins to (boundaries, then their figures).
      this.context = {};
      this.result = summary;
      this.stage = 'committed';
      this.announcement = m.imp_result({
        layer: layerLabels[preview.layer],
        created: formatNumber(summary.created),
        updated: formatNumber(summary.updated),
        unchanged: formatNumber(summary.unchanged),
      });
      this.oncommitted(preview.layer, summary);
    } catch (e) {
      this.stage = 'ready';
      if (e instanceof ImportCancelledError && abort.signal.aborted) {
        this.announcement = m.imp_announce_cancelled();
        return;
      }
      handleError(this, e, m.what_import_features());
      this.announcement = m.imp_announce_failed();
    } finally {
      this.commitAbort = undefined;
      this.writing = false;
    }
  }

  /** The fixed values the inputs show, without the empty ones. */
  private givenFixedValues(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.fixed)
        .map(([field, value]) => [field, value.trim()])
        .filter(([, value]) => value !== ''),
    );
  }

  private currentMapping(): ColumnMapping | undefined {
    const set = this.givenFixedValues();
    const hasSet = Object.keys(set).length > 0;
    if (!this.preview?.mapping && Object.keys(this.mapping).length === 0 && !hasSet) return undefined;
    const fields = Object.fromEntries(Object.entries(this.mapping).filter(([, column]) => column !== ''));
    // The preset and its value translations stay with the mapping the user edits from them.
    const { headerRow, preset, values } = this.preview?.mapping ?? {};
    return {
      fields,
      ...(headerRow === undefined ? {} : { headerRow }),
      ...(hasSet ? { set } : {}),
      ...(values ? { values } : {}),
      ...(preset ? { preset } : {}),
    };
  }

  private progress(phase: ImportPhase, fraction: number): void {
    const before = phase === 'reading' ? this.readFraction : this.parseFraction;
    if (phase === 'reading') this.readFraction = fraction;
    else {
      // A parse reports after the last read; a kept text skips reading, which is then done at once.
      this.readFraction = 1;
      this.parseFraction = fraction;
    }
    this.stage = phase;
    const step = milestone(before, fraction);
    if (step !== undefined) this.announcement = `${phaseWords[phase]()}: ${step} %`;
  }

  private async run(mapping: ColumnMapping | undefined): Promise<void> {
    const file = this.file;
    if (!file || !this.canChoose) return;
    const generation = ++this.generation;
    this.stage = 'reading';
    this.readFraction = 0;
    this.parseFraction = 0;
    this.result = null;
    this.error = undefined;
    this.timing = null;
    this.announcement = m.imp_announce_reading({ file: file.name });
    let failedPhase: ImportPhase = 'reading';
    try {
      const options: ParseOptions = {
        ...(await this.contextFor(this.layer)),
        fileName: file.name,
        layer: this.layer,
        format: this.format,
        ...(/^\d{4}-\d{2}-\d{2}$/.test(this.figuresDate) ? { date: this.figuresDate } : {}),
        ...(mapping ? { mapping } : {}),
      };
      const { preview, previewId, readMs, parseMs } = await this.parser.parse(
        file,
        options,
        this.encoding,
        (p, f) => {
          if (generation === this.generation) this.progress(p, f);
        },
      );
      if (generation !== this.generation) return;
      failedPhase = 'parsing';
      this.show(preview, previewId, { readMs, parseMs });
      if (!mapping && preview.sourceKey) await this.useRememberedMapping(preview, generation);
    } catch (e) {
      if (generation !== this.generation) return;
      if (e instanceof ImportCancelledError) {
        // Cancelling stops the worker, and the features of any earlier preview with it.
        this.clearPreview();
        this.stage = 'idle';
        this.announcement = m.imp_announce_cancelled();
        return;
      }
      this.stage = this.preview ? 'ready' : 'idle';
      const phase = e instanceof ImportWorkerError ? e.phase : failedPhase;
      handleError(this, e, (phase === 'reading' ? m.what_read_file : m.what_check_file)({ file: file.name }));
      this.announcement = this.error ?? '';
    }
  }

  /** Without the context the file is still checked, only without the checks that need it. */
  private contextFor(layer: LayerName): Promise<ParseContext> {
    return (this.context[layer] ??= this.api.parseContext(layer).catch((e: unknown) => {
      delete this.context[layer];
      console.error('corridor: could not load the workspace for the import checks:', e);
      return {};
    }));
  }

  private clearPreview(): void {
    this.preview = null;
    this.featureItems = [];
    this.featureRequest++;
  }

  private show(
    preview: PreviewSummary,
    previewId: number,
    timing: { readMs: number; parseMs: number },
  ): void {
    this.preview = preview;
    this.previewId = previewId;
    this.featureItems = [];
    void this.setFeaturePage(0);
    this.timing = timing;
    this.mapping = { ...(preview.mapping?.fields ?? {}) };
    this.fixed = { ...(preview.mapping?.set ?? {}) };
    this.problemPage = 0;
    this.featurePage = 0;
    this.readFraction = 1;
    this.parseFraction = 1;
    this.stage = 'ready';
    const c = preview.counts;
    this.announcement = m.imp_announce_checked({
      file: preview.file,
      read: formatNumber(c.read),
      valid: formatNumber(c.valid),
      rejected: formatNumber(c.rejected),
      warnings: formatNumber(c.warnings),
    });
  }

  /** A table from a source seen before: check it again with the mapping chosen then, if it differs. */
  private async useRememberedMapping(preview: PreviewSummary, generation: number): Promise<void> {
    let remembered: ColumnMapping | null;
    try {
      remembered = await this.api.rememberedMapping(preview.sourceKey!, preview.layer);
    } catch (e) {
      // The detected mapping stays usable: say the lookup failed, keep the preview.
      handleError(this, e, m.what_remembered_mapping());
      return;
    }
    if (generation !== this.generation || !remembered || sameMapping(remembered, preview.mapping)) return;
    this.mappingOrigin = 'remembered';
    await this.run(remembered);
  }
}
