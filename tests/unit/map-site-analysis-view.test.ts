// What the site panel says about a site's status on the default scenario (geodata/): an emptied camp says when and
// where its people went, a besieged town names the siege and who holds it, and each access option says why it fails.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { analysisView, type SiteAnalysisView } from '$lib/map/analysisDetails';
import { featureDetails } from '$lib/map/featureDetails';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const situation = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const analyzer = createAnalyzer(situation);
const view = (date: string, id: string) =>
  analysisView(situation, analyzer.analyze(date), id) as SiteAnalysisView;

describe('the site panel on the default scenario', () => {
  it('says Zamzam was emptied on 13 April 2025 and its people moved to Tawila, and offers no option', () => {
    const z = view('2025-06-01', 'sd_zamzam');
    expect(z.status).toBe('emptied');
    expect(z.statusText).toBe('Emptied on 13 April 2025 — people moved to Tawila');
    expect(z.accessLabel).toBe('Not active');
    expect(z.siege).toBeUndefined();
    // Before the attack it is an active camp with nothing to say about its status.
    expect(view('2025-04-01', 'sd_zamzam').statusText).toBeUndefined();
    // Its details keep the last count, saying it is old and predates the emptying.
    const facts = featureDetails(situation, 'sd_zamzam', '2025-06-01')!.facts;
    expect(facts.find((f) => f.label === 'Status')?.value).toBe('Emptied since 13 April 2025');
    expect(facts.find((f) => f.label === 'Population')?.value).toBe(
      '500,000 (range 500,000–1,000,000), more than a year old, counted before it was emptied',
    );
    expect(
      featureDetails(situation, 'sd_zamzam', '2024-08-15')!.facts.find((f) => f.label === 'Population')
        ?.value,
    ).toBe('500,000 (range 500,000–1,000,000)');
  });

  it('names the siege of El Fasher and the besieging actor while it lasts, not after the fall', () => {
    const f = view('2024-11-20', 'sd_el_fasher');
    expect(f.siege).toEqual({
      text: 'Besieged by Rapid Support Forces (RSF) since 10 May 2024: Siege of El Fasher by the RSF',
      featureId: 'con_2024_el_fasher_siege',
    });
    expect(f.options.map((o) => [o.class, o.feasible])).toEqual([
      ['internal', false],
      ['crossline', false],
      ['cross_border', false],
    ]);
    expect(f.options.find((o) => o.class === 'cross_border')?.reasons[0]).toMatchObject({
      featureId: 'con_2024_el_fasher_siege',
    });
    expect(view('2025-11-04', 'sd_el_fasher').siege).toBeUndefined();
  });

  it('says why each option fails for El Geneina the day before Adré reopens, the closed crossing first', () => {
    const g = view('2024-08-14', 'sd_el_geneina');
    const crossBorder = g.options.find((o) => o.class === 'cross_border')!;
    expect(crossBorder.feasible).toBe(false);
    expect(crossBorder.reasons[0]).toMatchObject({
      label: 'Crossing closed',
      featureId: 'td_adre_crossing',
      featureName: 'Adré – El Geneina crossing',
    });
    // Once Adré is open the same option is feasible, through Adré.
    const open = view('2024-11-20', 'sd_el_geneina').options.find((o) => o.class === 'cross_border')!;
    expect(open.feasible).toBe(true);
    expect(open.path?.via.map((c) => c.id)).toEqual(['td_adre_crossing']);
  });
});
