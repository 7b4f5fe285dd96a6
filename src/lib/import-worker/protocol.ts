// Messages between the /data import screen and the import worker. Plain data only: they cross
// `postMessage` (a File crosses as a handle to the file, not a copy of its bytes).
import type { ImportOptions, ImportPreview } from '$lib/import/types';

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

export interface ImportWorkerRequest {
  type: 'parse';
  /** Increasing per page: every answer carries it back, so the page can drop answers it no longer waits for. */
  id: number;
  file: Blob;
  options: ParseOptions;
  encoding: TextEncodingName;
}

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
      preview: ImportPreview;
      /** Time spent reading the file and parsing it, in ms (reading is 0 when the text was kept from before). */
      readMs: number;
      parseMs: number;
    }
  | { type: 'error'; id: number; phase: ImportPhase; message: string };
