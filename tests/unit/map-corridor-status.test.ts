import { describe, expect, it } from 'vitest';
import {
  corridorDash,
  corridorWidth,
  CORRIDOR_STATUS_STYLES,
  stretchColor,
  stretchWidth,
} from '$lib/map/corridorsLayer';
import { BEST_PATH_SOURCE } from '$lib/map/bestPathLayer';
import { buildStyle } from '$lib/map/style';
import { evaluate, hex } from './map-evaluate';

// Status is never colour alone: dashes and widths differ too (for readers who do not tell the colours apart).
describe('corridor status beyond colour', () => {
  const dash = (status: string) => evaluate('line', 'line-dasharray', corridorDash(), { status });
  const width = (status: string, zoom = 6) =>
    evaluate('line', 'line-width', corridorWidth(), { status }, { zoom }) as number;

  it('dashes at-risk corridors and draws the others solid', () => {
    expect(dash('at_risk')).toEqual(CORRIDOR_STATUS_STYLES.at_risk.dash);
    expect(dash('open')).toEqual([1, 0]);
    expect(dash('blocked')).toEqual([1, 0]);
    expect(dash('unknown')).toEqual([1, 0]);
  });

  it('draws blocked corridors wider than open ones at every zoom', () => {
    for (const zoom of [4, 7, 10]) expect(width('blocked', zoom)).toBeGreaterThan(width('open', zoom) * 1.3);
  });

  it('uses four different colours for the four statuses', () => {
    const colors = Object.values(CORRIDOR_STATUS_STYLES).map((s) => s.color.toLowerCase());
    expect(new Set(colors).size).toBe(4);
  });

  it('draws stretches in their status colour, wider than the corridor under them', () => {
    expect(hex(evaluate('line', 'line-color', stretchColor(), { status: 'blocked' }))).toBe(
      CORRIDOR_STATUS_STYLES.blocked.color,
    );
    expect(hex(evaluate('line', 'line-color', stretchColor(), { status: 'at_risk' }))).toBe(
      CORRIDOR_STATUS_STYLES.at_risk.color,
    );
    for (const status of ['blocked', 'at_risk']) {
      const s = evaluate('line', 'line-width', stretchWidth(), { status }, { zoom: 6 }) as number;
      expect(s, status).toBeGreaterThan(width(status));
    }
  });
});

describe('the best path layer', () => {
  it('has its own source and lies over corridors and front lines, under the sites', () => {
    const style = buildStyle({ base: 'http://localhost:4173' });
    expect(style.sources[BEST_PATH_SOURCE]).toBeDefined();
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('best-path-line')).toBeGreaterThan(ids.indexOf('corridors-stretch'));
    expect(ids.indexOf('best-path-line')).toBeGreaterThan(ids.indexOf('frontlines-line'));
    expect(ids.indexOf('best-path-line')).toBeLessThan(ids.indexOf('sites-circle'));
  });
});
