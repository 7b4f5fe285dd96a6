// An area, front line, crossing, siege or incident names actors by id; an id the scenario does not define
// (`RSF` where the scenario says `rsf`) would draw an area nobody holds. Refused at import as when the
// scenario is loaded (`parseSituation`), with the known actors suggested. Pure.
import type { RowIssue } from './problems';

/** The actor ids a feature's properties name, each with its property path. */
function namedActors(p: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  if (typeof p.actorId === 'string') out.push(['properties.actorId', p.actorId]);
  if (Array.isArray(p.actorIds))
    p.actorIds.forEach((a, i) => {
      if (typeof a === 'string') out.push([`properties.actorIds[${i}]`, a]);
    });
  return out;
}

/**
 * Errors for each actor `properties` name that is not among `actors` (the scenario's ids); `origin` turns a
 * property path into the column or property it came from. Nothing when `actors` is not known.
 */
export function unknownActorIssues(
  properties: Record<string, unknown>,
  actors: readonly string[] | undefined,
  origin: (path: string) => string = (p) => p,
): RowIssue[] {
  if (!actors) return [];
  const known = new Set(actors);
  const list = [...actors].sort().join(', ');
  return namedActors(properties)
    .filter(([, actor]) => !known.has(actor))
    .map(([path, actor]) => {
      const close = actors.find((a) => a.toLowerCase() === actor.trim().toLowerCase());
      return {
        level: 'error' as const,
        code: 'unknown_actor',
        field: origin(path),
        message: `names actor "${actor}", which the scenario does not define (it defines: ${list})`,
        suggestion: close
          ? `write "${close}" (actor ids are written as the scenario writes them)`
          : `use one of the scenario's actors (${list}), or add the actor to the scenario first`,
      };
    });
}
