import { describe, expect, it } from 'vitest';
import { areaFillOpacity, areaHatchPattern, areaOutlineDash, areasLayers } from '$lib/map/areasLayer';
import { countryLabelSize } from '$lib/map/basemapLayers';
import { corridorColor, CORRIDOR_STATUS_STYLES } from '$lib/map/corridorsLayer';
import { crossingIconImage, crossingLabel, CROSSING_STATUS_COLORS } from '$lib/map/crossingsLayer';
import { incidentColor, incidentRadius, INCIDENT_CATEGORY_STYLES } from '$lib/map/incidentsLayer';
import { roadColor, roadDash, roadWidth } from '$lib/map/roadsLayer';
import {
  IPC_PHASES,
  siteColor,
  siteFlagFilter,
  siteLabel,
  siteRadius,
  siteStrokeWidth,
} from '$lib/map/sitesLayer';
import { evaluate, hex, passes } from './map-evaluate';

describe('sites', () => {
  it('are coloured with the IPC colours, white without a figure', () => {
    expect(hex(evaluate('circle', 'circle-color', siteColor(), { ipcPhase: 1 }))).toBe('#cdfacd');
    expect(hex(evaluate('circle', 'circle-color', siteColor(), { ipcPhase: 3 }))).toBe('#e67800');
    expect(hex(evaluate('circle', 'circle-color', siteColor(), { ipcPhase: 5 }))).toBe('#640000');
    expect(hex(evaluate('circle', 'circle-color', siteColor(), { ipcPhase: 0 }))).toBe('#ffffff');
    expect(new Set(IPC_PHASES.map((p) => p.color)).size).toBe(5);
  });

  it('grow with population (area proportional to people) and with zoom', () => {
    const r = (population: number, zoom = 9) =>
      evaluate('circle', 'circle-radius', siteRadius(), { population }, { zoom }) as number;
    expect(r(0)).toBeCloseTo(4.5);
    expect(r(1_000_000)).toBeCloseTo(26);
    expect(r(250_000)).toBeCloseTo(4.5 + (26 - 4.5) * 0.5);
    expect(r(500_000, 4)).toBeLessThan(r(500_000, 9));
    // A halo around the selected site is always just outside it.
    const halo = evaluate(
      'circle',
      'circle-radius',
      siteRadius(8),
      { population: 500_000 },
      { zoom: 6 },
    ) as number;
    expect(halo - r(500_000, 6)).toBeCloseTo(8);
  });

  it('ring camps more than towns, hubs most', () => {
    const w = (p: Record<string, unknown>) => evaluate('circle', 'circle-stroke-width', siteStrokeWidth(), p);
    expect(w({ kind: 'town', hub: false })).toBe(1);
    expect(w({ kind: 'idp_camp', hub: false })).toBe(1.6);
    expect(w({ kind: 'supply_hub', hub: true })).toBe(3);
  });

  it('get a ring only when the access analysis flags them', () => {
    expect(passes(siteFlagFilter(), { flags: '' })).toBe(false);
    expect(passes(siteFlagFilter(), { flags: 'protection,famine' })).toBe(true);
  });

  it('are labelled with the English name, and the Arabic name below when there is one', () => {
    const withAr = evaluate('symbol', 'text-field', siteLabel(), { name: 'Zamzam', nameAr: 'زمزم' }) as {
      sections: { text: string }[];
    };
    expect(withAr.sections.map((s) => s.text).join('')).toBe('Zamzam\nزمزم');
    const without = evaluate('symbol', 'text-field', siteLabel(), { name: 'Abéché', nameAr: '' }) as {
      sections: { text: string }[];
    };
    expect(without.sections.map((s) => s.text).join('')).toBe('Abéché');
  });

  it('with one name only (embeds): the Arabic name in Arabic, the name as written otherwise', () => {
    const label = (locale: 'en' | 'ar', p: Record<string, unknown>) =>
      String(evaluate('symbol', 'text-field', siteLabel(locale, false), p));
    expect(label('en', { name: 'Zamzam', nameAr: 'زمزم' })).toBe('Zamzam');
    expect(label('ar', { name: 'Zamzam', nameAr: 'زمزم' })).toBe('زمزم');
    expect(label('ar', { name: 'Abéché', nameAr: '' })).toBe('Abéché');
  });
});

