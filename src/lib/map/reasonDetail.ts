// A reason's detail (which incident, how far, since when) in the reader's language.
//
// The analysis (a pure domain module shared with the CLI, the API and the feeds) writes each reason's detail
// as an English sentence, and the report's bytes must not depend on who reads it. Its sentences have a fixed
// shape per reason code (src/lib/domain/analysis/hazards, access, routing, corridors), so the interface reads
// the facts back out of that sentence (names and sources as written in the data, dates, distances, counts)
// and writes them again from the messages `rd_*`, with dates through formatDate and numbers through
// formatNumber. English keeps the analysis's own sentence. A sentence of a shape this module does not know
// (the analysis's wording changed) is shown as written, marked English: `tests/unit/reason-detail.test.ts`
// checks that every reason of the scenario's reports is recognised, so a change of wording fails there first.
import type { ReasonCode } from '$lib/domain/schemas';
import { formatDate, formatNumber, intlLocale } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

/** A detail as the interface shows it; `lang: 'en'` when it is the analysis's English sentence. */
export interface ReasonDetail {
  text: string;
  lang?: 'en';
}

type Words = (o: { locale: Locale }) => string;
type Shape = { re: RegExp; write: (g: string[], locale: Locale) => string | undefined };

const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const KM = '(\\d+(?:\\.\\d+)?) km';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const km = (value: string, locale: Locale) =>
  m.km({ value: formatNumber(Number(value), 3, locale) }, { locale });
const num = (value: string, locale: Locale) => formatNumber(Number(value), 0, locale);
const date = (iso: string, locale: Locale) => formatDate(iso, locale);
/** A word of a closed set, or undefined (the sentence is then not recognised). */
const word = (table: Record<string, Words>, key: string, locale: Locale) => table[key]?.({ locale });

const CROSSING_KIND: Record<string, Words> = {
  international: (o) => m.rd_kind_international({}, o),
  crossline: (o) => m.rd_kind_crossline({}, o),
};
const CROSSING_STATUS: Record<string, Words> = {
  closed: (o) => m.change_status_closed({}, o),
  restricted: (o) => m.change_status_restricted({}, o),
};
const ROAD_CLASS: Record<string, Words> = {
  primary: (o) => m.rd_road_primary({}, o),
  secondary: (o) => m.rd_road_secondary({}, o),
  track: (o) => m.rd_road_track({}, o),
};
const VERIFICATION: Record<string, Words> = {
  verified: (o) => m.rd_verified({}, o),
  unverified: (o) => m.rd_unverified({}, o),
  disputed: (o) => m.rd_disputed({}, o),
};
// The analysis writes a kind or category with spaces for its underscores ("bridge out").
const CONSTRAINT_KIND: Record<string, Words> = {
  flood: (o) => m.rd_constraint_flood({}, o),
  'bridge out': (o) => m.rd_constraint_bridge_out({}, o),
  checkpoint: (o) => m.rd_constraint_checkpoint({}, o),
  minefield: (o) => m.rd_constraint_minefield({}, o),
  curfew: (o) => m.rd_constraint_curfew({}, o),
  terrain: (o) => m.rd_constraint_terrain({}, o),
  other: (o) => m.rd_constraint_other({}, o),
  siege: (o) => m.rd_constraint_siege({}, o),
};
const INCIDENT_CATEGORY: Record<string, Words> = {
  'denial of need': (o) => m.incident_denial_of_need({}, o),
  'restriction of access to services': (o) => m.incident_restriction_of_access_to_services({}, o),
  'entry impediment': (o) => m.incident_entry_impediment({}, o),
  'movement restriction': (o) => m.incident_movement_restriction({}, o),
  interference: (o) => m.incident_interference({}, o),
  'violence against aid': (o) => m.incident_violence_against_aid({}, o),
  hostilities: (o) => m.incident_hostilities({}, o),
  'explosive hazards': (o) => m.incident_explosive_hazards({}, o),
  'physical environment': (o) => m.incident_physical_environment({}, o),
  'violence against civilians': (o) => m.incident_violence_against_civilians({}, o),
};
const SITE_STATUS: Record<string, Words> = {
  emptied: (o) => m.statusword_emptied({}, o),
  destroyed: (o) => m.statusword_destroyed({}, o),
  closed: (o) => m.statusword_closed({}, o),
  relocated: (o) => m.statusword_relocated({}, o),
};

/** Every piece present, or undefined: a sentence missing a word of its closed sets is not recognised. */
function all<T extends Record<string, string | undefined>>(v: T): { [K in keyof T]: string } | undefined {
  return Object.values(v).every((x) => x !== undefined) ? (v as { [K in keyof T]: string }) : undefined;
}

const shape = (re: string, write: Shape['write']): Shape => ({ re: new RegExp(`^${re}$`), write });

// Front lines are named `"name" (actor / actor)` (frontlineLabel in hazards/evaluateEdgeHazards.ts).
const FRONT = '"(.*)" \\((.*) / (.*)\\)';

