// What the analysis of the default scenario must say at dated moments of the war, each verdict with the timeline
// item it comes from (the table is scripts/verdicts/table.ts, shared with `npm run verdicts`), and docs/verdicts.md,
// which shows each verdict in the report's own words, as the script writes it today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { AnalysisReport } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { verdictProblems } from '../../scripts/verdicts/check';
import { VERDICTS } from '../../scripts/verdicts/table';
import { VERDICTS_DOC, verdictsDoc } from '../../scripts/verdicts';

const analyzer = createAnalyzer(loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata')));
const reports = new Map<string, AnalysisReport>();
const on = (date: string) => {
  if (!reports.has(date)) reports.set(date, analyzer.analyze(date));
  return reports.get(date)!;
};

describe('verdicts of the default scenario at known dates', () => {
  for (const v of VERDICTS)
    it(`${v.date} ${v.id}: ${v.says} (timeline item ${v.items.join(', ')})`, () => {
      expect(verdictProblems(on(v.date), v)).toEqual([]);
    });

  it('checks what it says: a verdict against the wrong report or a wrong expectation does not hold', () => {
    const fasher = VERDICTS.find((v) => v.id === 'sd_el_fasher' && v.date === '2024-11-20')!;
    expect(verdictProblems(on('2024-08-20'), fasher)).not.toEqual([]);
    expect(
      verdictProblems(on(fasher.date), { ...fasher, kind: 'site', expect: { access: 'internal' } }),
    ).toEqual([
      `access is ${on(fasher.date).sites.find((s) => s.id === fasher.id)!.access}, expected internal`,
    ]);
  });

  it(`${VERDICTS_DOC} is what \`npm run verdicts\` writes today`, async () => {
    const { text, failing } = await verdictsDoc();
    expect(failing).toBe(0);
    expect(readFileSync(VERDICTS_DOC, 'utf8'), `run npm run verdicts to rewrite ${VERDICTS_DOC}`).toBe(text);
  });
});
