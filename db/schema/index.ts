import type { FoundationTables } from './foundation.js';
import type { MeetingTables } from './meetings.js';
import type { AnalysisTables } from './analysis.js';

export type * from './foundation.js';
export type * from './meetings.js';
export type * from './analysis.js';
export type * from './search.js';

/** Every table the tracker stores; later migrations add their table interfaces here. */
export interface Database extends FoundationTables, MeetingTables, AnalysisTables {}
