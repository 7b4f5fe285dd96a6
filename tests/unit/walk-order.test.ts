// The order in which the map's warm-up walks the scenario's range (`walkOrder.ts`): every date once, from the
// date asked back to the first, then on to the last; a date asked outside the range starts at its nearest end.
import { describe, expect, it } from 'vitest';
import { walkOrder } from '$lib/server/mapView/walkOrder';

describe('the walk of the range', () => {
  it('goes back from the date asked to the first day, then on to the last', () => {
    expect(walkOrder('2024-02-27', '2024-03-02', '2024-02-29')).toEqual([
      '2024-02-29',
      '2024-02-28',
      '2024-02-27',
      '2024-03-01',
      '2024-03-02',
    ]);
  });

  it('starts at the nearest end for a date outside the range', () => {
    expect(walkOrder('2024-01-01', '2024-01-03', '2023-06-01')).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
    ]);
    expect(walkOrder('2024-01-01', '2024-01-03', '2025-06-01')).toEqual([
      '2024-01-03',
      '2024-01-02',
      '2024-01-01',
    ]);
  });
});
