import type { z } from 'zod';
import { geometryProblems } from '../geo/geometryProblems';
import { packPositions } from '../geo/packedPositions';
import { DataValidationError, pathToField, type ValidationIssue } from './issues';
import { layerGeometryTypes, layerNames, layerSchemas, type LayerName } from './layers';
import { scenarioSchema } from './scenario';
import type { Situation } from './situation';

type LayerFeature<L extends LayerName> = z.infer<(typeof layerSchemas)[L]>;

/**
 * Validates one layer given as a GeoJSON FeatureCollection. Returns the features that passed and every
 * issue found; the caller decides whether any issue is fatal. Input is not mutated.
 */
export function parseLayer<L extends LayerName>(
  file: string,
  layer: L,
  json: unknown,
): { features: LayerFeature<L>[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const features: LayerFeature<L>[] = [];
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== 'FeatureCollection'
  ) {
    issues.push({ file, field: 'type', reason: 'must be a GeoJSON FeatureCollection' });
    return { features, issues };
  }
  const list = (json as { features?: unknown }).features;
  if (!Array.isArray(list)) {
    issues.push({ file, field: 'features', reason: 'must be an array of features' });
    return { features, issues };
  }
  const schema = layerSchemas[layer];
  list.forEach((raw: unknown, index) => {
    const rawId = (raw as { properties?: { id?: unknown } } | null)?.properties?.id;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
    const geometryType = (raw as { geometry?: { type?: unknown } } | null)?.geometry?.type;
    const allowed = layerGeometryTypes[layer];
    if (typeof geometryType === 'string' && !allowed.includes(geometryType)) {
      issues.push({
        file,
        index,
        id,
        field: 'geometry.type',
        reason: `must be ${allowed.join(' or ')} in the ${layer} layer, not ${geometryType}`,
      });
      return;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const e of result.error.issues) {
        issues.push({ file, index, id, field: pathToField(e.path) || '(feature)', reason: e.message });
      }
      return;
    }
    const problems = geometryProblems(result.data.geometry as never);
    for (const p of problems) issues.push({ file, index, id, field: `geometry.${p.path}`, reason: p.reason });
    if (problems.length > 0) return;
    packPositions(result.data.geometry as never);
    features.push(result.data as LayerFeature<L>);
  });
  return { features, issues };
}

/** The files of a situation: the scenario and any subset of layers (a missing layer is empty). */
export interface SituationInput {
  scenario: { file: string; json: unknown };
  layers: Partial<Record<LayerName, { file: string; json: unknown }>>;
}

/**
 * Validates a whole situation: every layer, ids unique across layers, and references between layers
 * (actors of areas, front lines, sieges and incidents; sites of corridors and of a site's `movedTo`). Throws `DataValidationError` listing every issue.
 */
export function parseSituation(input: SituationInput): Situation {
  const issues: ValidationIssue[] = [];
  const scenarioResult = scenarioSchema.safeParse(input.scenario.json);
  if (!scenarioResult.success) {
    for (const e of scenarioResult.error.issues)
      issues.push({
        file: input.scenario.file,
        field: pathToField(e.path) || '(scenario)',
        reason: e.message,
      });
  }
  const layers = {} as { [L in LayerName]: LayerFeature<L>[] };
  const fileOf: Partial<Record<LayerName, string>> = {};
  for (const layer of layerNames) {
    const given = input.layers[layer];
    if (!given) {
      (layers as Record<LayerName, unknown[]>)[layer] = [];
      continue;
    }
    fileOf[layer] = given.file;
    const r = parseLayer(given.file, layer, given.json);
    issues.push(...r.issues);
    (layers as Record<LayerName, unknown[]>)[layer] = r.features;
  }
  if (!scenarioResult.success) throw new DataValidationError(issues);
  const scenario = scenarioResult.data;

  // Cross-layer checks: ids are unique across the situation because reasons name features by id alone.
  const actorIds = new Set(scenario.actors.map((a) => a.id));
  const seen = new Map<string, string>();
  for (const layer of layerNames) {
    const file = fileOf[layer] ?? layer;
    (layers[layer] as { properties: { id: string } }[]).forEach((f, index) => {
      const id = f.properties.id;
      const where = seen.get(id);
      if (where)
        issues.push({ file, index, id, field: 'properties.id', reason: `duplicates the id of ${where}` });
      else seen.set(id, `a feature in ${file}`);
    });
  }
  const siteIds = new Set(layers.sites.map((s) => s.properties.id));
  const knownActors = [...actorIds].sort().join(', ');
  const checkActor = (file: string, index: number, id: string, field: string, actor: string) => {
    if (!actorIds.has(actor))
      issues.push({
        file,
        index,
        id,
        field,
        reason: `names actor "${actor}", which scenario.json does not define (it defines: ${knownActors})`,
      });
  };
  layers.areas.forEach((f, i) =>
    checkActor(fileOf.areas!, i, f.properties.id, 'properties.actorId', f.properties.actorId),
  );
  layers.frontlines.forEach((f, i) =>
    f.properties.actorIds.forEach((a, j) =>
      checkActor(fileOf.frontlines!, i, f.properties.id, `properties.actorIds[${j}]`, a),
    ),
  );
  layers.crossings.forEach((f, i) =>
    f.properties.actorIds.forEach((a, j) =>
      checkActor(fileOf.crossings!, i, f.properties.id, `properties.actorIds[${j}]`, a),
    ),
  );
  // A siege and an incident's perpetrator name actors; a site's people moved to sites of the same layer.
  layers.constraints.forEach((f, i) => {
    const a = f.properties.actorId;
    if (a !== undefined) checkActor(fileOf.constraints!, i, f.properties.id, 'properties.actorId', a);
  });
  layers.incidents.forEach((f, i) => {
    const a = f.properties.actorId;
    if (a !== undefined) checkActor(fileOf.incidents!, i, f.properties.id, 'properties.actorId', a);
  });
  layers.sites.forEach((f, i) =>
    f.properties.statusHistory.forEach((e, j) =>
      (e.movedTo ?? []).forEach((m, k) => {
        if (!siteIds.has(m.siteId))
          issues.push({
            file: fileOf.sites!,
            index: i,
            id: f.properties.id,
            field: `properties.statusHistory[${j}].movedTo[${k}].siteId`,
            reason: `names site "${m.siteId}", which the sites layer does not contain`,
          });
        else if (m.siteId === f.properties.id)
          issues.push({
            file: fileOf.sites!,
            index: i,
            id: f.properties.id,
            field: `properties.statusHistory[${j}].movedTo[${k}].siteId`,
            reason: 'names the site itself: people moved to another site',
          });
      }),
    ),
  );
  layers.corridors.forEach((f, i) => {
    for (const key of ['fromSiteId', 'toSiteId'] as const) {
      const ref = f.properties[key];
      if (ref !== undefined && !siteIds.has(ref))
        issues.push({
          file: fileOf.corridors!,
          index: i,
          id: f.properties.id,
          field: `properties.${key}`,
          reason: `names site "${ref}", which the sites layer does not contain`,
        });
    }
  });
  if (issues.length > 0) throw new DataValidationError(issues);
  return { scenario, ...layers };
}
