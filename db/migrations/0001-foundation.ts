import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sources (
      id serial primary key,
      kind text not null check (kind in ('discussions', 'meetings')),
      key text not null,
      watermark timestamptz,
      last_full_sync_at timestamptz,
      resume jsonb,
      rate_limited_until timestamptz,
      last_commit text,
      created_at timestamptz not null default now(),
      unique (kind, key)
    );

    create table authors (
      login text primary key,
      type text,
      url text,
      first_seen_at timestamptz not null default now()
    );

    create table categories (
      id serial primary key,
      source_id integer not null references sources(id),
      node_id text not null,
      name text not null,
      slug text not null,
      is_answerable boolean not null default false,
      raw jsonb not null,
      unique (source_id, node_id)
    );

    create table labels (
      id serial primary key,
      source_id integer not null references sources(id),
      name text not null,
      color text,
      unique (source_id, name)
    );

    create table discussions (
      id serial primary key,
      source_id integer not null references sources(id),
      node_id text not null,
      database_id bigint,
      number integer not null,
      title text not null,
      body text not null,
      url text not null,
      author_login text references authors(login),
      category_id integer references categories(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      last_edited_at timestamptz,
      closed boolean not null default false,
      closed_at timestamptz,
      state_reason text,
      is_answered boolean,
      answer_node_id text,
      locked boolean not null default false,
      upvote_count integer not null default 0,
      comment_count integer not null default 0,
      removed_at timestamptz,
      removed_reason text,
      raw jsonb not null,
      synced_at timestamptz not null,
      unique (source_id, number)
    );
    create index discussions_updated_at on discussions (updated_at desc);
    create index discussions_author on discussions (author_login);

    create table discussion_labels (
      discussion_id integer not null references discussions(id) on delete cascade,
      label_id integer not null references labels(id),
      primary key (discussion_id, label_id)
    );

    create table comments (
      id serial primary key,
      discussion_id integer not null references discussions(id),
      node_id text not null unique,
      database_id bigint,
      parent_node_id text,
      author_login text references authors(login),
      body text not null,
      url text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      last_edited_at timestamptz,
      is_answer boolean not null default false,
      is_minimized boolean not null default false,
      minimized_reason text,
      upvote_count integer not null default 0,
      deleted_at timestamptz,
      removed_at timestamptz,
      raw jsonb not null
    );
    create index comments_discussion on comments (discussion_id, created_at);
    create index comments_parent on comments (parent_node_id);
    create index comments_author on comments (author_login);

    create table edits (
      id serial primary key,
      discussion_id integer not null references discussions(id),
      node_id text not null unique,
      edited_at timestamptz not null,
      editor_login text,
      diff text,
      deleted_at timestamptz,
      raw jsonb not null
    );
    create index edits_discussion on edits (discussion_id, edited_at);

    create table discussion_events (
      id serial primary key,
      discussion_id integer not null references discussions(id),
      at timestamptz not null,
      type text not null,
      details jsonb not null
    );
    create index discussion_events_discussion on discussion_events (discussion_id, at);

    create table sync_runs (
      id serial primary key,
      source_id integer not null references sources(id),
      source text not null,
      kind text not null,
      mode text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      status text not null,
      requests integer not null default 0,
      cost integer not null default 0,
      changed integer not null default 0,
      error text,
      rate_limited_until timestamptz,
      details jsonb
    );
    create index sync_runs_started on sync_runs (started_at desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table sync_runs; drop table discussion_events; drop table edits; drop table comments;
    drop table discussion_labels; drop table discussions; drop table labels; drop table categories;
    drop table authors; drop table sources;
  `.execute(db);
}
