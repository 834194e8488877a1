import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../database.js';
import type { Database, MeetingsTable } from '../schema/index.js';
import type { ParsedMeeting } from '../../sync/parse/types.js';

type Executor = Db | Transaction<Database>;

export interface StoredMeetingFile {
  id: number;
  path: string;
  contentHash: string;
  removed: boolean;
  failed: boolean;
}

export async function listStoredMeetingFiles(db: Executor, sourceId: number): Promise<StoredMeetingFile[]> {
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'path', 'content_hash', 'removed_at', 'parse_error'])
    .where('source_id', '=', sourceId)
    .execute();
  return rows.map((r) => ({ id: r.id, path: r.path, contentHash: r.content_hash, removed: r.removed_at !== null, failed: r.parse_error !== null }));
}

function int32OrNull(n: number | null): number | null {
  return n !== null && Number.isSafeInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : null;
}

/** Stores a freshly parsed file: clears any earlier error or removal, and marks the meeting for matching. */
export async function upsertParsedMeeting(
  db: Executor,
  sourceId: number,
  file: { path: string; contentHash: string; commit: string | null },
  meeting: ParsedMeeting,
  at: Date,
): Promise<number> {
  const { raw, ...parsed } = meeting;
  const values = {
    content_hash: file.contentHash,
    commit: file.commit,
    title: meeting.title,
    number: int32OrNull(meeting.number),
    group_slug: meeting.group.slug,
    group_name: meeting.group.name,
    group_kind: meeting.group.kind,
    date: meeting.date,
    time: meeting.time,
    recording_url: meeting.recordingUrl,
    committee: JSON.stringify(meeting.committee),
    participants: JSON.stringify(meeting.participants),
    agenda: JSON.stringify(meeting.agenda),
    action_items: JSON.stringify(meeting.actionItems),
    parsed: JSON.stringify(parsed),
    raw,
    parse_error: null,
    parsed_at: at,
    removed_at: null,
    matched_inputs: null,
    updated_at: at,
  };
  const row = await db
    .insertInto('meetings')
    .values({ source_id: sourceId, path: file.path, ...values })
    .onConflict((oc) => oc.columns(['source_id', 'path']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Records a file that could not be read or parsed. A meeting parsed before keeps its last good parse (and its
 * mentions); a new file gets a row with the error and whatever text could be read.
 */
export async function recordMeetingFailure(
  db: Executor,
  sourceId: number,
  file: { path: string; contentHash: string; commit: string | null },
  error: string,
  rawText: string | null,
  at: Date,
): Promise<number> {
  const row = await db
    .insertInto('meetings')
    .values({ source_id: sourceId, path: file.path, content_hash: file.contentHash, commit: file.commit, raw: rawText, parse_error: error, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['source_id', 'path']).doUpdateSet({ content_hash: file.contentHash, commit: file.commit, parse_error: error, removed_at: null, updated_at: at }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks files that left the source; rows, parses and mentions stay for history. */
export async function markMeetingsRemoved(db: Executor, sourceId: number, paths: string[], at: Date): Promise<number> {
  let removed = 0;
  for (let i = 0; i < paths.length; i += 500) {
    const rows = await db
      .updateTable('meetings')
      .set({ removed_at: at, updated_at: at })
      .where('source_id', '=', sourceId)
      .where('path', 'in', paths.slice(i, i + 500))
      .where('removed_at', 'is', null)
      .returning('id')
      .execute();
    removed += rows.length;
  }
  return removed;
}

export interface MeetingFilter {
  group?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  perPage: number;
}

export interface MeetingListRow {
  id: number;
  source: string;
  path: string;
  groupSlug: string | null;
  groupName: string | null;
  groupKind: string | null;
  title: string | null;
  number: number | null;
  date: string | null;
  time: string | null;
  recordingUrl: string | null;
  parseError: string | null;
  mentionCount: number;
}

function filtered(db: Db, filter: Omit<MeetingFilter, 'page' | 'perPage'>) {
  let q = db.selectFrom('meetings as m').innerJoin('sources as s', 's.id', 'm.source_id').where('m.removed_at', 'is', null);
  if (filter.group) q = q.where('m.group_slug', '=', filter.group.toLowerCase());
  if (filter.from) q = q.where('m.date', '>=', filter.from);
  if (filter.to) q = q.where('m.date', '<=', filter.to);
  return q;
}

/** Meetings newest first (files that never parsed, having no date, last); two queries. */
export async function listMeetings(db: Db, filter: MeetingFilter): Promise<{ items: MeetingListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select([
        'm.id',
        's.key',
        'm.path',
        'm.group_slug',
        'm.group_name',
        'm.group_kind',
        'm.title',
        'm.number',
        'm.date',
        'm.time',
        'm.recording_url',
        'm.parse_error',
      ])
      .select((eb) =>
        eb.selectFrom('meeting_mentions as mm').whereRef('mm.meeting_id', '=', 'm.id').select((e) => e.fn.countAll<number>().as('n')).as('mention_count'),
      )
      .orderBy(sql`m.date desc nulls last`)
      .orderBy('m.id', 'desc')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: count.n,
    items: rows.map((r) => ({
      id: r.id,
      source: r.key,
      path: r.path,
      groupSlug: r.group_slug,
      groupName: r.group_name,
      groupKind: r.group_kind,
      title: r.title,
      number: r.number,
      date: r.date,
      time: r.time,
      recordingUrl: r.recording_url,
      parseError: r.parse_error,
      mentionCount: r.mention_count ?? 0,
    })),
  };
}

export type MeetingRow = Omit<Selectable<MeetingsTable>, 'parsed' | 'search'> & { source: string };

/** One meeting with its source key, removed or not; without the parsed JSON. */
export async function findMeeting(db: Db, id: number): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('meetings as m')
    .innerJoin('sources as s', 's.id', 'm.source_id')
    .select([
      'm.id',
      'm.source_id',
      'm.path',
      'm.content_hash',
      'm.commit',
      'm.title',
      'm.number',
      'm.group_slug',
      'm.group_name',
      'm.group_kind',
      'm.date',
      'm.time',
      'm.recording_url',
      'm.committee',
      'm.participants',
      'm.agenda',
      'm.action_items',
      'm.raw',
      'm.parse_error',
      'm.parsed_at',
      'm.removed_at',
      'm.matched_inputs',
      'm.matched_at',
      'm.created_at',
      'm.updated_at',
      's.key as source',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export interface MeetingToMatch {
  id: number;
  parsedAt: Date;
  meeting: ParsedMeeting;
}

/** Parsed, present meetings whose mentions were not found with `inputsHash`, in id order after `afterId`. */
export async function listMeetingsToMatch(db: Executor, inputsHash: string, afterId: number, limit: number): Promise<MeetingToMatch[]> {
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'parsed_at', 'parsed', 'raw'])
    .where('removed_at', 'is', null)
    .where('parsed', 'is not', null)
    .where('parsed_at', 'is not', null)
    .where('raw', 'is not', null)
    .where((eb) => eb.or([eb('matched_inputs', 'is', null), eb('matched_inputs', '!=', inputsHash)]))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, parsedAt: r.parsed_at!, meeting: { ...(r.parsed as Omit<ParsedMeeting, 'raw'>), raw: r.raw! } }));
}

/** Makes every present meeting due for matching (a forced full pass). */
export async function clearMeetingMatches(db: Executor): Promise<number> {
  const rows = await db.updateTable('meetings').set({ matched_inputs: null }).where('removed_at', 'is', null).returning('id').execute();
  return rows.length;
}
