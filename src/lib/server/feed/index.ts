/**
 * The change feed (DESIGN.md §4): after every write, the statuses of corridors and crossings and the access
 * class of sites are compared with the last recording, and each change is stored with its reasons and
 * sensitivity; public feeds (Atom, JSON Feed) and `feed.list` serve them. README "Change feed" documents it.
 */
export { feedAsOf } from './asOf';
export { recordStatusChanges, type FeedSource } from './record';
export { recordAfterWrite } from './recordAfterWrite';
export { readChanges, MAX_LIMIT } from './readChanges';
export { feedResponse, toEntry, type FeedFormat } from './respond';
export type { ChangeCause } from './types';
