// The change feed's comparison and XML text: which level a change is recorded at, and what a feed reader
// gets for names with markup characters or characters XML cannot carry.
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { compareStatuses, toStored, type StoredStatuses } from '$lib/server/feed/compare';
import { xmlEscape } from '$lib/server/xml/xmlEscape';
import type { SubjectStatus } from '$lib/server/feed/types';

const corridor = (value: string, reasons: SubjectStatus['reasons'] = []): SubjectStatus => ({
  kind: 'corridor',
  id: 'cor_a',
  name: 'A → B',
  field: 'status',
  value,
  reasons,
});
const levels = (pub: SubjectStatus[], restricted: SubjectStatus[], all = restricted) => ({
  public: new Map(pub.map((s) => [`${s.kind}/${s.id}`, s])),
  restricted: new Map(restricted.map((s) => [`${s.kind}/${s.id}`, s])),
  all: new Map(all.map((s) => [`${s.kind}/${s.id}`, s])),
});
const stored = (l: ReturnType<typeof levels>) =>
  ({
    public: toStored(l.public),
    restricted: toStored(l.restricted),
    all: toStored(l.all),
  }) as Record<'public' | 'restricted' | 'all', StoredStatuses>;

describe('compareStatuses', () => {
  it('a change every level sees is recorded once, as public', () => {
    const before = stored(levels([corridor('open')], [corridor('open')]));
    const changes = compareStatuses(before, levels([corridor('blocked')], [corridor('blocked')]));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ before: 'open', after: 'blocked', sensitivity: 'public' });
  });

  it('a change only staff see is restricted; one only admins see is confidential', () => {
    const before = stored(levels([corridor('open')], [corridor('open')]));
    expect(compareStatuses(before, levels([corridor('open')], [corridor('at_risk')]))).toEqual([
      expect.objectContaining({ before: 'open', after: 'at_risk', sensitivity: 'restricted' }),
    ]);
    expect(
      compareStatuses(before, levels([corridor('open')], [corridor('open')], [corridor('blocked')])),
    ).toEqual([expect.objectContaining({ sensitivity: 'confidential' })]);
  });

  it('when staff see a different change than the public, both are recorded', () => {
    const before = stored(levels([corridor('open')], [corridor('at_risk')]));
    const changes = compareStatuses(before, levels([corridor('at_risk')], [corridor('blocked')]));
    expect(changes.map((c) => `${c.sensitivity}:${c.before}→${c.after}`)).toEqual([
      'public:open→at_risk',
      'restricted:at_risk→blocked',
    ]);
  });

  it('a subject that is not public never gets a public change', () => {
    const hidden = { ...corridor('open'), id: 'cor_hidden' };
    const changes = compareStatuses(
      stored(levels([], [hidden])),
      levels([], [{ ...hidden, value: 'blocked' }]),
    );
    expect(changes).toEqual([
      expect.objectContaining({ subjectId: 'cor_hidden', sensitivity: 'restricted' }),
    ]);
  });

  it('a site whose path changed says what it was reached through before', () => {
    const site = (value: string, detail?: string): SubjectStatus => ({
      kind: 'site',
      id: 's',
      name: 'Camp',
      field: 'access',
      value,
      reasons: [],
      ...(detail ? { context: { code: 'best_path', featureId: 'hub', detail } } : {}),
    });
    const before = stored(levels([site('cross_border_only', 'reached from "Hub" through "X"')], []));
    const [change] = compareStatuses(before, levels([site('cut_off')], []));
    expect(change.reasons).toEqual([
      { code: 'previous_path', featureId: 'hub', detail: 'until now reached from "Hub" through "X"' },
    ]);
  });
});

describe('xmlEscape', () => {
  it('escapes markup, keeps Arabic, drops characters XML cannot hold, and parses back to the same text', () => {
    const name = 'Adré & <Nyala> "a" \'b\' أدري\u0001\uFFFF';
    const xml = `<t a="${xmlEscape(name)}">${xmlEscape(name)}</t>`;
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(xml, 'application/xml');
    const expected = 'Adré & <Nyala> "a" \'b\' أدري';
    expect(doc.documentElement!.textContent).toBe(expected);
    expect(doc.documentElement!.getAttribute('a')).toBe(expected);
  });
});
