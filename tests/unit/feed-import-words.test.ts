import { describe, expect, it } from 'vitest';
import { groupImportChanges, groupLine, importSummaryText, importTitle } from '$lib/server/feed/importWords';
import type { ImportEntry } from '$lib/server/feed/types';

type Change = ImportEntry['changes'][number];
const change = (kind: Change['subjectKind'], n: number, before: string | null, after: string | null) =>
  Array.from({ length: n }, (_, i): Change => ({
    subjectKind: kind,
    subjectId: `${kind}_${after}_${i}`,
    subjectName: `${kind} ${after ?? 'gone'} ${i + 1}`,
    before,
    after,
  }));

describe("an import's entry in words", () => {
  const entry: ImportEntry = {
    file: 'dtm_round_12.csv',
    layer: 'sites',
    created: 0,
    updated: 1_250,
    changes: [
      ...change('corridor', 3, 'open', 'blocked'),
      ...change('site', 12, 'internal', 'cut_off'),
      ...change('site', 1, 'cut_off', null),
      ...change('crossing', 1, 'open', 'closed'),
      ...change('site', 2, null, 'crossline_only'),
    ],
  };

  it('groups the changes by kind and new verdict, the largest group first', () => {
    expect(groupImportChanges(entry.changes).map((g) => g.words)).toEqual([
      '12 sites cut off',
      '3 corridors blocked',
      '2 new sites reachable crossline only',
      '1 crossing closed',
      '1 site no longer counts',
    ]);
  });

  it('names the first three of a group in natural order and counts the rest', () => {
    const [sites] = groupImportChanges(entry.changes);
    expect(groupLine(sites)).toBe(
      '12 sites cut off: site cut_off 1, site cut_off 2, site cut_off 3 and 9 more',
    );
  });

  it('says in the title what was written and the first groups, the others counted', () => {
    expect(importTitle(entry)).toBe(
      'Import of "dtm_round_12.csv" into sites: 0 added, 1,250 updated; 12 sites cut off, 3 corridors blocked, ' +
        '2 new sites reachable crossline only, 2 other changes',
    );
    expect(importTitle({ ...entry, changes: [] })).toBe(
      'Import of "dtm_round_12.csv" into sites: 0 added, 1,250 updated; no status changed',
    );
  });

  it('names the importer to staff only, and says when the entry rests on records that are not public', () => {
    const c = {
      asOf: '2025-12-31',
      actor: 'officer@example.org',
      sensitivity: 'public' as const,
      import: entry,
    };
    expect(importSummaryText(c)).not.toContain('officer@example.org');
    expect(importSummaryText(c, true)).toContain('into the sites layer by officer@example.org: 0 added');
    expect(importSummaryText(c)).toContain('On 2025-12-31 it changed 19 statuses: 12 sites cut off: ');
    expect(importSummaryText({ ...c, sensitivity: 'restricted' })).toMatch(/Staff only/);
  });
});
