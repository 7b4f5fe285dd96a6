import { describe, expect, it } from 'vitest';
import { chartGeometry, DEFAULT_BOX, yAxis } from '$lib/ui/trends/chartGeometry';
import { formatCompact, formatMonthYear } from '$lib/i18n/format';
import { formatChange } from '$lib/ui/trends/figures';

describe('the trends chart', () => {
  it('rounds the y axis to steps a reader can add up', () => {
    expect(yAxis(2_074_010)).toEqual({ step: 1_000_000, top: 3_000_000 });
    expect(yAxis(500_000)).toEqual({ step: 200_000, top: 600_000 });
    expect(yAxis(3)).toEqual({ step: 1, top: 3 });
    expect(yAxis(12)).toEqual({ step: 5, top: 15 });
    expect(yAxis(0)).toEqual({ step: 1, top: 4 });
  });

  it('places the points by date and value inside the plot', () => {
    const g = chartGeometry([
      { date: '2024-01-01', value: 0 },
      { date: '2024-01-11', value: 2 },
      { date: '2024-01-31', value: 4 },
    ]);
    const { left, right, top, bottom, width, height } = DEFAULT_BOX;
    expect(g.xy[0]).toEqual({ x: left, y: height - bottom });
    expect(g.xy[2]).toEqual({ x: width - right, y: top });
    // A third of the way in time, half way up.
    expect(g.xy[1].x).toBeCloseTo(left + (width - left - right) / 3);
    expect(g.xy[1].y).toBeCloseTo(top + (height - top - bottom) / 2);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(g.xTicks).toEqual([{ x: left, label: 'Jan 2024', major: true }]);
  });

  it('labels quarters on the time axis, January as major', () => {
    const g = chartGeometry([
      { date: '2023-04-15', value: 1 },
      { date: '2024-02-01', value: 1 },
    ]);
    expect(g.xTicks.map((t) => [t.label, t.major])).toEqual([
      ['Jul 2023', false],
      ['Oct 2023', false],
      ['Jan 2024', true],
    ]);
  });

  it('writes its axes in the language it is given', () => {
    const g = chartGeometry(
      [
        { date: '2023-04-15', value: 0 },
        { date: '2024-02-01', value: 2_074_010 },
      ],
      DEFAULT_BOX,
      { value: (n) => formatCompact(n, 'fr'), month: (d) => formatMonthYear(d, 'fr') },
    );
    expect(g.yTicks.map((t) => t.label.replace(/\s/g, ' '))).toEqual(['0', '1 M', '2 M', '3 M']);
    expect(g.xTicks.map((t) => t.label)).toEqual(['juil. 2023', 'oct. 2023', 'janv. 2024']);
  });

  it('writes changes with a sign', () => {
    expect(formatChange(-411_538)).toBe('−411,538');
    expect(formatChange(12_000)).toBe('+12,000');
    expect(formatChange(0)).toBe('no change');
  });
});
