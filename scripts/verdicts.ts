/**
 * `npm run verdicts`: analyses the default scenario (geodata/) on the date of every verdict of
 * scripts/verdicts/table.ts and writes docs/verdicts.md with the report's own words. Exits with 1 when a
 * verdict does not hold (the page says which and why).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { createAnalyzer } from '../src/lib/domain/analysis';
import type { AnalysisReport } from '../src/lib/domain/schemas';
import { loadSituationFromDir } from '../src/lib/server/geodata/loadSituationFromDir';
import { verdictProblems, verdictsMarkdown } from './verdicts/check';
import { VERDICTS } from './verdicts/table';

export const VERDICTS_DOC = 'docs/verdicts.md';

/** The page as the script writes it: the markdown, formatted with the repository's prettier settings. */
export async function verdictsDoc(geodataDir = 'geodata'): Promise<{ text: string; failing: number }> {
  const analyzer = createAnalyzer(loadSituationFromDir(geodataDir));
  const reports = new Map<string, AnalysisReport>();
  for (const date of new Set(VERDICTS.map((v) => v.date))) reports.set(date, analyzer.analyze(date));
  const failing = VERDICTS.filter((v) => verdictProblems(reports.get(v.date)!, v).length > 0).length;
  const options = (await prettier.resolveConfig(VERDICTS_DOC)) ?? {};
  const text = await prettier.format(verdictsMarkdown(VERDICTS, reports), { ...options, parser: 'markdown' });
  return { text, failing };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { text, failing } = await verdictsDoc();
  writeFileSync(VERDICTS_DOC, text);
  console.log(`${VERDICTS_DOC}: ${VERDICTS.length} verdicts, ${failing} not holding`);
  if (failing > 0) process.exitCode = 1;
}
