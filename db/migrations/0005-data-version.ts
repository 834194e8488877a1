import { sql, type Kysely } from 'kysely';

/** Tables whose changes change what a page shows. */
const WATCHED = [
  'discussions', 'comments', 'edits', 'labels', 'discussion_labels', 'categories', 'discussion_events',
  'meetings', 'meeting_mentions', 'proposal_analyses', 'status_overrides', 'sync_runs', 'sources',
];

/**
 * A single counter that every write to a watched table bumps (a statement-level trigger, so no
 * write path can forget it). Readers that cache rendered pages compare it to know they are stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_version (id integer primary key check (id = 1), version bigint not null, changed_at timestamptz not null);
    insert into data_version (id, version, changed_at) values (1, 1, now());
    create function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1, changed_at = now() where id = 1;
      return null;
    end $$;
  `.execute(db);
  for (const table of WATCHED) {
    await sql
      .raw(`create trigger ${table}_bumps_data_version after insert or update or delete on ${table} for each statement execute function bump_data_version()`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of WATCHED) await sql.raw(`drop trigger ${table}_bumps_data_version on ${table}`).execute(db);
  await sql`drop function bump_data_version(); drop table data_version;`.execute(db);
}
