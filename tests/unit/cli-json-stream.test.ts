import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { writeJsonStream } from '$lib/server/cli/writeJsonStream';

// `corridor analyze` writes its report in pieces: the text must be exactly what JSON.stringify(…, null, 2)
// gave before, whatever the depth streamed.
const streamed = (value: unknown, depth?: number) => {
  const chunks: string[] = [];
  writeJsonStream(value, (c) => chunks.push(c), depth);
  return { text: chunks.join(''), chunks };
};

describe('writeJsonStream', () => {
  it('writes the default scenario report as JSON.stringify does, at every depth', () => {
    const report = createAnalyzer(loadSituationFromDir('geodata')).analyze('2024-08-15');
    const expected = JSON.stringify(report, null, 2);
    for (const depth of [0, 1, 2, 3, 6]) expect(streamed(report, depth).text).toBe(expected);
  });

  it('keeps JSON.stringify’s rules for empty, missing and odd members', () => {
    const value = {
      empty: [],
      none: {},
      gone: undefined,
      list: [1, undefined, 'two\nlines', null, { deep: [{ x: 1 }] }],
      when: new Date(0),
      nested: { a: { b: { c: [] } } },
    };
    for (const depth of [1, 2, 4, 8])
      expect(streamed(value, depth).text).toBe(JSON.stringify(value, null, 2));
    expect(streamed([], 2).text).toBe('[]');
    expect(streamed('text', 2).text).toBe('"text"');
  });

  it('hands over a long array in pieces of about 64 KB, never as one string', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `row-${i}`, value: i }));
    const { text, chunks } = streamed({ rows });
    expect(text).toBe(JSON.stringify({ rows }, null, 2));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
  });
});
