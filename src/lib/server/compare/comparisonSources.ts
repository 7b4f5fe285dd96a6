import { compareStrings } from '$lib/domain/analysis/sortById';
import type { DateComparison, Situation } from '$lib/domain/schemas';

/** One source the comparison rests on: a feature it names and where its data comes from. */
export interface ComparisonSource {
  id: string;
  name: string;
  source: string;
}

/**
 * The sources behind a comparison, for the page and the brief: each changed crossing's dated status entries
 * on both dates, then the source of every changed corridor and site (the feature's own `source`), in id
 * order, each text once per feature.
 */
export function comparisonSources(situation: Situation, c: DateComparison): ComparisonSource[] {
  const byId = new Map<string, { name: string; source: string }>();
  for (const layer of [situation.crossings, situation.corridors, situation.sites])
    for (const f of layer) byId.set(f.properties.id, f.properties);
  const out: ComparisonSource[] = [];
  for (const x of c.crossings) {
    const texts = [x.after?.source, x.before?.source].filter((s): s is string => !!s);
    for (const source of [...new Set(texts)]) out.push({ id: x.id, name: x.name, source });
  }
  for (const { id } of [...c.corridors, ...c.sites]) {
    const f = byId.get(id);
    if (f) out.push({ id, name: f.name, source: f.source });
  }
  return out.sort((a, b) => compareStrings(a.id, b.id));
}
