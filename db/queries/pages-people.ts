import { sql } from 'kysely';
import type { Db } from '../database.js';
import { splitSourceKey } from './source-key.js';

export interface PersonProposalRow {
  owner: string;
  repo: string;
  number: number;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  closed: boolean;
  status: string;
  statusReason: string | null;
  requested: { currency: string; amount: number }[];
  openQuestionCount: number;
  /** `result.feedback` and `result.questions` of the stored analysis; shapes checked by the presenter. */
  feedback: unknown;
  questions: unknown;
}

export interface PersonCommentRow {
  owner: string;
  repo: string;
  number: number;
  proposalTitle: string;
  nodeId: string;
  body: string;
  createdAt: Date;
}

export interface PersonPage {
  login: string;
  proposals: PersonProposalRow[];
  recentComments: PersonCommentRow[];
  commentCount: number;
}

/** A person's proposals (with what the analysis says of them) and their latest comments: three queries. */
export async function findPersonPage(db: Db, login: string, commentLimit = 20): Promise<PersonPage | null> {
  const author = await db.selectFrom('authors').select('login').where(sql<boolean>`lower(login) = lower(${login})`).executeTakeFirst();
  if (!author) return null;
  const [proposals, comments] = await Promise.all([
    sql<{
      key: string;
      number: number;
      title: string;
      created_at: Date;
      updated_at: Date;
      closed: boolean;
      status: string;
      status_reason: string | null;
      requested: { currency: string; amount: number }[] | null;
      open_question_count: number | null;
      feedback: unknown;
      questions: unknown;
    }>`
      select s.key, d.number, d.title, d.created_at, d.updated_at, d.closed,
             coalesce(so.status, pa.status, case when d.closed then 'closed' else 'unanalysed' end) as status,
             coalesce(so.reason, pa.status_reason) as status_reason, pa.requested, pa.open_question_count,
             pa.result->'feedback' as feedback, pa.result->'questions' as questions
      from discussions d
      join sources s on s.id = d.source_id
      left join proposal_analyses pa on pa.discussion_id = d.id
      left join status_overrides so on so.discussion_id = d.id
      where d.author_login = ${author.login} and d.removed_at is null
      order by d.created_at desc, d.id desc
      limit 500`.execute(db),
    sql<{ key: string; number: number; title: string; node_id: string; body: string; created_at: Date; total: number }>`
      select s.key, d.number, d.title, cm.node_id, left(cm.body, 600) as body, cm.created_at, count(*) over ()::int as total
      from comments cm
      join discussions d on d.id = cm.discussion_id
      join sources s on s.id = d.source_id
      where cm.author_login = ${author.login} and cm.removed_at is null and cm.deleted_at is null and d.removed_at is null
      order by cm.created_at desc, cm.id desc
      limit ${commentLimit}`.execute(db),
  ]);
  const split = (key: string) => {
    const { owner, repo } = splitSourceKey(key);
    return { owner, repo };
  };
  return {
    login: author.login,
    proposals: proposals.rows.map((r) => ({
      ...split(r.key),
      number: r.number,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      closed: r.closed,
      status: r.status,
      statusReason: r.status_reason,
      requested: r.requested ?? [],
      openQuestionCount: r.open_question_count ?? 0,
      feedback: r.feedback,
      questions: r.questions,
    })),
    recentComments: comments.rows.map((r) => ({
      ...split(r.key),
      number: r.number,
      proposalTitle: r.title,
      nodeId: r.node_id,
      body: r.body,
      createdAt: r.created_at,
    })),
    commentCount: comments.rows[0]?.total ?? 0,
  };
}