describe('crossings', () => {
  it('use the marker of their kind and status', () => {
    const icon = (p: Record<string, unknown>) => evaluate('symbol', 'icon-image', crossingIconImage(), p);
    expect(String(icon({ kind: 'international', status: 'closed' }))).toBe('crossing-international-closed');
    expect(String(icon({ kind: 'crossline', status: 'open' }))).toBe('crossing-crossline-open');
  });

  it('say their status in the label, so colour is not the only cue', () => {
    const label = evaluate('symbol', 'text-field', crossingLabel(), { name: 'Adré', status: 'restricted' });
    expect(String(label)).toBe('Adré (restricted)');
    expect(new Set(Object.values(CROSSING_STATUS_COLORS)).size).toBe(3);
  });
});

describe('areas of control', () => {
  it('are solid when assessed, lighter when claimed or contested', () => {
    const o = (confidence: string) =>
      evaluate('fill', 'fill-opacity', areaFillOpacity(), { confidence }) as number;
    expect(o('claimed')).toBeLessThan(o('assessed'));
    expect(o('contested')).toBeLessThan(o('assessed'));
  });

  it('hatch contested areas in the actor colour', () => {
    const hatch = areasLayers().find((l) => l.id === 'areas-hatch')!;
    const filter = 'filter' in hatch ? hatch.filter : undefined;
    expect(passes(filter, { confidence: 'contested' }, 3)).toBe(true);
    expect(passes(filter, { confidence: 'assessed' }, 3)).toBe(false);
    const name = evaluate('fill', 'fill-pattern', areaHatchPattern(), { color: '#1F77B4' }) as {
      name: string;
    };
    expect(name.name ?? String(name)).toBe('hatch-1f77b4');
  });

  it('have a dashed outline unless assessed', () => {
    const dash = (confidence: string) =>
      evaluate('line', 'line-dasharray', areaOutlineDash(), { confidence });
    expect(dash('assessed')).toEqual([1, 0]);
    expect(dash('claimed')).toEqual([3, 2]);
  });
});

describe('roads', () => {
  it('are darker and wider for bigger classes', () => {
    const w = (c: string) => evaluate('line', 'line-width', roadWidth(), { class: c }, { zoom: 8 }) as number;
    expect(w('primary')).toBeGreaterThan(w('secondary'));
    expect(w('secondary')).toBeGreaterThan(w('track'));
    const color = (c: string) => hex(evaluate('line', 'line-color', roadColor(), { class: c }));
    expect(new Set(['primary', 'secondary', 'track'].map(color)).size).toBe(3);
  });

  it('are dotted when impassable this month, dashed when tracks', () => {
    const d = (p: Record<string, unknown>) => evaluate('line', 'line-dasharray', roadDash(), p);
    expect(d({ class: 'primary', impassable: false })).toEqual([1, 0]);
    expect(d({ class: 'track', impassable: false })).toEqual([3, 1.5]);
    expect(d({ class: 'track', impassable: true })).toEqual([0.6, 1.6]);
  });
});

describe('corridors', () => {
  const color = (properties: Record<string, unknown>, state?: Record<string, unknown>) =>
    hex(evaluate('line', 'line-color', corridorColor(), properties, { state }));

  it('are neutral until the analysis gives them a status', () => {
    expect(color({ status: 'unknown' })).toBe(CORRIDOR_STATUS_STYLES.unknown.color);
    expect(color({})).toBe(CORRIDOR_STATUS_STYLES.unknown.color);
  });

  it('take the status colour from the property, or from feature state, which wins', () => {
    expect(color({ status: 'blocked' })).toBe(CORRIDOR_STATUS_STYLES.blocked.color);
    expect(color({ status: 'blocked' }, { status: 'open' })).toBe(CORRIDOR_STATUS_STYLES.open.color);
    expect(color({ status: 'unknown' }, { status: 'at_risk' })).toBe(CORRIDOR_STATUS_STYLES.at_risk.color);
  });
});

describe('incidents', () => {
  it('have one colour per access category', () => {
    const colors = Object.keys(INCIDENT_CATEGORY_STYLES).map((category) =>
      hex(evaluate('circle', 'circle-color', incidentColor(), { category })),
    );
    expect(colors).toEqual(Object.values(INCIDENT_CATEGORY_STYLES).map((s) => s.color));
    expect(new Set(colors).size).toBe(10);
  });

  it('are bigger when more severe', () => {
    const r = (severity: number) =>
      evaluate('circle', 'circle-radius', incidentRadius(), { severity }) as number;
    expect(r(0)).toBeLessThan(r(1));
    expect(r(2)).toBeLessThan(r(3));
  });
});

describe('basemap', () => {
  it('writes larger countries in larger type', () => {
    const size = (rank: number) => evaluate('symbol', 'text-size', countryLabelSize(), { rank }) as number;
    expect(size(3)).toBeGreaterThan(size(0));
  });
});
