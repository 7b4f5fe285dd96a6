import { z } from 'zod';
import {
  baseProperties,
  checkOldestFirst,
  checkValidityOrder,
  featureId,
  isoDate,
  severity,
  validity,
} from './common';
import {
  anyGeometry,
  featureOf,
  lineStringGeometry,
  multiLineStringGeometry,
  multiPolygonGeometry,
  pointGeometry,
  polygonGeometry,
} from './geometry';

const dated = baseProperties.extend(validity.shape);

// ---------- areas of control ----------
export const confidence = z.enum(['assessed', 'claimed', 'contested']);
export type Confidence = z.infer<typeof confidence>;
export const areaProperties = dated
  .extend({ actorId: featureId, confidence, validFrom: isoDate })
  .superRefine(checkValidityOrder);
export const areaFeature = featureOf(z.union([polygonGeometry, multiPolygonGeometry]), areaProperties);

// ---------- front lines ----------
export const frontlineProperties = dated
  .extend({
    /** The two actors the line stands between. */
    actorIds: z.tuple([featureId, featureId]),
    validFrom: isoDate,
  })
  .superRefine(checkValidityOrder);
export const frontlineFeature = featureOf(
  z.union([lineStringGeometry, multiLineStringGeometry]),
  frontlineProperties,
);

// ---------- sites ----------
export const siteKind = z.enum([
  'idp_camp',
  'refugee_camp',
  'town',
  'supply_hub',
  'airport',
  /** A hospital, clinic or health post: a place aid (medical supplies) goes to. */
  'health_facility',
]);
export type SiteKind = z.infer<typeof siteKind>;
export const ipcPhase = z.number().int().min(1).max(5);
/**
 * One dated observation of a site: the figures as of `date`, with their source. An IPC phase or famine
 * finding holds until `validTo` (exclusive; the end of its projection period) or, without it, for the
 * analysis's `findingValidityDays`, and in both cases only until a later figure with a phase or finding.
 */
export const siteFigure = z
  .object({
    date: isoDate,
    population: z.number().int().min(0).optional(),
    /** The range around `population` when the sources disagree (e.g. 500,000, with estimates to 1 million). */
    populationLow: z.number().int().min(0).optional(),
    populationHigh: z.number().int().min(0).optional(),
    ipcPhase: ipcPhase.optional(),
    famine: z.boolean().optional(),
    /** End of the projection period of the phase or famine finding (exclusive). */
    validTo: isoDate.optional(),
    source: z.string().min(1, 'must name the source of the figure'),
    note: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.validTo !== undefined && f.validTo <= f.date)
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: `must be after the figure's date (${f.date})`,
      });
    if (f.validTo !== undefined && f.ipcPhase === undefined && f.famine === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: 'ends an IPC phase or famine finding: give ipcPhase or famine with it',
      });
    const low = f.populationLow;
    const high = f.populationHigh;
    if ((low !== undefined || high !== undefined) && f.population === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [low !== undefined ? 'populationLow' : 'populationHigh'],
        message: 'is a range around population: give population with it',
      });
    if (low !== undefined && f.population !== undefined && low > f.population)
      ctx.addIssue({
        code: 'custom',
        path: ['populationLow'],
        message: `must not exceed population (${f.population})`,
      });
    if (high !== undefined && f.population !== undefined && high < f.population)
      ctx.addIssue({
        code: 'custom',
        path: ['populationHigh'],
        message: `must not be below population (${f.population})`,
      });
  });
export type SiteFigure = z.infer<typeof siteFigure>;

