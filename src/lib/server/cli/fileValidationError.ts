import type { z } from 'zod';
import { DataValidationError, pathToField } from '../../domain/schemas/issues';

/** A file's content refused by its schema: one issue per zod issue, naming the file and the field. */
export function fileValidationError(file: string, error: z.ZodError): DataValidationError {
  return new DataValidationError(
    error.issues.map((e) => ({ file, field: pathToField(e.path) || '(file)', reason: e.message })),
  );
}
