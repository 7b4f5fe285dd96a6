import { describe, expect, it } from 'vitest';
import { exportReport } from '$lib/server/export/exportReport';
import { isFormatOf, layerFormats, reportFormatOr404 } from '$lib/server/export/formats';
import type { SituationStore } from '$lib/server/situation/situationStore';

describe('export formats', () => {
  it('knows a format by its own name only, not by what every object inherits', () => {
    expect(isFormatOf(layerFormats, 'gpx')).toBe(true);
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'xml'])
      expect(isFormatOf(layerFormats, name)).toBe(false);
  });

  it('answers a report format it does not have with a 404 naming the ones it has', async () => {
    expect(reportFormatOr404('the report', 'csv')).toBe('csv');
    const r = reportFormatOr404('the report', 'valueOf');
    expect(r).toBeInstanceOf(Response);
    expect((r as Response).status).toBe(404);
    expect(await (r as Response).json()).toMatchObject({
      code: 'NotFound',
      description: 'the report exports as json or csv, not "valueOf"',
    });
  });

  it('the report export refuses such a format before reading anything', async () => {
    // A store that fails if asked: the format is checked first.
    const store = new Proxy({} as SituationStore, {
      get: () => () => Promise.reject(new Error('the store was read')),
    });
    const url = new URL('http://localhost/export/report.toString');
    const r = await exportReport(store, null, new Request(url), url, 'toString');
    expect(r.status).toBe(404);
  });
});
