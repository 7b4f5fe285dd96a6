import { describe, expect, it } from 'vitest';
import { defaultLayerGroups, layerGroups } from '$lib/map/layerGroups';
import { parseUrlState, writeUrlState } from '$lib/map/urlState';

describe('URL state', () => {
  it('round-trips view, layers, date and selection', () => {
    const state = {
      view: { center: [25.3107, 13.4885] as [number, number], zoom: 7.25 },
      layers: ['sites' as const, 'crossings' as const],
      date: '2024-05-01',
      selected: 'sd_zamzam',
    };
    const params = writeUrlState(state);
    expect(params.get('map')).toBe('7.25/13.4885/25.3107');
    expect(parseUrlState(new URLSearchParams(params.toString()))).toEqual({
      ...state,
      layers: ['crossings', 'sites'], // in legend order
    });
  });

  it('leaves out the layers when the default ones are on, and reads their absence as the default', () => {
    const params = writeUrlState({ layers: [...defaultLayerGroups], date: '2024-08-15' });
    expect(params.has('layers')).toBe(false);
    expect(parseUrlState(params).layers).toEqual([...defaultLayerGroups]);
    // Administrative boundaries are off by default: turning them on is written into the link.
    expect(defaultLayerGroups).not.toContain('admin');
    const all = writeUrlState({ layers: [...layerGroups] });
    expect(all.get('layers')?.split(',')).toContain('admin');
    expect(parseUrlState(all).layers).toEqual([...layerGroups]);
    expect(parseUrlState(new URLSearchParams('layers=')).layers).toEqual([]);
  });

  it('ignores what is malformed instead of trusting it', () => {
    const s = parseUrlState(
      new URLSearchParams('map=7/95/25&layers=sites,bogus&date=2024-02-30x&sel=<script>'),
    );
    expect(s.view).toBeUndefined();
    expect(s.layers).toEqual(['sites']);
    expect(s.date).toBeUndefined();
    expect(s.selected).toBeUndefined();
    expect(parseUrlState(new URLSearchParams('map=abc')).view).toBeUndefined();
  });

  it('keeps parameters it does not own', () => {
    const params = writeUrlState(
      { layers: [...layerGroups] },
      new URLSearchParams('lang=ar&date=2024-01-01'),
    );
    expect(params.get('lang')).toBe('ar');
    expect(params.has('date')).toBe(false);
  });
});
