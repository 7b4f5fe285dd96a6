import { describe, expect, it } from 'vitest';
import { parsePlaceText, planExportQuery, planRequestOf, planSearch, readPlanUrl } from '$lib/state/planUrl';

describe("the planner's address", () => {
  it('reads a request back from the address it writes', () => {
    const state = {
      from: 'td_adre_transit',
      to: { lon: 25.31071, lat: 13.48849 },
      date: '2024-08-20',
      via: ['sd_tina_crossing', { lon: 24.1, lat: 13.65 }],
      avoid: ['td_adre_crossing', 'rd_x'],
      alternatives: 1,
    };
    const back = readPlanUrl(new URLSearchParams(planSearch(state)));
    expect(back).toEqual({ ...state, planId: undefined });
    expect(planRequestOf(back)).toEqual({
      asOf: '2024-08-20',
      from: 'td_adre_transit',
      to: { lon: 25.31071, lat: 13.48849 },
      via: state.via,
      avoid: state.avoid,
      alternatives: 1,
    });
  });

  it('addresses a saved plan by its id alone', () => {
    const q = planSearch({ planId: 'abc', from: 'x', via: [], avoid: [], alternatives: 3 });
    expect(q).toBe('plan=abc');
    expect(readPlanUrl(new URLSearchParams(q)).planId).toBe('abc');
  });

  it('takes the id out of a search result, positions as lon,lat, and ignores what is not a date', () => {
    expect(parsePlaceText('Adré transit site (Chad) (td_adre_transit)')).toBe('td_adre_transit');
    expect(parsePlaceText(' 22.2, 13.4667 ')).toEqual({ lon: 22.2, lat: 13.4667 });
    expect(parsePlaceText('  ')).toBeUndefined();
    const s = readPlanUrl(new URLSearchParams('from=a&to=b&date=20-08-2024&alt=9'));
    expect(s.date).toBeUndefined();
    expect(s.alternatives).toBe(3);
    expect(planRequestOf(s)).toBeUndefined();
  });

  it('makes the download query of a saved plan or of a request', () => {
    expect(planExportQuery({ planId: 'p1' }, 2)).toBe('plan=p1&rank=2');
    const q = new URLSearchParams(
      planExportQuery({ request: { asOf: '2024-08-20', from: 'a', to: 'b' } }, 1),
    );
    expect(JSON.parse(q.get('request')!)).toEqual({ asOf: '2024-08-20', from: 'a', to: 'b' });
  });
});
