// The import screen's state and what it shows of a preview: progress and its spoken milestones, the report
// filtered and paged, the commit enabled only when it may be, a remembered mapping applied, Cancel, and
// errors through the app's error helper. The parser and the server are small fakes written here.
import type { Feature } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import {
  ImportScreen,
  type CommitSummary,
  type ImportApi,
  type ImportParser,
} from '$lib/editing/import/importScreen.svelte';
import { fieldLabel, mappingFields } from '$lib/editing/import/mappingFields';
import {
  commitCheck,
  featureRow,
  filterProblems,
  milestone,
  pageOf,
  percent,
  whereOf,
} from '$lib/editing/import/report';
import { planChunks } from '$lib/import-worker/chunks';
import { ImportCancelledError, ImportWorkerError } from '$lib/import-worker/ImportClient';
import type { ParseOptions, PreviewSummary } from '$lib/import-worker/protocol';
import type { ColumnMapping, ImportPreview, ImportProblem } from '$lib/import/types';

const point = (id: string, lon: number, lat: number, extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id, name: id, ...extra },
});

const problem = (level: 'error' | 'warning', row: number, message = 'bad'): ImportProblem => ({
  level,
  code: 'invalid_value',
  file: 'sites.csv',
  row,
  message,
});

function previewOf(options: ParseOptions, over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    layer: options.layer,
    format: 'csv',
    file: options.fileName,
    features: [point('a', 25, 13), point('b', 24, 12)],
    problems: [problem('error', 4, 'point at 0,0')],
    counts: { read: 3, valid: 2, rejected: 1, warnings: 0 },
    columns: [{ name: 'Lat' }, { name: 'Lon' }, { name: 'Y' }, { name: 'X' }],
    mapping: options.mapping ?? { fields: { lat: 'Lat', lon: 'Lon' } },
    sourceKey: 'hdr:lat,lon,y,x',
    ...over,
  };
}

const summaryOf = ({ features, ...rest }: ImportPreview): PreviewSummary => ({
  ...rest,
  featureCount: features.length,
});

/**
 * A parser that answers when the test says so, with the progress the test gives; like the worker, it keeps
 * the features of its last preview and hands out slices of them.
 */
class FakeParser implements ImportParser {
  calls: { options: ParseOptions; encoding: string }[] = [];
  cancelled = 0;
  kept: { previewId: number; features: Feature[] } | undefined;
  sliced: [number, number][] = [];
  private nextId = 1;
  private waiting: {
    resolve: (p: ImportPreview) => void;
    reject: (e: Error) => void;
    onprogress: (phase: 'reading' | 'parsing', f: number) => void;
    options: ParseOptions;
  }[] = [];
  parse: ImportParser['parse'] = (_file, options, encoding, onprogress) => {
    this.calls.push({ options, encoding });
    const previewId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (preview) => {
          this.kept = { previewId, features: preview.features };
          resolve({ preview: summaryOf(preview), previewId, readMs: 2, parseMs: 5 });
        },
        reject,
        onprogress,
        options,
      });
    });
  };
  cancel = () => {
    const w = this.waiting.shift();
    if (!w) return false;
    this.cancelled++;
    this.kept = undefined; // the worker is terminated, and its features with it
    w.reject(new ImportCancelledError());
    return true;
  };
  features: ImportParser['features'] = async (previewId, from, to) => {
    if (this.kept?.previewId !== previewId) throw new Error('this preview is gone: check the file again');
    this.sliced.push([from, to]);
    return this.kept.features.slice(from, to);
  };
  plan: ImportParser['plan'] = async (previewId, maxBytes) => {
    if (this.kept?.previewId !== previewId) throw new Error('this preview is gone: check the file again');
    return planChunks(this.kept.features, maxBytes);
  };
  progress(phase: 'reading' | 'parsing', f: number) {
    this.waiting[0].onprogress(phase, f);
  }
  answer(over: Partial<ImportPreview> = {}) {
    const w = this.waiting.shift()!;
    w.resolve(previewOf(w.options, over));
  }
  fail(e: Error) {
    this.waiting.shift()!.reject(e);
  }
}