/** What happened to a site (DESIGN.md §2, site status): an emptied or destroyed camp is no place to reach. */
export const siteStatus = z.enum(['active', 'emptied', 'destroyed', 'closed', 'relocated']);
export type SiteStatus = z.infer<typeof siteStatus>;
/** One dated change of a site's status, with its source and, when known, where its people went. */
export const siteStatusEntry = z.object({
  date: isoDate,
  status: siteStatus,
  source: z.string().min(1, 'must name the source of the status'),
  note: z.string().optional(),
  /** Sites the people went to (ids of the sites layer), with how many when the source says. */
  movedTo: z
    .array(z.object({ siteId: featureId, population: z.number().int().min(0).optional() }))
    .optional(),
});
export type SiteStatusEntry = z.infer<typeof siteStatusEntry>;
export const siteProperties = dated
  .extend({
    kind: siteKind,
    /** ISO 3166-1 alpha-3 of the country the site is in. */
    country: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as SDN'),
    /** A supply hub convoys start from (kind `supply_hub`, or a town or airport used as one). */
    hub: z.boolean().default(false),
    /** Dated figures, oldest first: the map and the analysis use the latest one on the as-of date. */
    figures: z.array(siteFigure).default([]),
    /** Precision of the position in km, as given by the gazetteer. */
    precisionKm: z.number().min(0).optional(),
    /** Dated lifecycle, oldest first; before the first entry (and with none) the site is active. */
    statusHistory: z.array(siteStatusEntry).default([]),
  })
  .superRefine((p, ctx) => {
    checkValidityOrder(p, ctx);
    checkOldestFirst(p.figures, 'figures', 'figures must be oldest first', ctx);
    p.statusHistory.forEach((e, i) => {
      const prev = p.statusHistory[i - 1];
      if (prev && e.date <= prev.date)
        ctx.addIssue({
          code: 'custom',
          path: ['statusHistory', i, 'date'],
          message: `must be after the previous entry's date (${prev.date}): status history is oldest first, one entry a day`,
        });
    });
  });
export const siteFeature = featureOf(pointGeometry, siteProperties);

// ---------- crossings ----------
export const crossingKind = z.enum(['international', 'crossline']);
export const crossingStatus = z.enum(['open', 'restricted', 'closed']);
export type CrossingStatus = z.infer<typeof crossingStatus>;
export const crossingStatusEntry = z.object({
  date: isoDate,
  status: crossingStatus,
  source: z.string().min(1, 'must name the source of the status'),
  note: z.string().optional(),
});
export const crossingProperties = dated
  .extend({
    kind: crossingKind,
    /** ISO alpha-3 codes of the countries an international crossing joins (first: the side aid comes from). */
    countries: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .max(2)
      .default([]),
    /** For a crossline point: the two actors whose agreement it needs. */
    actorIds: z.array(featureId).max(2).default([]),
    /** Status history, oldest first. Before the first entry the crossing does not exist for the analysis. */
    statusHistory: z.array(crossingStatusEntry).min(1, 'needs at least one dated status'),
  })
  .superRefine((p, ctx) => {
    checkValidityOrder(p, ctx);
    checkOldestFirst(p.statusHistory, 'statusHistory', 'status history must be oldest first', ctx);
    if (p.kind === 'international' && p.countries.length !== 2)
      ctx.addIssue({
        code: 'custom',
        path: ['countries'],
        message: 'an international crossing names the two countries it joins',
      });
  });
export const crossingFeature = featureOf(pointGeometry, crossingProperties);

// ---------- roads ----------
export const roadClass = z.enum(['primary', 'secondary', 'track']);
export type RoadClass = z.infer<typeof roadClass>;
export const roadProperties = dated
  .extend({
    class: roadClass,
    /** Months (1–12) in which the road is impassable, e.g. the rainy season on wadi tracks. */
    impassableMonths: z
      .array(z.number().int().min(1).max(12))
      .default([])
      .refine((m) => new Set(m).size === m.length, 'lists a month twice'),
  })
  .superRefine(checkValidityOrder);
export const roadFeature = featureOf(lineStringGeometry, roadProperties);

// ---------- corridors ----------
export const corridorProperties = dated
  .extend({
    /** Site where the route starts (usually a hub) and the site it serves. */
    fromSiteId: featureId.optional(),
    toSiteId: featureId.optional(),
    description: z.string().optional(),
  })
  .superRefine(checkValidityOrder);
export const corridorFeature = featureOf(lineStringGeometry, corridorProperties);

// ---------- incidents ----------
/** ACAPS access-constraint categories (OCHA Access Monitoring and Reporting Framework), DESIGN.md §2. */
export const incidentCategory = z.enum([
  'denial_of_need',
  'restriction_of_access_to_services',
  'entry_impediment',
  'movement_restriction',
  'interference',
  'violence_against_aid',
  'hostilities',
  'explosive_hazards',
  'physical_environment',
  /** Attacks on civilians (ACLED "Violence against civilians"): with `actorId`, they feed the protection flag. */
  'violence_against_civilians',
]);
export type IncidentCategory = z.infer<typeof incidentCategory>;
export const verification = z.enum(['verified', 'unverified', 'disputed']);
export const incidentProperties = baseProperties.extend({
  date: isoDate,
  category: incidentCategory,
  severity,
  verification,
  description: z.string().optional(),
  fatalities: z.number().int().min(0).optional(),
  /** The perpetrator, an actor of scenario.json, when the source names one. */
  actorId: featureId.optional(),
});
export const incidentFeature = featureOf(pointGeometry, incidentProperties);

