/**
 * External backers of the actors (issue 11): dated, sourced claims with a confidence, conservative on
 * purpose. `medium`: an official investigation or several independent reports with evidence (imagery), while
 * the backer denies it; `low`: one media investigation on unnamed sources. Cited in geodata/README.md.
 */
export const backers: Record<string, unknown[]> = {
  saf: [
    {
      id: 'bk_iran_saf_drones',
      backer: 'Iran',
      backerKind: 'state',
      support: 'arms',
      description:
        'Iranian-made Mohajer-6 combat drones supplied to the army, according to three Western officials; a satellite image of 9 January 2024 shows one at Wadi Seidna air base north of Khartoum. A Sudanese army source denied direct supply from Iran (Reuters, April 2024).',
      date: '2024-01-24',
      confidence: 'medium',
      source:
        'Bloomberg 2024-01-24 (three Western officials; satellite imagery analysed by PAX), as reported by Asharq Al-Awsat; Reuters, April 2024',
    },
  ],
  rsf: [
    {
      id: 'bk_wagner_rsf_missiles',
      backer: 'Wagner Group',
      backerKind: 'group',
      support: 'arms',
      description:
        'Surface-to-air missiles supplied to the RSF from Libya at the start of the war, according to Sudanese and regional diplomatic sources; satellite images show unusual activity at Wagner-used air bases in Libya. The RSF denied it.',
      date: '2023-04-20',
      since: '2023-04-15',
      confidence: 'low',
      source:
        'CNN 2023-04-20 (Sudanese and regional diplomatic sources; satellite imagery with All Eyes on Wagner)',
    },
    {
      id: 'bk_uae_rsf_arms',
      backer: 'United Arab Emirates',
      backerKind: 'state',
      support: 'arms',
      description:
        'Weapons and ammunition supplied to the RSF through eastern Chad (Amdjarass): allegations the UN Panel of Experts on the Sudan found credible, citing local witnesses. The UAE denies supplying arms to either party.',
      date: '2024-01-21',
      confidence: 'medium',
      source:
        'UN Panel of Experts on the Sudan, final report S/2024/65 (January 2024), as reported by Bloomberg 2024-01-21',
      sourceUrl: 'https://undocs.org/S/2024/65',
    },
  ],
};