/** A server that stages what it is sent, as `imports.begin` / `append` / `finish` / `abort` do. */
function fakeApi(over: Partial<ImportApi> = {}) {
  const commits: { preview: PreviewSummary; features: Feature[] }[] = [];
  const stats = { contexts: 0, aborted: [] as string[] };
  const staged = new Map<string, { preview: PreviewSummary; features: Feature[] }>();
  let next = 1;
  const api: ImportApi = {
    parseContext: async () => {
      stats.contexts++;
      return { extent: [14.5, 8.4, 38.8, 22.4], defaultCountry: 'SDN' };
    },
    rememberedMapping: async () => null,
    begin: async (preview) => {
      const importId = `import-${next++}`;
      staged.set(importId, { preview, features: [] });
      return { importId, maxChunkBytes: 400_000 };
    },
    append: async (importId, _seq, features, onupload) => {
      onupload(0.5);
      staged.get(importId)!.features.push(...features);
      onupload(1);
    },
    finish: async (importId) => {
      const s = staged.get(importId)!;
      staged.delete(importId);
      commits.push(s);
      return { created: s.features.length, updated: 0, unchanged: 0 };
    },
    abort: async (importId) => {
      staged.delete(importId);
      stats.aborted.push(importId);
    },
    ...over,
  };
  return { api, commits, stats };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const csv = new File(['Lat,Lon\n'], 'sites.csv', { type: 'text/csv' });

function setup(over: Partial<ImportApi> = {}) {
  const parser = new FakeParser();
  const { api, commits, stats } = fakeApi(over);
  const committed: [string, CommitSummary][] = [];
  const screen = new ImportScreen(parser, api, (layer, s) => committed.push([layer, s]));
  return { parser, screen, commits, committed, stats };
}

describe('report helpers', () => {
  it('say where a problem is as the file does: a CSV line, a feature index, or the whole file', () => {
    expect(whereOf(problem('error', 12))).toBe('line 12');
    expect(
      whereOf({ level: 'error', code: 'not_a_feature', file: 'a.geojson', featureIndex: 0, message: 'x' }),
    ).toBe('feature #0');
    expect(whereOf({ level: 'error', code: 'invalid_json', file: 'a.geojson', message: 'not JSON' })).toBe(
      'whole file',
    );
  });

  it('filter by level and page through 100 000 problems 50 at a time', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => problem(i % 4 === 0 ? 'error' : 'warning', i + 2));
    const errors = filterProblems(many, 'error');
    expect(errors).toHaveLength(25_000);
    expect(errors.every((p) => p.level === 'error')).toBe(true);
    expect(filterProblems(many, 'all')).toHaveLength(100_000);
    const p = pageOf(errors, 3, 50);
    expect(p).toMatchObject({ page: 3, pages: 500, from: 151, to: 200, total: 25_000 });
    expect(p.items).toHaveLength(50);
    expect(pageOf(errors, 9999, 50).page).toBe(499); // past the end: the last page
    expect(pageOf([], 2, 50)).toMatchObject({ page: 0, pages: 1, from: 0, to: 0, items: [] });
  });

  it('allow a commit only with valid features and either no rejected row or the choice to leave them out', () => {
    const o = { fileName: 'x.csv', layer: 'sites' as const };
    const summary = (over: Partial<ImportPreview> = {}) => summaryOf(previewOf(o, over));
    expect(commitCheck(null, false).ok).toBe(false);
    expect(commitCheck(summary({ features: [] }), true)).toEqual({
      ok: false,
      reason: 'The file has no valid feature to import.',
    });
    expect(commitCheck(summary(), false).reason).toMatch(/^1 row was rejected/);
    expect(commitCheck(summary(), true).ok).toBe(true);
    expect(commitCheck(summary({ counts: { read: 2, valid: 2, rejected: 0, warnings: 3 } }), false).ok).toBe(
      true,
    );
  });

  it('speak a quarter, half, three quarters and done, each once', () => {
    expect(percent(0.999)).toBe(99);
    expect(percent(1)).toBe(100);
    expect(milestone(0.2, 0.3)).toBe(25);
    expect(milestone(0.3, 0.4)).toBeUndefined();
    expect(milestone(0.1, 0.8)).toBe(75);
    expect(milestone(0.99, 1)).toBe(100);
    expect(milestone(1, 1)).toBeUndefined();
  });

  it('show a feature with its Arabic name and an unambiguous position', () => {
    expect(featureRow(point('sd_kass', 24.2866, 12.5061, { name: 'Kass', nameAr: 'معسكر كاس' }))).toEqual({
      id: 'sd_kass',
      name: 'Kass',
      nameAr: 'معسكر كاس',
      geometry: '12.5061° N, 24.2866° E',
    });
    expect(featureRow(point('w', -3, -1)).geometry).toBe('1° S, 3° W');
    expect(featureRow(point('gps', 24.286200000000001, 12.504466666666668)).geometry).toBe(
      '12.504467° N, 24.2862° E',
    );
  });

  it('offer the layer’s fields in the mapping, position first, and any other field the parser mapped', () => {
    const fields = mappingFields('sites', { mapping: { fields: { lat: 'Y', custom: 'HH' } } });
    expect(fields.slice(0, 5)).toEqual(['lat', 'lon', 'id', 'name', 'nameAr']);
    expect(fields).toContain('population');
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields.at(-1)).toBe('custom');
    expect(mappingFields('incidents', null)).toContain('fatalities');
    expect(mappingFields('incidents', null)).not.toContain('population');
    expect(fieldLabel('lat')).toBe('Latitude');
    expect(fieldLabel('adm2Pcode')).toBe('Admin 2 P-code');
    expect(fieldLabel('custom')).toBe('custom');
  });
});

