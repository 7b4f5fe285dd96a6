/**
 * Where each road of a network meets the others: `findRoadSplits`' cuts of each road, in road id order, before
 * any crossing or site cut it. They depend on the roads' lines and the snap tolerance alone, so a network built
 * again from the same roads after a crossing or a site changed takes them instead of noding every road again
 * (network/roadNetworkOf.ts). Packed in two typed arrays (road r's cuts are `pos[first[r] .. first[r + 1])`, in the
 * order they were found): about 1.7 MB at Sudan scale, where a list per road held 50,000 arrays.
 */
export interface RoadJoins {
  readonly first: Int32Array;
  readonly pos: Float64Array;
}

export function packJoins(splits: readonly (readonly number[])[]): RoadJoins {
  let total = 0;
  for (let r = 0; r < splits.length; r++) total += splits[r].length;
  const first = new Int32Array(splits.length + 1);
  const pos = new Float64Array(total);
  for (let r = 0, w = 0; r < splits.length; r++) {
    const list = splits[r];
    for (let i = 0; i < list.length; i++) pos[w++] = list[i];
    first[r + 1] = w;
  }
  return { first, pos };
}

/** Each road's cuts as a list of its own, the order kept: the build adds the crossings' and sites' cuts to them. */
export function unpackJoins(joins: RoadJoins): number[][] {
  const { first, pos } = joins;
  const splits: number[][] = [];
  for (let r = 0; r + 1 < first.length; r++) {
    const list: number[] = [];
    for (let i = first[r]; i < first[r + 1]; i++) list.push(pos[i]);
    splits.push(list);
  }
  return splits;
}
