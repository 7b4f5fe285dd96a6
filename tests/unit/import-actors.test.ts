import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';

const EXTENT: [number, number, number, number] = [14.5, 8.4, 38.8, 22.4];
const area = (actorId: string) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: 'Held area', actorId, confidence: 'assessed', validFrom: '2025-10-26' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [25.2, 13.5],
              [25.5, 13.5],
              [25.5, 13.8],
              [25.2, 13.5],
            ],
          ],
        },
      },
    ],
  });
const run = (text: string, actors?: string[]) =>
  parseImport(text, { fileName: 'control.geojson', layer: 'areas', extent: EXTENT, actors });

describe('actors the scenario defines', () => {
  it('an area naming "RSF" where the scenario defines "rsf" is refused, with the right id suggested', () => {
    const p = run(area('RSF'), ['saf', 'rsf', 'slm-aw']);
    expect(p.counts).toMatchObject({ valid: 0, rejected: 1 });
    expect(p.problems[0]).toMatchObject({
      level: 'error',
      field: 'properties.actorId',
      message: 'names actor "RSF", which the scenario does not define (it defines: rsf, saf, slm-aw)',
      suggestion: 'write "rsf" (actor ids are written as the scenario writes them)',
    });
  });

  it('an actor unlike any is refused with the list; a known one passes', () => {
    const p = run(area('janjaweed'), ['saf', 'rsf']);
    expect(p.problems[0].suggestion).toBe(
      "use one of the scenario's actors (rsf, saf), or add the actor to the scenario first",
    );
    expect(run(area('rsf'), ['saf', 'rsf']).counts.valid).toBe(1);
  });

  it('a fixed actor (--set actorId=RSF) is refused the same way', () => {
    const text = area('x').replace('"actorId":"x",', '');
    const p = parseImport(text, {
      fileName: 'control.geojson',
      layer: 'areas',
      actors: ['saf', 'rsf'],
      mapping: { fields: {}, set: { actorId: 'RSF' } },
    });
    expect(p.counts.valid).toBe(0);
    expect(p.problems[0].message).toMatch(/^names actor "RSF"/);
  });
});
