import { sql, type Transaction } from 'kysely';
import type { Db } from '../database.js';
import type { Database, MeetingMentionsTable } from '../schema/index.js';
import { splitSourceKey } from './source-key.js';

type Executor = Db | Transaction<Database>;

export interface MentionRecord {
  discussionId: number;
  kind: MeetingMentionsTable['kind'];
  confidence: number;
  heading: string | null;
  speaker: string | null;
  timestamp: string | null;
  excerpt: string;
  matchedText: string;
  spanStart: number;
  spanEnd: number;
}

/**
 * Replaces one meeting's mentions, inside the caller's transaction. Does nothing and returns false when the
 * meeting was re-parsed (or removed) since it was read for matching, so a stale match never overwrites a newer one.
 */
export async function replaceMeetingMentions(
  trx: Transaction<Database>,
  meeting: { id: number; parsedAt: Date },
  mentions: MentionRecord[],
  inputsHash: string,
  at: Date,
): Promise<boolean> {
  const claimed = await trx
    .updateTable('meetings')
    .set({ matched_inputs: inputsHash, matched_at: at })
    .where('id', '=', meeting.id)
    .where('parsed_at', '=', meeting.parsedAt)
    .where('removed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return false;
  await trx.deleteFrom('meeting_mentions').where('meeting_id', '=', meeting.id).execute();
  for (let i = 0; i < mentions.length; i += 500) {
    await trx
      .insertInto('meeting_mentions')
      .values(
        mentions.slice(i, i + 500).map((m) => ({
          meeting_id: meeting.id,
          discussion_id: m.discussionId,
          kind: m.kind,
          confidence: m.confidence,
          heading: m.heading,
          speaker: m.speaker,
          timestamp: m.timestamp,
          excerpt: m.excerpt,
          matched_text: m.matchedText,
          span_start: m.spanStart,
          span_end: m.spanEnd,
        })),
      )
      .execute();
  }
  return true;
}

const EVIDENCE_COLUMNS = ['mm.kind', 'mm.confidence', 'mm.heading', 'mm.speaker', 'mm.timestamp', 'mm.excerpt', 'mm.matched_text', 'mm.span_start', 'mm.span_end'] as const;

type EvidenceColumns = Pick<MeetingMentionsTable, 'kind' | 'confidence' | 'heading' | 'speaker' | 'timestamp' | 'excerpt' | 'matched_text' | 'span_start' | 'span_end'>;

/** A stored mention's evidence, as both mention lists present it. */
function toEvidence(r: EvidenceColumns): Omit<MentionRecord, 'discussionId'> {
  return {
    kind: r.kind,
    confidence: r.confidence,
    heading: r.heading,
    speaker: r.speaker,
    timestamp: r.timestamp,
    excerpt: r.excerpt,
    matchedText: r.matched_text,
    spanStart: r.span_start,
    spanEnd: r.span_end,
  };
}

export interface MeetingMentionRow extends Omit<MentionRecord, 'discussionId'> {
  owner: string;
  repo: string;
  number: number;
  title: string;
}


/** The proposals one meeting mentions, in the order they appear. */
export async function listMeetingMentions(db: Db, meetingId: number): Promise<MeetingMentionRow[]> {
  const rows = await db
    .selectFrom('meeting_mentions as mm')
    .innerJoin('discussions as d', 'd.id', 'mm.discussion_id')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select(['s.key', 'd.number', 'd.title', ...EVIDENCE_COLUMNS])
    .where('mm.meeting_id', '=', meetingId)
    .orderBy('mm.span_start')
    .orderBy('mm.id')
    .execute();
  return rows.map((r) => ({ ...splitSourceKey(r.key), number: r.number, title: r.title, ...toEvidence(r) }));
}

export interface ProposalMentionRow extends Omit<MentionRecord, 'discussionId'> {
  meetingId: number;
  path: string;
  groupSlug: string | null;
  groupName: string | null;
  title: string | null;
  date: string | null;
}

/** Every mention of one proposal in meetings still present, oldest meeting first. */
export async function listProposalMentions(db: Db, discussionId: number): Promise<ProposalMentionRow[]> {
  const rows = await db
    .selectFrom('meeting_mentions as mm')
    .innerJoin('meetings as m', 'm.id', 'mm.meeting_id')
    .select(['m.id', 'm.path', 'm.group_slug', 'm.group_name', 'm.title', 'm.date', ...EVIDENCE_COLUMNS])
    .where('mm.discussion_id', '=', discussionId)
    .where('m.removed_at', 'is', null)
    .orderBy(sql`m.date asc nulls last`)
    .orderBy('m.id')
    .orderBy('mm.span_start')
    .execute();
  return rows.map((r) => ({
    meetingId: r.id,
    path: r.path,
    groupSlug: r.group_slug,
    groupName: r.group_name,
    title: r.title,
    date: r.date,
    ...toEvidence(r),
  }));
}

/** Mentions per proposal (in meetings still present), for a page of proposals: one query. */
export async function countProposalMentions(db: Db, discussionIds: number[]): Promise<Map<number, number>> {
  if (discussionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('meeting_mentions as mm')
    .innerJoin('meetings as m', 'm.id', 'mm.meeting_id')
    .select(['mm.discussion_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mm.discussion_id', 'in', discussionIds)
    .where('m.removed_at', 'is', null)
    .groupBy('mm.discussion_id')
    .execute();
  return new Map(rows.map((r) => [r.discussion_id, r.n]));
}

export interface MatchingProposalRows {
  discussions: { id: number; sourceKey: string; number: number; title: string; body: string; createdAt: Date; url: string }[];
  /** Comments that may name an on-chain proposal number (a cheap SQL pre-filter; the caller extracts). */
  chainComments: { discussionId: number; body: string }[];
}

/** What the matcher needs of every present proposal: two queries. */
export async function listMatchingProposalRows(db: Db): Promise<MatchingProposalRows> {
  const [discussions, chainComments] = await Promise.all([
    db
      .selectFrom('discussions as d')
      .innerJoin('sources as s', 's.id', 'd.source_id')
      .select(['d.id', 's.key', 'd.number', 'd.title', 'd.body', 'd.created_at', 'd.url'])
      .where('s.kind', '=', 'discussions')
      .where('d.removed_at', 'is', null)
      .orderBy('s.key')
      .orderBy('d.number')
      .execute(),
    db
      .selectFrom('comments as c')
      .innerJoin('discussions as d', 'd.id', 'c.discussion_id')
      .select(['c.discussion_id', 'c.body'])
      .where('d.removed_at', 'is', null)
      .where('c.removed_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .where(sql<boolean>`c.body ~* ${'(/proposals?/[0-9]|/gov/[0-9]|on[- ]?chain|governance|\\mgov\\M|\\mprop(osal)?\\s*(#|no\\.|number))'}`)
      .orderBy('c.discussion_id')
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute(),
  ]);
  return {
    discussions: discussions.map((d) => ({ id: d.id, sourceKey: d.key, number: d.number, title: d.title, body: d.body, createdAt: d.created_at, url: d.url })),
    chainComments: chainComments.map((c) => ({ discussionId: c.discussion_id, body: c.body })),
  };
}
