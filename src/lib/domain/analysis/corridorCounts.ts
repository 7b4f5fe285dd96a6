import type { CorridorReport } from '../schemas';

/** The corridors blocked and at risk in a list of corridor reports. */
export interface CorridorCounts {
  blocked: number;
  atRisk: number;
}

/** The last list counted and its counts, kept by the analyzer between analyses. */
export interface CorridorCountsMemo {
  last?: { list: readonly CorridorReport[]; counts: CorridorCounts };
}

/**
 * The counts of `corridors`, found from the last list's where the two are as long: only the places whose
 * report is another object are read, each taking its last report's status off and adding its new one's.
 * After a front line moves, a list of 50,000 corridors holds a few hundred new reports and keeps the others'
 * objects (corridors/evaluateCorridor.ts); reading each report's status, scattered over the heap, cost a
 * cache miss per corridor on every analysis, while comparing the two lists' places reads two arrays in
 * order. A report is never changed once made, so a kept object has its last status, and the counts, whole
 * numbers, come out the same as counting again.
 */
export function corridorCounts(
  corridors: readonly CorridorReport[],
  memo: CorridorCountsMemo = {},
): CorridorCounts {
  const last = memo.last;
  let counts: CorridorCounts;
  if (last && last.list.length === corridors.length) {
    const prev = last.list;
    let { blocked, atRisk } = last.counts;
    for (let i = 0; i < corridors.length; i++) {
      const c = corridors[i];
      const p = prev[i];
      if (c === p) continue;
      if (p.status === 'blocked') blocked--;
      else if (p.status === 'at_risk') atRisk--;
      if (c.status === 'blocked') blocked++;
      else if (c.status === 'at_risk') atRisk++;
    }
    counts = { blocked, atRisk };
  } else {
    counts = countAll(corridors);
  }
  memo.last = { list: corridors, counts };
  return { ...counts };
}

/** The counts read from every report. */
function countAll(corridors: readonly CorridorReport[]): CorridorCounts {
  const counts: CorridorCounts = { blocked: 0, atRisk: 0 };
  // An index loop: a for-of made an iterator result per corridor until the optimising compiler took over.
  for (let i = 0; i < corridors.length; i++) {
    const c = corridors[i];
    if (c.status === 'blocked') counts.blocked++;
    else if (c.status === 'at_risk') counts.atRisk++;
  }
  return counts;
}
