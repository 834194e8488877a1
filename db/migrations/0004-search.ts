import { sql, type Kysely } from 'kysely';

/**
 * Full-text search: a stored, generated tsvector per proposal, comment and meeting, each with a GIN
 * index. Texts are cut before indexing because PostgreSQL refuses a tsvector over 1 MB, and a
 * hostile multi-megabyte body must not make the sync's insert fail.
 * Also the indexes the pages' default orderings use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table discussions add column search tsvector generated always as (
      setweight(to_tsvector('english'::regconfig, left(title, 2000)), 'A') ||
      setweight(to_tsvector('english'::regconfig, left(body, 200000)), 'B')
    ) stored;
    create index discussions_search on discussions using gin (search);

    alter table comments add column search tsvector generated always as (
      to_tsvector('english'::regconfig, left(body, 200000))
    ) stored;
    create index comments_search on comments using gin (search);

    alter table meetings add column search tsvector generated always as (
      setweight(to_tsvector('english'::regconfig, left(coalesce(title, ''), 2000)), 'A') ||
      setweight(to_tsvector('english'::regconfig, left(coalesce(raw, ''), 400000)), 'B')
    ) stored;
    create index meetings_search on meetings using gin (search);

    create index discussions_created_at on discussions (created_at desc, id desc);
    -- Lets the queue's total be counted from the index alone instead of scanning wide rows.
    create index discussions_present on discussions (source_id, created_at) where removed_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index discussions_present;
    drop index discussions_created_at;
    alter table meetings drop column search;
    alter table comments drop column search;
    alter table discussions drop column search;
  `.execute(db);
}
