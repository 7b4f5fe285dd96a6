import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { acledCategory, acledSeverity } from '$lib/import/acledCategories';

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const row = (id: string, type: string, sub: string, fatalities: number, actor2 = '') =>
  `${id},2023-04-15,2023,1,Political violence,${type},${sub},RSF,,Military,${actor2},,Military,,,729,Northern Africa,Sudan,Khartoum,Khartoum,,Khartoum,15.5,32.5,1,Radio Dabanga; Sudan Tribune,National,"On 15 April 2023, fighting broke out, the ""war"" began.",${fatalities},,1681739331`;

describe('ACLED exports', () => {
  it('maps event types onto the ACAPS categories through the table', () => {
    expect(acledCategory('Battles', 'Armed clash', [])).toBe('hostilities');
    expect(acledCategory('Explosions/Remote violence', 'Remote explosive/landmine/IED', [])).toBe(
      'explosive_hazards',
    );
    expect(acledCategory('Violence against civilians', 'Attack', ['Aid Workers (Sudan)'])).toBe(
      'violence_against_aid',
    );
    expect(acledCategory('Violence against civilians', 'Attack', ['Masalit Ethnic Militia (Sudan)'])).toBe(
      'violence_against_civilians',
    );
    expect(acledCategory('Strategic developments', 'Looting/property destruction', [])).toBe(
      'restriction_of_access_to_services',
    );
    expect(acledCategory('Protests', 'Peaceful protest', [])).toBe('movement_restriction');
    expect(acledCategory('Riots', 'Mob violence', [])).toBe('movement_restriction');
    expect(acledCategory('Parades', 'x', [])).toBeUndefined();
  });

  it('rates severity from the type, raised by fatalities', () => {
    expect(acledSeverity('Protests', 'Peaceful protest', 0)).toBe(0);
    expect(acledSeverity('Protests', 'Peaceful protest', 1)).toBe(2);
    expect(acledSeverity('Battles', 'Armed clash', 0)).toBe(2);
    expect(acledSeverity('Battles', 'Armed clash', 9)).toBe(2);
    expect(acledSeverity('Battles', 'Armed clash', 10)).toBe(3);
    expect(acledSeverity('Battles', 'Non-state actor overtakes territory', 0)).toBe(3);
  });

  it('turns each event into a verified, public incident with its fatalities, date, source and ACLED id', () => {
    const text = [
      HEADER,
      row('SUD1', 'Battles', 'Armed clash', 12),
      row('SUD2', 'Violence against civilians', 'Attack', 0, 'Aid Workers (Sudan)'),
    ].join('\n');
    const p = parseImport(text, { fileName: 'acled.csv', layer: 'incidents' });
    expect(p.format).toBe('acled');
    expect(p.problems).toEqual([]);
    expect(p.features.map((f) => f.properties)).toEqual([
      {
        id: 'SUD1',
        name: 'Armed clash in Khartoum',
        source: 'ACLED (Radio Dabanga; Sudan Tribune)',
        sensitivity: 'public',
        date: '2023-04-15',
        category: 'hostilities',
        severity: 3,
        verification: 'verified',
        description: 'On 15 April 2023, fighting broke out, the "war" began.',
        fatalities: 12,
      },
      expect.objectContaining({ id: 'SUD2', category: 'violence_against_aid', severity: 2, fatalities: 0 }),
    ]);
    expect(p.features[0].geometry).toEqual({ type: 'Point', coordinates: [32.5, 15.5] });
  });

  it('imports ACLED events only into incidents, and refuses a file that is not an ACLED export', () => {
    const wrongLayer = parseImport([HEADER, row('SUD1', 'Battles', 'Armed clash', 0)].join('\n'), {
      fileName: 'acled.csv',
      layer: 'sites',
    });
    expect(wrongLayer.problems[0].message).toContain('import into the incidents layer, not sites');
    const notAcled = parseImport('id,lat,lon\n1,2,3\n', {
      fileName: 'x.csv',
      layer: 'incidents',
      format: 'acled',
    });
    expect(notAcled.problems[0].message).toContain(
      'is not an ACLED export: the header (line 1) lacks event_id_cnty',
    );
  });
});
