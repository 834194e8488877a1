import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table meetings (
      id serial primary key,
      source_id integer not null references sources(id),
      path text not null,
      content_hash text not null,
      commit text,
      title text,
      number integer,
      group_slug text,
      group_name text,
      group_kind text,
      date text check (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      time text,
      recording_url text,
      committee jsonb,
      participants jsonb,
      agenda jsonb,
      action_items jsonb,
      parsed jsonb,
      raw text,
      parse_error text,
      parsed_at timestamptz,
      removed_at timestamptz,
      matched_inputs text,
      matched_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null,
      unique (source_id, path)
    );
    create index meetings_listing on meetings (date desc nulls last, id desc) where removed_at is null;
    create index meetings_group on meetings (group_slug, date desc nulls last, id desc) where removed_at is null;

    create table meeting_mentions (
      id serial primary key,
      meeting_id integer not null references meetings(id) on delete cascade,
      discussion_id integer not null references discussions(id),
      kind text not null check (kind in ('link', 'aep', 'onchain', 'name', 'fuzzy_name')),
      confidence real not null check (confidence >= 0 and confidence <= 1),
      heading text,
      speaker text,
      timestamp text,
      excerpt text not null,
      matched_text text not null,
      span_start integer not null,
      span_end integer not null
    );
    create index meeting_mentions_meeting on meeting_mentions (meeting_id, span_start);
    create index meeting_mentions_discussion on meeting_mentions (discussion_id, meeting_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table meeting_mentions; drop table meetings;`.execute(db);
}
