import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table proposal_analyses (
      discussion_id integer primary key references discussions(id),
      version integer not null,
      input_hash text not null,
      analyzed_at timestamptz not null,
      status text not null,
      status_reason text not null,
      requested jsonb not null,
      open_question_count integer not null default 0,
      question_count integer not null default 0,
      mention_count integer not null default 0,
      last_proposer_activity_at timestamptz,
      last_committee_activity_at timestamptz,
      last_mention_date text,
      result jsonb not null
    );
    create index proposal_analyses_status on proposal_analyses (status);

    create table status_overrides (
      discussion_id integer primary key references discussions(id),
      status text not null,
      reason text not null,
      set_by text not null,
      set_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table status_overrides; drop table proposal_analyses;`.execute(db);
}
