import { relative, resolve } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../../domain/schemas/common';
import {
  analysisOverridesSchema,
  analysisParamsSchema,
  type AnalysisOverrides,
  type AnalysisParams,
} from '../../domain/schemas/params';
import { fileValidationError } from './fileValidationError';
import { readJsonFile } from './readJsonFile';

const requestFile = z
  .object({
    asOf: isoDate.optional(),
    params: analysisParamsSchema.optional(),
    overrides: analysisOverridesSchema.optional(),
  })
  .strict();

/**
 * Reads `--params`: either the parameters themselves (`{ "frontlineBufferKm": 5 }`) or a request
 * `{ "asOf"?, "params"?, "overrides"? }`. Bad content throws `DataValidationError` naming file and field.
 */
export function readParamsFile(
  path: string,
  cwd = process.cwd(),
): { asOf?: string; params: AnalysisParams; overrides?: AnalysisOverrides } {
  const abs = resolve(cwd, path);
  const shown = relative(cwd, abs) || path;
  const json = readJsonFile(abs, shown);
  const isRequest =
    typeof json === 'object' && json !== null && ['asOf', 'params', 'overrides'].some((k) => k in json);
  if (isRequest) {
    const r = requestFile.safeParse(json);
    if (!r.success) throw fileValidationError(shown, r.error);
    return {
      asOf: r.data.asOf,
      params: r.data.params ?? analysisParamsSchema.parse({}),
      overrides: r.data.overrides,
    };
  }
  const r = analysisParamsSchema.safeParse(json);
  if (!r.success) throw fileValidationError(shown, r.error);
  return { params: r.data };
}