// ---------- constraints ----------
export const constraintKind = z.enum([
  'flood',
  'bridge_out',
  'checkpoint',
  'minefield',
  'curfew',
  'terrain',
  'other',
  /** A ring around a besieged place that convoys cannot pass (DESIGN.md §2, siege); needs `actorId`. */
  'siege',
]);
export const constraintProperties = dated
  .extend({
    kind: constraintKind,
    severity,
    validFrom: isoDate,
    description: z.string().optional(),
    /** For a siege: the besieging actor (an actor of scenario.json). */
    actorId: featureId.optional(),
  })
  .superRefine((p, ctx) => {
    checkValidityOrder(p, ctx);
    if (p.kind === 'siege' && p.actorId === undefined)
      ctx.addIssue({ code: 'custom', path: ['actorId'], message: 'a siege names the besieging actor' });
  });
export const constraintFeature = featureOf(anyGeometry, constraintProperties).superRefine((f, ctx) => {
  if (f.properties.kind === 'siege' && f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')
    ctx.addIssue({
      code: 'custom',
      path: ['geometry', 'type'],
      message: `a siege is the ring around the besieged place: must be Polygon or MultiPolygon, not ${f.geometry.type}`,
    });
});

// ---------- administrative boundaries ----------
/** Administrative level: 0 country, 1 state/province, 2 locality/district, 3–4 below (OCHA COD-AB). */
export const adminLevel = z.number().int().min(0).max(4);
/** One dated observation of an administrative area: displacement figures as of `date`, with their source. */
export const adminFigure = z.object({
  date: isoDate,
  idps: z.number().int().min(0).optional(),
  households: z.number().int().min(0).optional(),
  source: z.string().min(1, 'must name the source of the figure'),
  note: z.string().optional(),
});
export type AdminFigure = z.infer<typeof adminFigure>;
/** An OCHA P-code: the country's ISO alpha-2 code, then the codes of each level, e.g. `SD02001`. */
const pcode = z.string().regex(/^[A-Z]{2}[A-Z0-9]*$/, 'must be a P-code such as SD02 or SD02001');
/**
 * A reference layer (OCHA common operational datasets): boundaries that tables join to by P-code. The
 * access analysis does not use it; the map draws it as thin outlines under the other layers.
 */
export const adminProperties = dated
  .extend({
    /** The P-code, e.g. `SD02` (a state) or `SD02001` (a locality): the key tables join on. */
    pcode,
    level: adminLevel,
    parentPcode: pcode.optional(),
    /** Dated figures, oldest first. */
    figures: z.array(adminFigure).default([]),
  })
  .superRefine((p, ctx) => {
    checkValidityOrder(p, ctx);
    checkOldestFirst(p.figures, 'figures', 'figures must be oldest first', ctx);
  });
export const adminFeature = featureOf(z.union([polygonGeometry, multiPolygonGeometry]), adminProperties);

/** Every layer of a situation, with the schema of its features and the geometry types it allows. */
export const layerSchemas = {
  areas: areaFeature,
  frontlines: frontlineFeature,
  sites: siteFeature,
  crossings: crossingFeature,
  roads: roadFeature,
  corridors: corridorFeature,
  incidents: incidentFeature,
  constraints: constraintFeature,
  admin: adminFeature,
} as const;
export type LayerName = keyof typeof layerSchemas;

/** The geometry types each layer accepts, checked first so a wrong type gets one plain message. */
export const layerGeometryTypes: Record<LayerName, readonly string[]> = {
  areas: ['Polygon', 'MultiPolygon'],
  frontlines: ['LineString', 'MultiLineString'],
  sites: ['Point'],
  crossings: ['Point'],
  roads: ['LineString'],
  corridors: ['LineString'],
  incidents: ['Point'],
  constraints: ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
  admin: ['Polygon', 'MultiPolygon'],
};
export const layerNames = Object.keys(layerSchemas) as LayerName[];

export type AreaFeature = z.infer<typeof areaFeature>;
export type FrontlineFeature = z.infer<typeof frontlineFeature>;
export type SiteFeature = z.infer<typeof siteFeature>;
export type CrossingFeature = z.infer<typeof crossingFeature>;
export type RoadFeature = z.infer<typeof roadFeature>;
export type CorridorFeature = z.infer<typeof corridorFeature>;
export type IncidentFeature = z.infer<typeof incidentFeature>;
export type ConstraintFeature = z.infer<typeof constraintFeature>;
export type AdminFeature = z.infer<typeof adminFeature>;
