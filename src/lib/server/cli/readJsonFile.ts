import { readFileSync } from 'node:fs';
import { DataValidationError } from '../../domain/schemas/issues';

/** Reads a JSON file; an unreadable file or a syntax error becomes a validation issue naming the file. */
export function readJsonFile(path: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataValidationError([
      {
        file: shown,
        field: '(file)',
        reason: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataValidationError([
      { file: shown, field: '(file)', reason: `is not valid JSON: ${(e as Error).message}` },
    ]);
  }
}
