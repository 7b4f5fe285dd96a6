// Messages between the /data import screen and the import worker. Plain data only: they cross
// `postMessage` (a File crosses as a handle to the file, not a copy of its bytes).
import type { Feature } from 'geojson';
import type { ImportOptions, ImportPreview } from '$lib/import/types';
import type { ChunkPlan } from './chunks';

/** What the parser is told, without the progress callback (a function cannot cross `postMessage`). */
export type ParseOptions = Omit<ImportOptions, 'onProgress'>;

/**
 * Text encodings a data officer may be handed: UTF-8 (the default, and what most tools write), and the
 * two Windows code pages that Excel still writes CSV in on Arabic and Western European systems.
 */
export const textEncodings = ['utf-8', 'windows-1256', 'windows-1252'] as const;
export type TextEncodingName = (typeof textEncodings)[number];

/** The two stages a file goes through in the worker; each reports its own progress. */
export type ImportPhase = 'reading' | 'parsing';

/**
 * A preview as the page gets it: everything but the features, which stay in the worker. A 100 MB file
 * holds some 250 000 of them; copying them to the page at once would freeze it for seconds, so the page
 * asks for the slice it shows, and for all of them only to commit.
 */
export type PreviewSummary = Omit<ImportPreview, 'features'> & { featureCount: number };

export type ImportWorkerRequest =
  | {
      type: 'parse';
      /** Increasing per page: every answer carries it back, so the page can drop answers it no longer waits for. */
      id: number;
      file: Blob;
      options: ParseOptions;
      encoding: TextEncodingName;
    }
  | {
      /** Features `from` (inclusive) to `to` (exclusive) of the preview of parse `previewId`. */
      type: 'features';
      id: number;
      previewId: number;
      from: number;
      to: number;
    }
  | {
      /**
       * How to cut the features of the preview of parse `previewId` into chunks of at most `maxBytes` of
       * JSON each, to send them one request at a time (`chunks.ts`).
       */
      type: 'plan';
      id: number;
      previewId: number;
      maxBytes: number;
    };

export type ImportWorkerResponse =
  | {
      type: 'progress';
      id: number;
      phase: ImportPhase;
      /** 0–1 of the phase: bytes read of the file's size, or what the parser reports. */
      fraction: number;
    }
  | {
      type: 'preview';
      id: number;
      preview: PreviewSummary;
      /** Time spent reading the file and parsing it, in ms (reading is 0 when the text was kept from before). */
      readMs: number;
      parseMs: number;
    }
  | { type: 'features'; id: number; features: Feature[] }
  | { type: 'plan'; id: number; plan: ChunkPlan }
  | { type: 'error'; id: number; phase: ImportPhase | 'features'; message: string };
