/**
 * The change feed (DESIGN.md §4): after every write, the statuses of corridors and crossings and the access
 * class of sites are compared with the last recording, and each change is stored with its reasons and
 * sensitivity; public feeds (Atom, JSON Feed) and `feed.list` serve them. README "Change feed" documents it.
 */
export { feedAsOf } from './asOf';
export { recordStatusChanges, type FeedTarget, type RecordOptions, type RecordResult } from './record';
export { recordAfterWrite } from './recordAfterWrite';
export { readChanges, DEFAULT_LIMIT, MAX_LIMIT, type ChangePage, type ChangeQuery } from './readChanges';
export { feedResponse, toEntry, type FeedFormat, type FeedRequest } from './respond';
export { subjectKinds, type ChangeCause, type StatusChange, type SubjectKind } from './types';
