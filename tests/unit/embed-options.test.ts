import { describe, expect, it } from 'vitest';
import { ALT_MAX_CHARS, parseEmbedOptions, writeEmbedOptions } from '$lib/map/embedOptions';
import { summaryFigures } from '$lib/map/embedSummary';

const parse = (q: string) => parseEmbedOptions(new URLSearchParams(q));

describe('parseEmbedOptions', () => {
  it('reads the map state as the map page does, and the embed options', () => {
    const o = parse(
      'map=6/13.5/25.1&date=2024-08-15&layers=sites,corridors&sel=sd_zamzam&plain=1&static=1&theme=dark&lang=ar',
    );
    expect(o.view).toEqual({ center: [25.1, 13.5], zoom: 6 });
    expect(o.date).toBe('2024-08-15');
    expect(o.layers).toEqual(['sites', 'corridors']);
    expect(o.selected).toBe('sd_zamzam');
    expect(o).toMatchObject({ plain: true, static: true, dark: true, lang: 'ar' });
  });

  it('has no option on by default', () => {
    expect(parse('')).toMatchObject({ plain: false, static: false, dark: false });
    expect(parse('').alt).toBeUndefined();
    expect(parse('').bbox).toBeUndefined();
  });

  it('takes a bbox only when it is a real box', () => {
    expect(parse('bbox=22,11,27.5,16').bbox).toEqual([22, 11, 27.5, 16]);
    for (const bad of ['27,11,22,16', '22,16,27,11', '22,11,27', '22,11,27,x', '-200,11,27,16', '22,,27,16'])
      expect(parse(`bbox=${bad}`).bbox, bad).toBeUndefined();
  });

  it('keeps an alt text, trimmed and bounded, and ignores a lang that is not a language tag', () => {
    expect(parse('alt=%20A%20map%20').alt).toBe('A map');
    expect(parse(`alt=${'x'.repeat(ALT_MAX_CHARS + 50)}`).alt).toHaveLength(ALT_MAX_CHARS);
    expect(parse('lang=<script>').lang).toBeUndefined();
    expect(parse('lang=fr').lang).toBe('fr');
  });

  it('writes back what it read', () => {
    const q = 'bbox=22,11,27.5,16&date=2024-08-15&plain=1&theme=dark&alt=Camps+in+Darfur&lang=fr';
    const again = parseEmbedOptions(writeEmbedOptions(parse(q)));
    expect(again).toEqual(parse(q));
  });
});

describe('summaryFigures', () => {
  const zero = {
    peopleCutOff: 0,
    peopleBesieged: 0,
    peopleFamine: 0,
    sitesCutOff: 0,
    sitesBesieged: 0,
    sitesFamine: 0,
    sitesInactive: 0,
    corridorsBlocked: 0,
    corridorsAtRisk: 0,
    crossingsClosed: 0,
    crossingsRestricted: 0,
  };
  it('says the people cut off first, with grouped numbers, and leaves out famine and siege when none', () => {
    expect(summaryFigures({ ...zero, peopleCutOff: 1234567, sitesCutOff: 3, corridorsBlocked: 1 })).toEqual([
      '1,234,567 people in 3 sites cut off from aid',
      '1 aid corridor blocked, 0 at risk',
      '0 crossings closed, 0 restricted',
    ]);
  });
  it('adds famine and siege when there are some', () => {
    const f = summaryFigures({
      ...zero,
      peopleFamine: 500000,
      sitesFamine: 1,
      peopleBesieged: 10,
      sitesBesieged: 2,
    });
    expect(f).toContain('500,000 people in 1 site with a famine finding');
    expect(f).toContain('10 people in 2 besieged sites');
  });
});
