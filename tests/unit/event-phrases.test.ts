// The events of /trends take their words from a table of phrases: English by default (the series API and
// the command line), the page's language on /trends (src/lib/i18n/eventPhrases.ts). Every table has every
// phrase, and the reopening of Adré reads in French and in Arabic with the crossing's name as written.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAnalyzer,
  ENGLISH_EVENT_PHRASES,
  seriesWith,
  withEventPhrases,
  type EventPhrases,
} from '$lib/domain/analysis';
import { analysisParamsSchema, siteStatus } from '$lib/domain/schemas';
import { eventPhrases } from '$lib/i18n/eventPhrases';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { noteText } from '$lib/ui/planFormat';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

const root = join(import.meta.dirname, '..', '..');
const analyzer = createAnalyzer(loadSituationFromDir(join(root, 'geodata'), root));

/** Every phrase of a table, called with the same facts. */
const written = (t: EventPhrases) => [
  t.crossingOpened('X'),
  t.crossingReopened('X'),
  t.crossingClosed('X'),
  t.crossingRestricted('X'),
  t.constraintBegan('X'),
  t.constraintEnded('X'),
  t.control('X'),
  t.frontline('X'),
  t.incident('X'),
  ...siteStatus.options.map((s) => t.siteStatus('X', s)),
  t.famineFinding('X', 5),
  t.famineFinding('X', null),
  t.famineExpired('X'),
  t.famineSuperseded('X', 4),
  t.famineSuperseded('X', null),
  t.population('X', 1234567, undefined),
  t.population('X', 1234567, 1000),
];

describe('the event phrase tables', () => {
  for (const locale of ['ar', 'fr'] as const)
    it(`${locale} has every phrase, each naming the feature and different from the English`, () => {
      const table = eventPhrases(locale);
      expect(Object.keys(table).sort()).toEqual(Object.keys(ENGLISH_EVENT_PHRASES).sort());
      const english = written(ENGLISH_EVENT_PHRASES);
      for (const [i, text] of written(table).entries()) {
        expect(text).toContain('X');
        expect(text).not.toMatch(/\{\w+\}|undefined/);
        expect(text, english[i]).not.toBe(english[i]);
      }
    });

  it("writes figures with the language's separators", () => {
    expect(eventPhrases('fr').population('Tawila', 1234567, 1000)).toBe(
      'Tawila : 1\u202f234\u202f567 personnes (contre 1\u202f000)',
    );
    expect(ENGLISH_EVENT_PHRASES.population('Tawila', 1234567, 1000)).toBe(
      'Tawila: 1,234,567 people (was 1,000)',
    );
  });
});

describe('a series in another language', () => {
  const series = seriesWith(analyzer, '2024-07-27', '2024-08-31', 7);
  const params = analysisParamsSchema.parse({});
  const adre = (s: typeof series) =>
    s.points
      .find((p) => p.date === '2024-08-17')!
      .annotations.find((a) => a.featureId === 'td_adre_crossing')!;

  it('keeps the English series as the API and the command line write it', () => {
    expect(adre(series).text).toBe('Adré – El Geneina crossing reopened');
    expect(withEventPhrases(analyzer.situation, series, params, ENGLISH_EVENT_PHRASES)).toEqual(series);
  });

  it('writes the reopening of Adré in French and in Arabic, everything else of the series unchanged', () => {
    const fr = withEventPhrases(analyzer.situation, series, params, eventPhrases('fr'));
    const ar = withEventPhrases(analyzer.situation, series, params, eventPhrases('ar'));
    expect(adre(fr)).toEqual({ ...adre(series), text: 'Adré – El Geneina crossing : réouverture' });
    expect(adre(ar).text).toBe('Adré – El Geneina crossing: أُعيد فتحه');
    // Only the texts differ; every annotation of the English series is there, in its place.
    const strip = (s: typeof series) =>
      s.points.map((p) => ({ ...p, annotations: p.annotations.map((a) => ({ ...a, text: '' })) }));
    expect(strip(fr)).toEqual(strip(series));
    const texts = (s: typeof series) => s.points.flatMap((p) => p.annotations.map((a) => a.text));
    expect(texts(series).length).toBeGreaterThan(0);
    const en = texts(series);
    texts(fr).forEach((t, i) => expect(t).not.toBe(en[i]));
  });
});

describe("the planner's note", () => {
  const original = getLocale;
  afterEach(() => overwriteGetLocale(original));
  const note = 'the avoid list (td_adre_crossing, sd_tina_crossing) leaves no route: without it there is one';
  it("is written in the interface's language, naming what was avoided", () => {
    overwriteGetLocale(() => 'fr');
    expect(noteText(note)).toBe(
      'la liste à éviter (td_adre_crossing, sd_tina_crossing) ne laisse aucun itinéraire : sans elle, il y en a un',
    );
    overwriteGetLocale(() => 'en');
    expect(noteText(note)).toBe(note);
    // A note of another wording is shown as written.
    overwriteGetLocale(() => 'ar');
    expect(noteText('something else')).toBe('something else');
    expect(noteText(note)).toContain('td_adre_crossing, sd_tina_crossing');
  });
});
