import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataValidationError, formatIssue } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const scenario = {
  id: 't',
  name: 'T',
  defaultAsOf: '2024-01-01',
  timeRange: { from: '2023-01-01', to: '2025-01-01' },
  extent: [0, 0, 10, 10],
  country: 'SDN',
  actors: [{ id: 'a', name: 'A', color: '#000000' }],
};

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'corridor-load-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function messages(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataValidationError);
    return (e as DataValidationError).issues.map(formatIssue);
  }
  throw new Error('expected a DataValidationError');
}

describe('loadSituationFromDir', () => {
  it('loads a folder with only some layers; the rest are empty', () => {
    const d = folder({
      'scenario.json': JSON.stringify(scenario),
      'sites.geojson': JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [1, 1] },
            properties: { id: 's', name: 'S', source: 'x', kind: 'town', country: 'SDN' },
          },
        ],
      }),
    });
    const s = loadSituationFromDir(d, d);
    expect(s.sites.map((f) => f.properties.id)).toEqual(['s']);
    expect(s.roads).toEqual([]);
  });

  it('names the file, relative to the working folder, when JSON is broken', () => {
    const d = folder({
      'scenario.json': JSON.stringify(scenario),
      'roads.geojson': '{"type": "FeatureCollection",',
    });
    const [msg] = messages(() => loadSituationFromDir(d, d));
    expect(msg).toMatch(/^roads\.geojson: field "\(file\)": is not valid JSON: /);
  });

  it('says when scenario.json is missing', () => {
    const d = folder({});
    expect(messages(() => loadSituationFromDir(d, d))[0]).toMatch(
      /^scenario\.json: field "\(file\)": cannot be read/,
    );
  });
});
