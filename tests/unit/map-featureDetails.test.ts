import { describe, expect, it } from 'vitest';
import { featureDetails } from '$lib/map/featureDetails';
import { featureList } from '$lib/map/featureList';
import { situation } from './map-fixture';

describe('featureDetails', () => {
  it('gives a site its names, kind, figures of the day with their own date and source, and its source', () => {
    const d = featureDetails(situation(), 'sd_zamzam', '2024-08-15')!;
    expect(d).toMatchObject({
      name: 'Zamzam IDP camp',
      nameAr: 'معسكر زمزم للنازحين',
      kind: 'Camp for internally displaced people',
      ipcPhase: 5,
      source: 'gazetteer',
      date: '2024-08-01',
      validOnDate: true,
    });
    const fact = (label: string) => d.facts.find((f) => f.label === label);
    expect(fact('Population')).toEqual({
      label: 'Population',
      value: '300,000',
      provenance: '1 January 2024 · IOM DTM',
    });
    expect(fact('IPC phase')).toMatchObject({ value: '5 – Famine', provenance: '1 August 2024 · IPC FRC' });
    // No validTo: the finding holds for findingValidityDays (365) from its date.
    expect(fact('Famine finding')?.value).toBe('Yes, until 1 August 2025');
  });

  it('gives a crossing its status on the date, with when it began and who said so', () => {
    const may = featureDetails(situation(), 'td_adre_crossing', '2024-05-01')!;
    expect(may.status).toBe('closed');
    expect(may.facts[0]).toEqual({
      label: 'Status',
      value: 'Closed since 22 February 2024',
      provenance: '22 February 2024 · B',
    });
    const aug = featureDetails(situation(), 'td_adre_crossing', '2024-08-20')!;
    expect(aug.status).toBe('open');
    expect(aug.facts.find((f) => f.label === 'Status note')?.value).toBe('three months');
    expect(aug.kind).toBe('International border crossing');
  });

  it('says when a linked feature does not count on the date', () => {
    expect(featureDetails(situation(), 'sd_kutum', '2024-08-15')?.validOnDate).toBe(false);
    expect(featureDetails(situation(), 'a_fasher', '2024-01-01')?.validOnDate).toBe(false);
    expect(featureDetails(situation(), 'i_old', '2024-08-15')?.validOnDate).toBe(false);
  });

  it('describes corridors, areas, roads and incidents in words', () => {
    const s = situation();
    expect(featureDetails(s, 'c_adre', '2024-08-15')?.facts).toEqual([
      { label: 'From', value: 'Abéché' },
      { label: 'To', value: 'Zamzam IDP camp' },
    ]);
    expect(featureDetails(s, 'a_fasher', '2024-08-15')?.facts.map((f) => f.value)).toEqual([
      'SAF',
      'Contested (fighting)',
      '10 May 2024 to 26 October 2025',
    ]);
    expect(featureDetails(s, 'r_track', '2024-08-15')?.facts[1].value).toBe(
      'Jul, Aug, Sept (impassable on this date)',
    );
    expect(featureDetails(s, 'i_recent', '2024-08-15')).toMatchObject({
      kind: 'Access incident',
      date: '2024-08-01',
      facts: [
        { label: 'Category', value: 'Hostilities' },
        { label: 'Severity', value: '3 of 3' },
        { label: 'Verification', value: 'verified' },
      ],
    });
  });

  it('is undefined for an unknown id', () => {
    expect(featureDetails(situation(), 'nope', '2024-08-15')).toBeUndefined();
  });
});

describe('featureList', () => {
  it('lists the sites, crossings and corridors of the date, each group by name, with a summary', () => {
    const list = featureList(situation(), '2024-08-15');
    expect(list.map((i) => i.id)).toEqual(['td_abeche', 'sd_zamzam', 'td_adre_crossing', 'c_adre']);
    expect(list[1].summary).toBe('Camp for internally displaced people · 300,000 people · IPC 5');
    expect(list[2].summary).toBe('Border crossing · open');
    expect(featureList(situation(), '2024-05-01')[2].summary).toBe('Border crossing · closed');
  });

  it('leaves out crossings with no status yet', () => {
    expect(featureList(situation(), '2023-05-01').some((i) => i.layer === 'crossings')).toBe(false);
  });
});
