import type { ColumnType } from 'kysely';

/** The generated full-text columns of migration 0004: readable, never written. */
export type SearchVector = ColumnType<string, never, never>;

declare module './foundation.js' {
  interface DiscussionsTable {
    search: SearchVector;
  }
  interface CommentsTable {
    search: SearchVector;
  }
}

declare module './meetings.js' {
  interface MeetingsTable {
    search: SearchVector;
  }
}