const crossing = shape(
  `passes (\\w+) crossing "(.*)", (closed|restricted)(?: since ${DATE}| \\(override\\))`,
  ([kind, name, status, since], l) => {
    const v = all({ kind: word(CROSSING_KIND, kind, l), name, status: word(CROSSING_STATUS, status, l) });
    if (!v) return undefined;
    return since
      ? m.rd_crossing_since({ ...v, date: date(since, l) }, { locale: l })
      : m.rd_crossing_override(v, { locale: l });
  },
);
const frontlineBuffer = shape(`within ${KM} of front line ${FRONT}`, ([d, name, a, b], l) =>
  m.rd_frontline_buffer({ km: km(d, l), name, a, b }, { locale: l }),
);
const frontlineCrossing = shape(
  `crosses front line ${FRONT} with no open crossline crossing within ${KM}`,
  ([name, a, b, d], l) => m.rd_frontline_crossing({ name, a, b, km: km(d, l) }, { locale: l }),
);
const incident = shape(
  `within ${KM} of severity (\\d) ([a-z ]+) incident "(.*)" on ${DATE} \\((\\w+)\\)`,
  ([d, severity, category, name, on, verification], l) => {
    const v = all({
      category: word(INCIDENT_CATEGORY, category, l),
      verification: word(VERIFICATION, verification, l),
    });
    return v && m.rd_incident({ ...v, km: km(d, l), severity, name, date: date(on, l) }, { locale: l });
  },
);
const siege = shape(
  `crosses the ring of siege "(.*)" by (.*?)(?: since ${DATE})?`,
  ([name, actor, since], l) =>
    since
      ? m.rd_siege_since({ name, actor, date: date(since, l) }, { locale: l })
      : m.rd_siege({ name, actor }, { locale: l }),
);
const seasonal = shape(`(\\w+) road "(.*)" is impassable in (\\w+)`, ([cls, name, month], l) => {
  const i = MONTHS.indexOf(month);
  const road = word(ROAD_CLASS, cls, l);
  if (i < 0 || !road) return undefined;
  const monthName = new Intl.DateTimeFormat(intlLocale(l), { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, i, 1),
  );
  return m.rd_seasonal({ road, name, month: monthName }, { locale: l });
});
const constraint = (severe: boolean) =>
  severe
    ? shape(`hit by severity (\\d) ([a-z ]+) "(.*)" \\(within ${KM}\\)`, ([severity, kind, name, d], l) => {
        const k = word(CONSTRAINT_KIND, kind, l);
        return k && m.rd_constraint_severe({ severity, kind: k, name, km: km(d, l) }, { locale: l });
      })
    : shape(`within ${KM} of severity (\\d) ([a-z ]+) "(.*)"`, ([d, severity, kind, name], l) => {
        const k = word(CONSTRAINT_KIND, kind, l);
        return k && m.rd_constraint_nearby({ severity, kind: k, name, km: km(d, l) }, { locale: l });
      });
const offNetwork = [
  shape(`no road within ${KM}`, ([d], l) => m.rd_no_road_within({ km: km(d, l) }, { locale: l })),
  shape(`no road within ${KM} on this date`, ([d], l) =>
    m.rd_no_road_within_on_date({ km: km(d, l) }, { locale: l }),
  ),
  shape('the crossing is not on a road that exists on this date', (_, l) =>
    m.rd_crossing_off_road({}, { locale: l }),
  ),
];
const noRoad = [
  shape('no supply hub lies on the road network on this date', (_, l) => m.rd_no_hub({}, { locale: l })),
  shape('no road links it to a supply hub abroad that may be used', (_, l) =>
    m.rd_no_hub_abroad({}, { locale: l }),
  ),
  shape('no road links it to a supply hub of (.*) that may be used', ([country], l) =>
    m.rd_no_hub_of({ country }, { locale: l }),
  ),
  shape('no road links the two points', (_, l) => m.rd_no_road_points({}, { locale: l })),
  shape('no road links (.*?) and (.*)', ([a, b], l) => m.rd_no_road_between({ a, b }, { locale: l })),
];
const massViolence = [
  shape(
    `(?:inside|${KM} from) "(.*)", taken by (.*) on ${DATE} from (.*); \\3 has (\\d+) recorded incidents? of violence against civilians \\(severity ≥ (\\d)\\) in (\\d+) days`,
    ([d, name, taker, on, from, count, severity, days], l) => {
      const facts = {
        name,
        taker,
        date: date(on, l),
        // Several earlier holders are joined by " and ", which actors' names may contain too: as written.
        from,
        count: num(count, l),
        severity,
        days: num(days, l),
      };
      return d === undefined
        ? m.rd_taken_inside(facts, { locale: l })
        : m.rd_taken_near({ ...facts, km: km(d, l) }, { locale: l });
    },
  ),
  shape(
    `latest violence against civilians by (.*): "(.*)" on ${DATE} \\(severity (\\d)\\)`,
    ([taker, name, on, severity], l) =>
      m.rd_latest_violence({ taker, name, date: date(on, l), severity }, { locale: l }),
  ),
];

