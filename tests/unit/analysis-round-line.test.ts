import { describe, expect, it } from 'vitest';
import { roundLine, roundPosition } from '$lib/domain/analysis/round';

// Report geometry is rounded to 7 decimals; roundLine keeps the positions that rounding leaves as they are.
describe('roundLine', () => {
  it('gives the same numbers as rounding every position', () => {
    const line = [
      [30.12345, 12.5],
      [30.123456789, 12.987654321],
      [-0.00000004, 0],
      [31, 13, 450],
    ];
    expect(roundLine(line)).toEqual(line.map(roundPosition));
    expect(roundLine(line)[3]).toEqual([31, 13]);
  });

  it('keeps a line whose positions have 7 decimals or fewer, and the unchanged positions of others', () => {
    const exact = [
      [30.1234567, 12.5],
      [30.2, 12.6],
    ];
    expect(roundLine(exact)).toBe(exact);
    const mixed = [exact[0], [30.123456789, 12.5], exact[1]];
    const rounded = roundLine(mixed);
    expect(rounded).not.toBe(mixed);
    expect(rounded[0]).toBe(exact[0]);
    expect(rounded[1]).toEqual([30.1234568, 12.5]);
    expect(rounded[2]).toBe(exact[1]);
    // The input is left as it was.
    expect(mixed[1]).toEqual([30.123456789, 12.5]);
  });
});
