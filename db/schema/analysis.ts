import type { ColumnType } from 'kysely';
import type { Timestamp } from './foundation.js';

type JsonValue<T> = ColumnType<T, string, string>;

/** The stored result of `analyzeProposal` for one discussion, with the columns lists and filters need. */
export interface ProposalAnalysesTable {
  discussion_id: number;
  version: number;
  /** Fingerprint of every input the analysis read; equal fingerprint = nothing to recompute. */
  input_hash: string;
  analyzed_at: Timestamp;
  status: string;
  status_reason: string;
  /** [{ currency, amount }] */
  requested: JsonValue<{ currency: string; amount: number }[]>;
  open_question_count: number;
  question_count: number;
  mention_count: number;
  last_proposer_activity_at: Timestamp | null;
  last_committee_activity_at: Timestamp | null;
  last_mention_date: string | null;
  /** The whole ProposalAnalysis. */
  result: JsonValue<unknown>;
}

/** A person's decision on a proposal's status; kept apart so re-analysis never erases it. */
export interface StatusOverridesTable {
  discussion_id: number;
  status: string;
  reason: string;
  set_by: string;
  set_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One row: bumped by a trigger on every write that changes what pages show. */
export interface DataVersionTable {
  id: number;
  version: ColumnType<number, number, number>;
  changed_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AnalysisTables {
  data_version: DataVersionTable;
  proposal_analyses: ProposalAnalysesTable;
  status_overrides: StatusOverridesTable;
}
