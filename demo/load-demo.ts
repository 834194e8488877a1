import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../db/database.js';
import { upsertDiscussion, type CommentRecord, type DiscussionRecord } from '../db/queries/discussions.js';
import { upsertParsedMeeting } from '../db/queries/meetings.js';
import { upsertSource } from '../db/queries/sources.js';
import type { Logger } from '../lib/logger.js';
import { parseMeeting } from '../sync/parse/parse-meeting.js';
import { runAnalysis } from '../sync/run-analysis.js';
import { runMatching } from '../sync/run-matching.js';
import { DEMO_MEETINGS } from './demo-meetings.js';
import { DEMO_COMMITTEE, DEMO_OWNER, DEMO_PROPOSALS, DEMO_REPO, DEMO_SOURCE, type DemoProposal } from './demo-proposals.js';

/** The meetings source key of the demo notes; not a real folder, so a sync never touches it. */
export const DEMO_MEETINGS_SOURCE = 'demo:meeting-notes';

const DAY = 86_400_000;

function at(now: Date, daysAgo: number, hour = 14): string {
  const date = new Date(now.getTime() - daysAgo * DAY);
  date.setUTCHours(hour, (daysAgo * 7) % 60, 0, 0);
  return date.toISOString();
}

function toRecord(p: DemoProposal, now: Date): DiscussionRecord {
  const url = `https://github.com/${DEMO_OWNER}/${DEMO_REPO}/discussions/${p.number}`;
  const comments: CommentRecord[] = [];
  p.comments.forEach((c, i) => {
    const nodeId = `DEMO_C_${p.number}_${i}`;
    const base = { databaseId: null, author: { login: c.author, type: 'User' }, isAnswer: false, isMinimized: false, minimizedReason: null, upvoteCount: 0, deletedAt: null, lastEditedAt: null };
    comments.push({ ...base, nodeId, parentNodeId: null, body: c.body, url: `${url}#discussioncomment-${p.number}${i}`, createdAt: at(now, c.daysAgo, 10 + i), updatedAt: at(now, c.daysAgo, 10 + i), raw: { demo: true, nodeId } });
    (c.replies ?? []).forEach((r, j) => {
      const replyId = `${nodeId}_${j}`;
      comments.push({
        ...base,
        author: { login: r.author, type: 'User' },
        nodeId: replyId,
        parentNodeId: nodeId,
        body: r.body,
        url: `${url}#discussioncomment-${p.number}${i}${j}`,
        createdAt: at(now, r.daysAgo, 11 + j),
        updatedAt: at(now, r.daysAgo, 11 + j),
        raw: { demo: true, nodeId: replyId },
      });
    });
  });
  const updatedAt = [at(now, p.daysAgo), ...comments.map((c) => c.createdAt)].sort().pop() ?? at(now, p.daysAgo);
  return {
    nodeId: `DEMO_D_${p.number}`,
    databaseId: null,
    number: p.number,
    title: p.title,
    body: p.body,
    url,
    author: { login: p.author, type: 'User' },
    category: { nodeId: 'DEMO_CAT_PROPOSALS', name: 'Proposals', slug: 'proposals', isAnswerable: false, raw: { demo: true } },
    createdAt: at(now, p.daysAgo, 9),
    updatedAt,
    lastEditedAt: null,
    closed: p.closed !== undefined,
    closedAt: p.closed ? at(now, p.closed.daysAgo) : null,
    stateReason: p.closed?.reason ?? null,
    isAnswered: null,
    answerNodeId: null,
    locked: false,
    upvoteCount: 0,
    labels: (p.labels ?? []).map((name) => ({ name, color: null })),
    raw: { demo: true, number: p.number },
    comments,
    edits: [],
  };
}

function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** True when the demo dataset is in this database. */
export async function hasDemoData(db: Db): Promise<boolean> {
  const row = await db.selectFrom('sources').select('id').where('kind', '=', 'discussions').where('key', '=', DEMO_SOURCE).executeTakeFirst();
  return row !== undefined;
}

/** True when nothing has ever been stored: the first run of a fresh data directory. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const result = await sql<{ n: number }>`select (select count(*) from sources)::int as n`.execute(db);
  return (result.rows[0]?.n ?? 0) === 0;
}

/**
 * Stores the demo proposals and meetings through the same storage functions the sync uses, then
 * finds the meeting mentions and analyses every proposal, as a real sync would.
 */
export async function loadDemoData(handle: DatabaseHandle, log: Logger, now: Date = new Date()): Promise<{ proposals: number; meetings: number }> {
  const db = handle.db;
  const source = await upsertSource(db, 'discussions', DEMO_SOURCE);
  await db.transaction().execute(async (trx) => {
    for (const proposal of DEMO_PROPOSALS) await upsertDiscussion(trx, source.id, toRecord(proposal, now), now);
  });
  const meetingSource = await upsertSource(db, 'meetings', DEMO_MEETINGS_SOURCE);
  for (const meeting of DEMO_MEETINGS) {
    const date = at(now, meeting.daysAgo).slice(0, 10);
    const path = meeting.path(date);
    const parsed = parseMeeting(path, meeting.markdown(date, longDate(date)));
    await upsertParsedMeeting(db, meetingSource.id, { path, contentHash: `demo:${path}`, commit: null }, parsed, now);
  }
  await runMatching({ handle, log });
  const analysis = await runAnalysis({ handle, committee: DEMO_COMMITTEE, log, now });
  if (analysis.failed.length) log.warn({ failed: analysis.failed }, 'some demo proposals could not be analysed');
  log.info({ proposals: DEMO_PROPOSALS.length, meetings: DEMO_MEETINGS.length }, 'demo data loaded');
  return { proposals: DEMO_PROPOSALS.length, meetings: DEMO_MEETINGS.length };
}
