// The editor's forms: values round-trip through a feature, and the shared schemas' issues land on the field.
import { describe, expect, it } from 'vitest';
import {
  buildFeature,
  drawModeOf,
  fieldsOf,
  formKeyOf,
  type FormValues,
  validateFeature,
  valuesOf,
} from '$lib/editing/layerForms';

const line = {
  type: 'LineString' as const,
  coordinates: [
    [22.4, 13.5],
    [23.0, 13.0],
  ],
};

describe('editor forms', () => {
  it('draws each layer with the right terra-draw mode', () => {
    expect(drawModeOf('sites')).toBe('point');
    expect(drawModeOf('corridors')).toBe('linestring');
    expect(drawModeOf('frontlines')).toBe('linestring');
    expect(drawModeOf('areas')).toBe('polygon');
  });

  it('offers the sites as ends of a corridor', () => {
    const from = fieldsOf('corridors', ['a', 'b']).find((f) => f.key === 'fromSiteId');
    expect(from?.options).toEqual(['a', 'b']);
  });

  it('offers only the sensitivities the account may give', () => {
    const options = (sensitivities?: string[]) =>
      fieldsOf('sites', [], sensitivities).find((f) => f.key === 'sensitivity')?.options;
    expect(options(['public', 'restricted'])).toEqual(['public', 'restricted']);
    expect(options(['public', 'restricted', 'confidential'])).toEqual([
      'public',
      'restricted',
      'confidential',
    ]);
  });

  it('builds a valid corridor from the form, leaving empty fields out', () => {
    const values = { ...valuesOf('corridors', {}), name: 'Adré → Geneina', source: 'OCHA', fromSiteId: '' };
    const f = buildFeature('corridors', 'corridor_x', line, values);
    expect(f.properties).toEqual({
      id: 'corridor_x',
      name: 'Adré → Geneina',
      source: 'OCHA',
      sensitivity: 'public',
    });
    expect(validateFeature('corridors', f)).toEqual({});
  });

  it('puts the schema reasons next to the fields, and asks for a geometry', () => {
    const values = {
      ...valuesOf('corridors', {}),
      name: '',
      source: 'x',
      validFrom: '2024-05-01',
      validTo: '2024-01-01',
    };
    const errors = validateFeature('corridors', buildFeature('corridors', 'c1', line, values));
    expect(errors.name).toBe('is required');
    // The schemas check the order of dates once the fields themselves are valid.
    const dated = validateFeature(
      'corridors',
      buildFeature('corridors', 'c1', line, { ...values, name: 'A' }),
    );
    expect(dated.validTo).toBe('must be after validFrom (2024-05-01)');
    expect(validateFeature('corridors', buildFeature('corridors', 'c1', null, values))).toEqual({
      geometry: 'draw the feature on the map first',
    });
  });

  it('keeps properties the form does not show, and appends a changed crossing status', () => {
    const base = {
      id: 'x1',
      name: 'Adré',
      source: 'UNHCR',
      kind: 'international',
      countries: ['TCD', 'SDN'],
      statusHistory: [{ date: '2024-02-01', status: 'closed', source: 'UNHCR' }],
      note: 'kept',
    };
    const values: FormValues = { ...valuesOf('crossings', base), status: 'open' };
    expect(values.countries).toBe('TCD, SDN');
    const f = buildFeature(
      'crossings',
      'x1',
      { type: 'Point', coordinates: [22.4, 13.5] },
      values,
      base,
      '2024-08-16',
    );
    expect(f.properties.note).toBe('kept');
    expect(f.properties.statusHistory).toEqual([
      { date: '2024-02-01', status: 'closed', source: 'UNHCR' },
      { date: '2024-08-16', status: 'open', source: 'UNHCR' },
    ]);
    expect(validateFeature('crossings', f)).toEqual({});
  });

  it('maps issue fields onto form keys', () => {
    expect(formKeyOf('properties.actorIds[1]')).toBe('actorB');
    expect(formKeyOf('properties.statusHistory[0].source')).toBe('status');
    expect(formKeyOf('geometry.coordinates[0]')).toBe('geometry');
    expect(formKeyOf('properties.severity')).toBe('severity');
  });
});
