// Administrative boundaries from the two global collections people download when OCHA has no COD for a
// country, or to compare: geoBoundaries (`shapeName`, `shapeISO`, `shapeID`, `shapeGroup`, `shapeType`) and
// GADM (`GID_0`, `NAME_1`, `GID_1`, …). Neither has OCHA P-codes, which the admin layer is keyed by, so a
// P-code-like key is made from the country's alpha-2 code and the collection's own id, and said so. Pure.
import { toAlpha2 } from './countryCodes';

export interface BoundaryValues {
  values: Record<string, unknown>;
  /** Which collection the feature is from, for the file-wide notice. */
  source: 'geoBoundaries' | 'GADM';
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * geoBoundaries: level from `shapeType` (`ADM2` → 2), the name from `shapeName`, the key from `shapeGroup`'s
 * alpha-2 code and `shapeID` (`TD` + `20612732B59432470631049`): `shapeISO` is empty below level 1 and its
 * hyphen is no P-code. geoBoundaries gives no parent: it is found by overlap (`adminParents.ts`).
 */
function geoBoundariesValues(p: Record<string, unknown>): BoundaryValues | undefined {
  const type = str(p.shapeType);
  const id = str(p.shapeID);
  const group = str(p.shapeGroup);
  if (!type || !id || !group || !/^ADM[0-4]$/i.test(type)) return undefined;
  const alpha2 = toAlpha2(group);
  if (!alpha2) return undefined;
  return {
    source: 'geoBoundaries',
    values: {
      name: str(p.shapeName),
      level: Number(type.slice(3)),
      pcode: `${alpha2}${id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
    },
  };
}

/** A GADM id (`TCD.1.2_1`) as a P-code-like key: alpha-2, then each level's number in two digits (`TD0102`). */
function gadmKey(gid: string): string | undefined {
  const m = /^([A-Z]{3})((?:\.\d+)*)(?:_\d+)?$/.exec(gid.trim().toUpperCase());
  const alpha2 = m ? toAlpha2(m[1]) : undefined;
  if (!m || !alpha2) return undefined;
  const parts = m[2].split('.').filter(Boolean);
  return `${alpha2}${parts.map((n) => n.padStart(2, '0')).join('')}`;
}

/** GADM: the deepest `GID_n` gives the level and key, `NAME_n` the name, `GID_(n-1)` the parent. */
function gadmValues(p: Record<string, unknown>): BoundaryValues | undefined {
  const level = [4, 3, 2, 1, 0].find((n) => str(p[`GID_${n}`]) !== undefined);
  if (level === undefined || str(p.GID_0) === undefined) return undefined;
  const pcode = gadmKey(String(p[`GID_${level}`]));
  if (!pcode) return undefined;
  const parent = level > 0 ? gadmKey(String(p[`GID_${level - 1}`] ?? '')) : undefined;
  return {
    source: 'GADM',
    values: {
      name: str(p[`NAME_${level}`]) ?? str(p.COUNTRY),
      level,
      pcode,
      ...(parent ? { parentPcode: parent } : {}),
    },
  };
}

/** The admin fields of a geoBoundaries or GADM feature, or undefined when it is neither. */
export function boundaryExportValues(p: Record<string, unknown>): BoundaryValues | undefined {
  return geoBoundariesValues(p) ?? gadmValues(p);
}