describe('ImportScreen', () => {
  it('reads, checks with progress and spoken milestones, shows the counts, then commits all or nothing', async () => {
    const { parser, screen, commits, committed, stats } = setup();
    screen.choose({ file: csv, layer: 'sites' });
    const started = screen.start();
    await settle();
    expect(screen.stage).toBe('reading');
    expect(screen.working).toBe(true);
    expect(parser.calls[0].options).toMatchObject({
      fileName: 'sites.csv',
      layer: 'sites',
      format: 'auto',
      extent: [14.5, 8.4, 38.8, 22.4],
      defaultCountry: 'SDN',
    });
    expect(parser.calls[0].options.mapping).toBeUndefined();
    expect(parser.calls[0].options.date).toBeUndefined();
    parser.progress('reading', 0.5);
    expect(screen.readFraction).toBe(0.5);
    expect(screen.announcement).toBe('Reading the file: 50 %');
    parser.progress('parsing', 0.8);
    expect(screen.stage).toBe('parsing');
    expect(screen.readFraction).toBe(1);
    expect(screen.announcement).toBe('Checking the rows: 75 %');
    parser.answer();
    await started;
    expect(screen.stage).toBe('ready');
    expect(screen.parseFraction).toBe(1);
    expect(screen.announcement).toBe('Checked "sites.csv": 3 read, 2 valid, 1 rejected, 0 warnings.');
    expect(screen.mapping).toEqual({ lat: 'Lat', lon: 'Lon' });
    expect(stats.contexts).toBe(1);

    // A rejected row blocks the commit until the user chooses to leave it out.
    expect(screen.check.ok).toBe(false);
    await screen.commit();
    expect(commits).toHaveLength(0);
    screen.skipRejected = true;
    expect(screen.check.ok).toBe(true);
    await screen.commit();
    expect(commits).toHaveLength(1);
    // All the valid features, fetched from the worker only for the commit (the rejected row is not among them).
    expect(commits[0].features.map((f) => f.properties?.id)).toEqual(['a', 'b']);
    expect(parser.sliced.at(-1)).toEqual([0, 2]);
    expect(screen.stage).toBe('committed');
    expect(screen.uploadFraction).toBe(1);
    expect(screen.result).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(screen.announcement).toBe('Imported into Sites: 2 created, 0 updated, 0 unchanged.');
    expect(committed).toEqual([['sites', { created: 2, updated: 0, unchanged: 0 }]]);
    // The workspace is asked for again after a commit: the next file may join to what was just written.
    const again = screen.start();
    await settle();
    parser.answer();
    await again;
    expect(stats.contexts).toBe(2);
  });

  it('shows the valid features a page at a time, asking the worker for each page only', async () => {
    const { parser, screen } = setup();
    screen.choose({ file: csv, layer: 'sites' });
    const run = screen.start();
    await settle();
    const many = Array.from({ length: 60 }, (_, i) => point(`s${i}`, 25, 13));
    parser.answer({
      features: many,
      problems: [],
      counts: { read: 60, valid: 60, rejected: 0, warnings: 0 },
    });
    await run;
    await settle();
    expect(screen.preview?.featureCount).toBe(60);
    expect(screen.featureItems.map((f) => f.properties?.id)).toEqual(
      many.slice(0, 25).map((f) => f.properties?.id),
    );
    await screen.setFeaturePage(2);
    expect(screen.featurePage).toBe(2);
    expect(screen.featureItems).toHaveLength(10);
    await screen.setFeaturePage(9); // past the end: the last page
    expect(screen.featurePage).toBe(2);
    expect(parser.sliced).toEqual([
      [0, 25],
      [50, 75],
      [50, 75],
    ]);
  });

  it('checks again with a changed mapping, and says the mapping is the user’s', async () => {
    const { parser, screen } = setup();
    screen.choose({ file: csv, layer: 'sites' });
    const first = screen.start();
    await settle();
    parser.answer();
    await first;
    expect(screen.mappingChanged).toBe(false);
    screen.setMapping('lat', 'Y');
    screen.setMapping('lon', '');
    expect(screen.mappingChanged).toBe(true);
    // Not what the preview was read with: no commit until the file is checked again with it.
    screen.skipRejected = true;
    expect(screen.check).toEqual({
      ok: false,
      reason: 'The column mapping has changed: check the file again with it first.',
    });
    const again = screen.applyMapping();
    await settle();
    expect(parser.calls[1].options.mapping).toEqual({ fields: { lat: 'Y' } });
    parser.answer();
    await again;
    expect(screen.mappingOrigin).toBe('edited');
    expect(screen.mapping).toEqual({ lat: 'Y' });
    expect(screen.mappingChanged).toBe(false);
    expect(screen.check.ok).toBe(true);
  });

  it('applies the mapping remembered for the source, checking the file again with it', async () => {
    const remembered: ColumnMapping = { fields: { lat: 'Y', lon: 'X' } };
    const lookups: string[] = [];
    const { parser, screen, stats } = setup({
      rememberedMapping: async (key) => {
        lookups.push(key);
        return remembered;
      },
    });
    screen.choose({ file: csv, layer: 'sites' });
    const done = screen.start();
    await settle();
    parser.answer();
    await settle();
    expect(lookups).toEqual(['hdr:lat,lon,y,x']);
    expect(parser.calls).toHaveLength(2);
    expect(parser.calls[1].options.mapping).toEqual(remembered);
    parser.answer();
    await done;
    expect(screen.mappingOrigin).toBe('remembered');
    expect(screen.mapping).toEqual({ lat: 'Y', lon: 'X' });
    expect(lookups).toHaveLength(1); // the re-check with the remembered mapping does not look it up again
    expect(stats.contexts).toBe(1); // nor the workspace
  });

  it('Cancel stops the worker and leaves nothing written; a failure goes through the error helper', async () => {
    const { parser, screen, commits } = setup();
    screen.choose({ file: csv, layer: 'incidents' });
    const run = screen.start();
    await settle();
    parser.progress('reading', 0.3);
    screen.cancel();
    await run;
    expect(parser.cancelled).toBe(1);
    expect(screen.stage).toBe('idle');
    expect(screen.preview).toBeNull();
    expect(screen.announcement).toBe('Cancelled: nothing was written.');
    expect(screen.error).toBeUndefined();

    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const again = screen.start();
    await settle();
    parser.fail(new ImportWorkerError('reading', 'the file is not valid UTF-8 text'));
    await again;
    expect(screen.error).toBe('Could not read "sites.csv": the file is not valid UTF-8 text');
    expect(screen.stage).toBe('idle');
    expect(commits).toHaveLength(0);
    log.mockRestore();
  });

  it('a refused commit keeps the preview and shows why; nothing is reported as imported', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { parser, screen, committed } = setup({
      finish: async () => {
        throw new Error('feature #1 (id "b"), field "properties.name": must not be empty');
      },
    });
    screen.choose({ file: csv, layer: 'sites' });
    const run = screen.start();
    await settle();
    parser.answer({ problems: [], counts: { read: 2, valid: 2, rejected: 0, warnings: 0 } });
    await run;
    await screen.commit();
    expect(screen.stage).toBe('ready');
    expect(screen.preview).not.toBeNull();
    expect(screen.result).toBeNull();
    expect(screen.error).toMatch(/^Could not import the features: feature #1/);
    expect(screen.announcement).toBe('Nothing was imported.');
    expect(committed).toEqual([]);
    log.mockRestore();
  });

  it('Cancel while the import is sent aborts it on the server; once it is being written, Cancel is gone', async () => {
    let release: (() => void) | undefined;
    let written: (() => void) | undefined;
    const { parser, screen, commits, committed, stats } = setup({
      // A chunk on a slow link: it arrives when the test says so, or is aborted by Cancel.
      append: (_id, _seq, _features, onupload, signal) =>
        new Promise<void>((resolve, reject) => {
          onupload(0.4);
          release = resolve;
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      // The server takes its time to write.
      finish: () =>
        new Promise((resolve) => {
          written = () => resolve({ created: 2, updated: 0, unchanged: 0 });
        }),
    });
    screen.choose({ file: csv, layer: 'sites' });
    const run = screen.start();
    await settle();
    parser.answer({ problems: [], counts: { read: 2, valid: 2, rejected: 0, warnings: 0 } });
    await run;
    const sending = screen.commit();
    await settle();
    expect(screen.stage).toBe('committing');
    expect(screen.uploadFraction).toBeCloseTo(0.4);
    expect([screen.uploadPart, screen.uploadParts]).toEqual([1, 1]);
    expect(screen.canCancel).toBe(true);
    screen.cancel();
    await sending;
    expect(screen.stage).toBe('ready');
    expect(screen.error).toBeUndefined();
    expect(screen.announcement).toBe('Cancelled: nothing was written.');
    expect(stats.aborted).toEqual(['import-1']);
    expect(commits).toEqual([]);
    expect(committed).toEqual([]);

    // Sent again, to the end: while the server writes, there is nothing left to cancel.
    const again = screen.commit();
    await settle();
    release!();
    await settle();
    expect(screen.writing).toBe(true);
    expect(screen.uploadFraction).toBe(1);
    expect(screen.announcement).toBe('Sent: the server is writing the features…');
    expect(screen.canCancel).toBe(false);
    screen.cancel();
    written!();
    await again;
    expect(screen.stage).toBe('committed');
    expect(screen.writing).toBe(false);
    expect(stats.aborted).toEqual(['import-1']);
    expect(committed).toEqual([['sites', { created: 2, updated: 0, unchanged: 0 }]]);
  });

  it('a file chosen while another is checked replaces it: the first is cancelled and never shown', async () => {
    const { parser, screen } = setup();
    screen.choose({ file: new File(['x'], 'huge.geojson'), layer: 'incidents' });
    const first = screen.start();
    await settle();
    parser.progress('parsing', 0.4);
    expect(screen.canChoose).toBe(true);
    screen.choose({ file: csv });
    expect(parser.cancelled).toBe(1);
    const second = screen.start();
    await first;
    await settle();
    expect(screen.announcement).not.toBe('Cancelled: nothing was written.');
    expect(parser.calls.map((c) => c.options.fileName)).toEqual(['huge.geojson', 'sites.csv']);
    expect(screen.parseFraction).toBe(0);
    parser.answer();
    await second;
    expect(screen.preview?.file).toBe('sites.csv');
    expect(screen.stage).toBe('ready');
  });

  it('passes the date of the figures the user gives, for files without a date column', async () => {
    const { parser, screen } = setup();
    screen.choose({ file: csv, layer: 'sites', figuresDate: '2024-12-17' });
    const run = screen.start();
    await settle();
    expect(parser.calls[0].options.date).toBe('2024-12-17');
    parser.answer();
    await run;
  });

  it('a new file, layer or format drops the preview (it no longer says what would be written)', async () => {
    const { parser, screen } = setup();
    screen.choose({ file: csv, layer: 'sites' });
    const run = screen.start();
    await settle();
    parser.answer();
    await run;
    screen.skipRejected = true;
    screen.choose({ layer: 'incidents' });
    expect(screen.preview).toBeNull();
    expect(screen.skipRejected).toBe(false);
    expect(screen.check.ok).toBe(false);
    expect(screen.layer).toBe('incidents');
    expect(screen.file).toBe(csv);
  });
});
