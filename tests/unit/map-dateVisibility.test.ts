import { describe, expect, it } from 'vitest';
import { dateVisibility } from '$lib/map/dateVisibility';
import { isDrawn } from '$lib/map/tiledStyle';
import { situation } from './map-fixture';

// The tiled map draws what counts on a date from feature state (docs/scaling.md): these lists say what, and
// `isDrawn` is what clicks and the in-view list ask of a rendered feature.
describe('dateVisibility', () => {
  it('names the features out of force, the incidents of the window and the roads impassable in the month', () => {
    const aug = dateVisibility(situation(), '2024-08-15');
    expect(aug.hidden.sites).toEqual(['sd_kutum']);
    expect(aug.hidden.areas).toBeUndefined();
    expect(aug.incidents).toEqual(['i_recent']);
    expect(aug.impassable).toEqual(['r_track']);

    const before = dateVisibility(situation(), '2024-03-01');
    expect(before.hidden.areas).toEqual(['a_fasher']);
    expect(before.hidden.frontlines).toEqual(['f1']);
    expect(before.hidden.sites).toEqual(['sd_kutum']);
    expect(before.incidents).toEqual([]);
    expect(before.impassable).toEqual([]);
  });
});

describe('isDrawn', () => {
  it('takes a feature counting on the date, in the layer of its own status or impassability', () => {
    expect(isDrawn('sites-circle', 'sites', {})).toBe(true);
    expect(isDrawn('sites-circle', 'sites', { shown: false })).toBe(false);
    expect(isDrawn('incidents-circle', 'incidents', {})).toBe(false);
    expect(isDrawn('incidents-circle', 'incidents', { shown: true })).toBe(true);
    expect(isDrawn('crossings-icon:open', 'crossings', { status: 'open' })).toBe(true);
    expect(isDrawn('crossings-icon:closed', 'crossings', { status: 'open' })).toBe(false);
    // A crossing without a status on the date is not drawn.
    expect(isDrawn('crossings-icon:open', 'crossings', {})).toBe(false);
    expect(isDrawn('roads-line:passable', 'roads', {})).toBe(true);
    expect(isDrawn('roads-line:impassable', 'roads', {})).toBe(false);
    expect(isDrawn('roads-line:impassable', 'roads', { impassable: true })).toBe(true);
  });
});