/** The sentence shapes of each reason code; typed so that a new code needs its shapes here. */
export const DETAIL_SHAPES: Record<ReasonCode, readonly Shape[]> = {
  frontline_crossing: [frontlineCrossing],
  denied_area: [
    shape('inside "(.*)", held by (.*), which denies humanitarian access', ([name, actor], l) =>
      m.rd_denied_area({ name, actor }, { locale: l }),
    ),
  ],
  incident_severe: [incident],
  seasonal_closure: [seasonal],
  constraint_severe: [constraint(true)],
  crossing_closed: [crossing],
  siege: [siege],
  frontline_buffer: [frontlineBuffer],
  contested_area: [
    shape('inside contested area "(.*)" \\((.*)\\)', ([name, actor], l) =>
      m.rd_contested_area({ name, actor }, { locale: l }),
    ),
  ],
  incident_nearby: [incident],
  constraint_nearby: [constraint(false)],
  crossing_restricted: [crossing],
  protection_frontline: [
    shape(`${KM} from front line ${FRONT} \\(radius ${KM}\\)`, ([d, name, a, b, radius], l) =>
      m.rd_protection_frontline({ km: km(d, l), name, a, b, radius: km(radius, l) }, { locale: l }),
    ),
  ],
  protection_contested_area: [
    shape('inside contested area "(.*)"', ([name], l) =>
      m.rd_protection_contested_area({ name }, { locale: l }),
    ),
  ],
  protection_incidents: [
    shape(
      `severity (\\d) incident "(.*)" on ${DATE}, ${KM} away: one of (\\d+) within ${KM} in (\\d+) days`,
      ([severity, name, on, d, count, radius, days], l) =>
        m.rd_protection_incidents(
          {
            severity,
            name,
            date: date(on, l),
            km: km(d, l),
            count: num(count, l),
            radius: km(radius, l),
            days: num(days, l),
          },
          { locale: l },
        ),
    ),
  ],
  protection_besieged: [
    shape(`besieged by (.*?)(?: since ${DATE})?`, ([actor, since], l) =>
      since
        ? m.rd_besieged_since({ actor, date: date(since, l) }, { locale: l })
        : m.rd_besieged({ actor }, { locale: l }),
    ),
  ],
  protection_mass_violence: massViolence,
  famine: [
    shape(`famine finding on ${DATE} \\((.*)\\), valid until ${DATE}`, ([on, source, until], l) =>
      m.rd_famine_finding({ date: date(on, l), source, until: date(until, l) }, { locale: l }),
    ),
    shape(`IPC phase 5 on ${DATE} \\((.*)\\), valid until ${DATE}`, ([on, source, until], l) =>
      m.rd_ipc5({ date: date(on, l), source, until: date(until, l) }, { locale: l }),
    ),
  ],
  off_network: offNetwork,
  no_road_connection: noRoad,
  site_besieged: [
    shape(
      `inside the ring of siege "(.*)" by (.*?)(?: since ${DATE})?: no convoy may pass it`,
      ([name, actor, since], l) =>
        since
          ? m.rd_site_besieged_since({ name, actor, date: date(since, l) }, { locale: l })
          : m.rd_site_besieged({ name, actor }, { locale: l }),
    ),
  ],
  site_inactive: [
    shape(`(\\w+) since ${DATE} \\((.*)\\); people moved to (.*)`, ([status, since, source, moved], l) => {
      const s = word(SITE_STATUS, status, l);
      return s && m.rd_site_inactive_moved({ status: s, date: date(since, l), source, moved }, { locale: l });
    }),
    shape(`(\\w+) since ${DATE} \\((.*)\\)`, ([status, since, source], l) => {
      const s = word(SITE_STATUS, status, l);
      return s && m.rd_site_inactive({ status: s, date: date(since, l), source }, { locale: l });
    }),
  ],
  crossline_needed: [
    shape(
      'the road from a hub of (.*) passes the front line at crossline crossing "(.*)"',
      ([country, name], l) => m.rd_crossline_needed({ country, name }, { locale: l }),
    ),
  ],
};

/**
 * The detail of reason `r` in `locale`: the analysis's own sentence in English; in another language the same
 * facts in its words, or the English sentence marked `lang: 'en'` when its shape is not one of DETAIL_SHAPES.
 */
export function reasonDetail(
  r: { code: string; detail: string },
  locale: Locale = getLocale(),
): ReasonDetail {
  if (locale === 'en') return { text: r.detail };
  for (const s of DETAIL_SHAPES[r.code as ReasonCode] ?? []) {
    const match = s.re.exec(r.detail);
    if (!match) continue;
    const text = s.write(match.slice(1), locale);
    if (text !== undefined) return { text };
  }
  return { text: r.detail, lang: 'en' };
}
