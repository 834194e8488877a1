import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from './foundation.js';

type JsonList = JSONColumnType<unknown[], string, string>;

/**
 * One row per meeting file of a meetings source, kept when the file is deleted (`removed_at`).
 * A file that cannot be read or parsed keeps its last good parse and carries `parse_error`;
 * a file that never parsed has null parsed fields.
 */
export interface MeetingsTable {
  id: Generated<number>;
  source_id: number;
  path: string;
  /** `git:<blob id>` for git sources, `sha256:<hex>` for plain folders: what the file was last read as. */
  content_hash: string;
  /** The source commit the file was last read at (null for plain folders). */
  commit: string | null;
  title: string | null;
  number: number | null;
  group_slug: string | null;
  group_name: string | null;
  group_kind: string | null;
  /** ISO `YYYY-MM-DD` (text, so no time zone can shift it). */
  date: string | null;
  time: string | null;
  recording_url: string | null;
  committee: JsonList | null;
  participants: JsonList | null;
  agenda: JsonList | null;
  action_items: JsonList | null;
  /** The whole `ParsedMeeting` except `raw` (kept in its own column). */
  parsed: ColumnType<unknown, string | null, string | null> | null;
  raw: string | null;
  parse_error: string | null;
  parsed_at: Timestamp | null;
  removed_at: Timestamp | null;
  /** Hash of the proposal inputs the stored mentions were found with; null when the meeting needs matching. */
  matched_inputs: string | null;
  matched_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
}

export interface MeetingMentionsTable {
  id: Generated<number>;
  meeting_id: number;
  discussion_id: number;
  kind: 'link' | 'aep' | 'onchain' | 'name' | 'fuzzy_name';
  confidence: number;
  heading: string | null;
  speaker: string | null;
  timestamp: string | null;
  excerpt: string;
  matched_text: string;
  span_start: number;
  span_end: number;
}

export interface MeetingTables {
  meetings: MeetingsTable;
  meeting_mentions: MeetingMentionsTable;
}
