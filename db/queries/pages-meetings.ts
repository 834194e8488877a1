import { sql } from 'kysely';
import type { Db } from '../database.js';
import { splitSourceKey } from './source-key.js';

export interface MeetingListFilter {
  group?: string | undefined;
  year?: number | undefined;
  page: number;
  perPage: number;
}

export interface MeetingListRow {
  id: number;
  path: string;
  title: string | null;
  number: number | null;
  groupSlug: string | null;
  groupName: string | null;
  date: string | null;
  hasTranscript: boolean;
  mentionCount: number;
  parseError: string | null;
}

export interface MeetingGroupFacet {
  slug: string;
  name: string;
  count: number;
}

/** One page of meetings, newest first, with the total: two queries. */
export async function listMeetingsPage(db: Db, filter: MeetingListFilter): Promise<{ items: MeetingListRow[]; total: number }> {
  let base = db.selectFrom('meetings as m').where('m.removed_at', 'is', null);
  if (filter.group) base = base.where('m.group_slug', '=', filter.group);
  if (filter.year !== undefined) base = base.where('m.date', '>=', `${filter.year}-01-01`).where('m.date', '<', `${filter.year + 1}-01-01`);
  const [rows, count] = await Promise.all([
    base
      .select([
        'm.id', 'm.path', 'm.title', 'm.number', 'm.group_slug', 'm.group_name', 'm.date', 'm.parse_error',
        sql<boolean>`coalesce(jsonb_array_length(m.parsed->'transcriptBlocks') > 0, false)`.as('has_transcript'),
        sql<number>`(select count(distinct mm.discussion_id)::int from meeting_mentions mm where mm.meeting_id = m.id)`.as('mention_count'),
      ])
      .orderBy(sql`m.date desc nulls last`)
      .orderBy('m.id', 'desc')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: count.n,
    items: rows.map((r) => ({
      id: r.id,
      path: r.path,
      title: r.title,
      number: r.number,
      groupSlug: r.group_slug,
      groupName: r.group_name,
      date: r.date,
      hasTranscript: r.has_transcript,
      mentionCount: r.mention_count,
      parseError: r.parse_error,
    })),
  };
}

/** Every group with its meeting count and the years meetings span: one query. */
export async function findMeetingFacets(db: Db): Promise<{ groups: MeetingGroupFacet[]; years: number[] }> {
  const rows = await sql<{ slug: string; name: string | null; count: number; first: string | null; last: string | null }>`
    select group_slug as slug, max(group_name) as name, count(*)::int as count, min(date) as first, max(date) as last
    from meetings where removed_at is null and group_slug is not null
    group by group_slug order by max(group_name), group_slug`.execute(db);
  const groups = rows.rows.map((r) => ({ slug: r.slug, name: r.name ?? r.slug, count: r.count }));
  const firsts = rows.rows.map((r) => Number(r.first?.slice(0, 4))).filter(Number.isFinite);
  const lasts = rows.rows.map((r) => Number(r.last?.slice(0, 4))).filter(Number.isFinite);
  const years: number[] = [];
  if (firsts.length && lasts.length) {
    for (let year = Math.max(...lasts); year >= Math.min(...firsts); year -= 1) years.push(year);
  }
  return { groups, years };
}

export interface MeetingPageRow {
  id: number;
  path: string;
  title: string | null;
  number: number | null;
  groupSlug: string | null;
  groupName: string | null;
  date: string | null;
  time: string | null;
  recordingUrl: string | null;
  raw: string | null;
  /** The stored ParsedMeeting (without raw); shape checked by the presenter. */
  parsed: unknown;
  parseError: string | null;
  removedAt: Date | null;
  source: string;
}

export interface MeetingMentionRow {
  owner: string;
  repo: string;
  number: number;
  title: string;
  kind: string;
  confidence: number;
  heading: string | null;
  speaker: string | null;
  timestamp: string | null;
  excerpt: string;
  spanStart: number;
  spanEnd: number;
}

/** One meeting with its mentions: two queries. */
export async function findMeetingPage(db: Db, id: number): Promise<{ meeting: MeetingPageRow; mentions: MeetingMentionRow[] } | null> {
  const [row, mentions] = await Promise.all([
    db
      .selectFrom('meetings as m')
      .innerJoin('sources as s', 's.id', 'm.source_id')
      .select([
        'm.id', 'm.path', 'm.title', 'm.number', 'm.group_slug', 'm.group_name', 'm.date', 'm.time', 'm.recording_url',
        'm.raw', 'm.parsed', 'm.parse_error', 'm.removed_at', 's.key',
      ])
      .where('m.id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('meeting_mentions as mm')
      .innerJoin('discussions as d', 'd.id', 'mm.discussion_id')
      .innerJoin('sources as s', 's.id', 'd.source_id')
      .select(['s.key', 'd.number', 'd.title', 'mm.kind', 'mm.confidence', 'mm.heading', 'mm.speaker', 'mm.timestamp', 'mm.excerpt', 'mm.span_start', 'mm.span_end'])
      .where('mm.meeting_id', '=', id)
      .orderBy('mm.span_start')
      .execute(),
  ]);
  if (!row) return null;
  return {
    meeting: {
      id: row.id,
      path: row.path,
      title: row.title,
      number: row.number,
      groupSlug: row.group_slug,
      groupName: row.group_name,
      date: row.date,
      time: row.time,
      recordingUrl: row.recording_url,
      raw: row.raw,
      parsed: row.parsed,
      parseError: row.parse_error,
      removedAt: row.removed_at,
      source: row.key,
    },
    mentions: mentions.map((m) => {
      const { owner, repo } = splitSourceKey(m.key);
      return {
        owner,
        repo,
        number: m.number,
        title: m.title,
        kind: m.kind,
        confidence: m.confidence,
        heading: m.heading,
        speaker: m.speaker,
        timestamp: m.timestamp,
        excerpt: m.excerpt,
        spanStart: m.span_start,
        spanEnd: m.span_end,
      };
    }),
  };
}
