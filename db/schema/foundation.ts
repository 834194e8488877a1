import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** timestamptz with a database default. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A column with a database default: optional on insert. */
export type WithDefault<T> = ColumnType<T, T | undefined, T>;
export type Json = JSONColumnType<object, string, string>;

export interface SourcesTable {
  id: Generated<number>;
  /** 'discussions' (owner/repo) or 'meetings' (git URL or folder). */
  kind: 'discussions' | 'meetings';
  key: string;
  /** Newest discussion updatedAt stored by a completed scan; the next scan stops just before it. */
  watermark: Timestamp | null;
  last_full_sync_at: Timestamp | null;
  /** Where an interrupted scan resumes: { mode, cursor, categoryIndex, newWatermark }. */
  resume: ColumnType<unknown, string | null, string | null> | null;
  rate_limited_until: Timestamp | null;
  /** Meetings: the last commit whose files were parsed. */
  last_commit: string | null;
  created_at: GeneratedTimestamp;
}

export interface AuthorsTable {
  login: string;
  type: string | null;
  url: string | null;
  first_seen_at: GeneratedTimestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  source_id: number;
  node_id: string;
  name: string;
  slug: string;
  is_answerable: WithDefault<boolean>;
  raw: Json;
}

export interface LabelsTable {
  id: Generated<number>;
  source_id: number;
  name: string;
  color: string | null;
}

export interface DiscussionLabelsTable {
  discussion_id: number;
  label_id: number;
}

export interface DiscussionsTable {
  id: Generated<number>;
  source_id: number;
  node_id: string;
  database_id: ColumnType<string | null, number | string | null, number | string | null>;
  number: number;
  title: string;
  body: string;
  url: string;
  author_login: string | null;
  category_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_edited_at: Timestamp | null;
  closed: WithDefault<boolean>;
  closed_at: Timestamp | null;
  state_reason: string | null;
  is_answered: boolean | null;
  answer_node_id: string | null;
  locked: WithDefault<boolean>;
  upvote_count: WithDefault<number>;
  comment_count: WithDefault<number>;
  /** Set when a full reconciliation no longer finds it; `removed_reason` says why. Never deleted. */
  removed_at: Timestamp | null;
  removed_reason: string | null;
  raw: Json;
  synced_at: Timestamp;
}

export interface CommentsTable {
  id: Generated<number>;
  discussion_id: number;
  node_id: string;
  database_id: ColumnType<string | null, number | string | null, number | string | null>;
  /** null for a top-level comment; the parent comment's node id for a reply. */
  parent_node_id: string | null;
  author_login: string | null;
  body: string;
  url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_edited_at: Timestamp | null;
  is_answer: WithDefault<boolean>;
  is_minimized: WithDefault<boolean>;
  minimized_reason: string | null;
  upvote_count: WithDefault<number>;
  /** GitHub's own tombstone (a deleted comment that still has replies). */
  deleted_at: Timestamp | null;
  /** Set when a full reconciliation no longer finds the comment. */
  removed_at: Timestamp | null;
  raw: Json;
}

export interface EditsTable {
  id: Generated<number>;
  discussion_id: number;
  node_id: string;
  edited_at: Timestamp;
  editor_login: string | null;
  /** The text GitHub returns as `diff` for this version. */
  diff: string | null;
  deleted_at: Timestamp | null;
  raw: Json;
}

export interface DiscussionEventsTable {
  id: Generated<number>;
  discussion_id: number;
  at: Timestamp;
  /** category_changed | removed | restored | comment_removed */
  type: string;
  details: Json;
}

export interface SyncRunsTable {
  id: Generated<number>;
  source_id: number;
  source: string;
  kind: 'discussions' | 'meetings';
  mode: 'incremental' | 'full';
  started_at: Timestamp;
  finished_at: Timestamp | null;
  /** running | ok | error | rate_limited | interrupted | skipped */
  status: string;
  requests: Generated<number>;
  cost: Generated<number>;
  changed: Generated<number>;
  error: string | null;
  rate_limited_until: Timestamp | null;
  details: ColumnType<unknown, string | undefined, string> | null;
}

export interface FoundationTables {
  sources: SourcesTable;
  authors: AuthorsTable;
  categories: CategoriesTable;
  labels: LabelsTable;
  discussion_labels: DiscussionLabelsTable;
  discussions: DiscussionsTable;
  comments: CommentsTable;
  edits: EditsTable;
  discussion_events: DiscussionEventsTable;
  sync_runs: SyncRunsTable;
}
