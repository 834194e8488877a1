import { sql } from 'kysely';
import type { Db } from '../database.js';
import { splitSourceKey } from './source-key.js';

/** Marks around matched words in snippets: control characters, so the caller can escape the text first. */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

export type SearchHitKind = 'proposal' | 'comment' | 'meeting';

export interface SearchHit {
  kind: SearchHitKind;
  rank: number;
  at: Date | null;
  /** Plain text with MATCH_START/MATCH_END around matched words; not escaped. */
  snippet: string;
  proposal: { owner: string; repo: string; number: number; title: string } | null;
  comment: { nodeId: string; author: string | null } | null;
  meeting: {
    id: number;
    title: string | null;
    groupName: string | null;
    date: string | null;
    /** Where the query's first stem first occurs in the meeting's markdown (0-based, approximate). */
    position: number | null;
    /** `parsed.transcriptBlocks`, to turn the position into a timestamp; shape checked by the caller. */
    blocks: unknown;
  } | null;
}

interface RawHit {
  kind: SearchHitKind;
  rank: number;
  at: Date | null;
  total: number;
  snippet: string | null;
  key: string | null;
  number: number | null;
  title: string | null;
  comment_node_id: string | null;
  comment_author: string | null;
  meeting_id: number | null;
  meeting_title: string | null;
  group_name: string | null;
  meeting_date: string | null;
  position: number | null;
  blocks: unknown;
}

/** Matches ranked per kind; the total shown is then at most 3 × this. */
export const CANDIDATES = 100;

/** The text window a snippet is cut from: this much before the first match, this much in all. */
const WINDOW_BEFORE = 1500;
const WINDOW = 5000;
/** The first lexeme of a querytree such as `'valid' & 'incent'`. */
const FIRST_LEXEME = "'([^']+)'";

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over proposals, comments and meetings (notes and transcripts) with
 * `websearch_to_tsquery` syntax ("quoted phrases", -exclusions, or). Ranks all hits, then builds
 * snippets only for the requested page: one query.
 */
export async function searchEverything(db: Db, text: string, page: number, perPage: number): Promise<{ hits: SearchHit[]; total: number; capped: boolean }> {
  const result = await sql<RawHit>`
    with q as (select websearch_to_tsquery('english', ${text}) as query),
    -- Each kind ranks at most CANDIDATES matches: ranking reads every candidate's vector, so a query
    -- as common as "proposal" must not rank the whole table. Past that, refining the query helps.
    hits as (
      select 'proposal'::text as kind, x.id as ref_id, ts_rank(x.search, q.query) as rank, x.created_at as at
        from q, lateral (select d.id, d.search, d.created_at from discussions d
                         where d.search @@ q.query and d.removed_at is null limit ${CANDIDATES}) x
      union all
      select 'comment', x.id, ts_rank(x.search, q.query), x.created_at
        from q, lateral (select cm.id, cm.search, cm.created_at from comments cm
                         where cm.search @@ q.query and cm.removed_at is null and cm.deleted_at is null limit ${CANDIDATES}) x
      union all
      select 'meeting', x.id, ts_rank(x.search, q.query), x.date::timestamptz
        from q, lateral (select m.id, m.search, m.date from meetings m
                         where m.search @@ q.query and m.removed_at is null limit ${CANDIDATES}) x
    ),
    page as (
      select hits.*, count(*) over () as total from hits
      order by rank desc, at desc nulls last, kind, ref_id
      limit ${perPage} offset ${(page - 1) * perPage}
    ),
    -- ts_headline parses all the text it is given, so it gets a window around the first place the
    -- query's first stem occurs (stems are nearly always word prefixes), not a whole transcript.
    stem as (select (regexp_match(querytree(query)::text, ${FIRST_LEXEME}))[1] as s from q),
    snippets as (
      select page.*, coalesce(dp.id, cm.discussion_id) as discussion_id, cm.node_id as comment_node_id, cm.author_login as comment_author,
             m.id as meeting_id, m.title as meeting_title, m.group_name, m.date as meeting_date, w.pos - 1 as position,
             ts_headline('english', substr(t.text, greatest(1, w.pos - ${WINDOW_BEFORE}), ${WINDOW}), q.query, ${HEADLINE_OPTIONS}) as snippet,
             case when page.kind = 'meeting' then m.parsed->'transcriptBlocks' end as blocks
      from page cross join q cross join stem
      left join comments cm on page.kind = 'comment' and cm.id = page.ref_id
      left join discussions dp on page.kind = 'proposal' and dp.id = page.ref_id
      left join meetings m on page.kind = 'meeting' and m.id = page.ref_id
      cross join lateral (select case page.kind when 'proposal' then dp.body when 'comment' then cm.body else coalesce(m.raw, '') end as text) t
      cross join lateral (select coalesce(nullif(strpos(lower(t.text), stem.s), 0), 1) as pos) w
    )
    select sn.kind, sn.rank, sn.at, sn.total::int as total, sn.snippet, s.key, d.number, d.title,
           sn.comment_node_id, sn.comment_author, sn.meeting_id, sn.meeting_title, sn.group_name, sn.meeting_date, sn.blocks,
           case when sn.kind = 'meeting' then sn.position end as position
    from snippets sn
    left join discussions d on d.id = sn.discussion_id
    left join sources s on s.id = d.source_id
    order by sn.rank desc, sn.at desc nulls last, sn.kind, sn.ref_id`.execute(db);
  const total = result.rows[0]?.total ?? (page > 1 ? await countHits(db, text) : 0);
  return {
    total,
    capped: total >= CANDIDATES,
    hits: result.rows.map((r) => {
      const { owner, repo } = splitSourceKey(r.key);
      return {
        kind: r.kind,
        rank: r.rank,
        at: r.at,
        snippet: r.snippet ?? '',
        proposal: r.key !== null && r.number !== null ? { owner, repo, number: r.number, title: r.title ?? '' } : null,
        comment: r.comment_node_id !== null ? { nodeId: r.comment_node_id, author: r.comment_author } : null,
        meeting:
          r.meeting_id !== null
            ? {
                id: r.meeting_id,
                title: r.meeting_title,
                groupName: r.group_name,
                date: r.meeting_date,
                position: r.position !== null && r.position >= 0 ? r.position : null,
                blocks: r.blocks,
              }
            : null,
      };
    }),
  };
}

/** Only needed when a page past the end is asked for (no row carries the window count). */
async function countHits(db: Db, text: string): Promise<number> {
  const result = await sql<{ n: number }>`
    with q as (select websearch_to_tsquery('english', ${text}) as query)
    select ((select count(*) from (select 1 from discussions d, q where d.search @@ q.query and d.removed_at is null limit ${CANDIDATES}) x)
          + (select count(*) from (select 1 from comments cm, q where cm.search @@ q.query and cm.removed_at is null and cm.deleted_at is null limit ${CANDIDATES}) x)
          + (select count(*) from (select 1 from meetings m, q where m.search @@ q.query and m.removed_at is null limit ${CANDIDATES}) x))::int as n`.execute(db);
  return result.rows[0]?.n ?? 0;
}
