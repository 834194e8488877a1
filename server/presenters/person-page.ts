import type { PersonPage } from '../../db/queries/pages-people.js';
import { parseStoredResult } from './proposal-page.js';
import { proposalPath } from './view-helpers.js';

/** A proposer's page: their requests, the committee feedback they received, and questions still waiting for them. */
export function presentPersonPage(page: PersonPage) {
  const feedback: { proposal: { owner: string; repo: string; number: number; title: string }; member: string; text: string; at: string; href: string }[] = [];
  const waiting: { proposal: { owner: string; repo: string; number: number; title: string }; text: string; askedBy: string | null; askedAt: string; href: string }[] = [];
  for (const p of page.proposals) {
    const result = parseStoredResult({ feedbackByMember: [], questions: p.questions });
    const proposal = { owner: p.owner, repo: p.repo, number: p.number, title: p.title };
    const feedbackItems = Array.isArray(p.feedback) ? p.feedback : [];
    for (const item of feedbackItems) {
      if (typeof item !== 'object' || item === null) continue;
      const { member, text, at } = item as Record<string, unknown>;
      if (typeof member === 'string' && typeof text === 'string' && typeof at === 'string') {
        feedback.push({ proposal, member, text, at, href: `${proposalPath(proposal)}#feedback` });
      }
    }
    for (const q of result.questions) {
      if (!q.answered) waiting.push({ proposal, text: q.text, askedBy: q.askedBy ?? null, askedAt: q.askedAt, href: `${proposalPath(proposal)}#questions` });
    }
  }
  feedback.sort((a, b) => b.at.localeCompare(a.at));
  waiting.sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  return {
    login: page.login,
    proposals: page.proposals,
    feedback: feedback.slice(0, 50),
    feedbackTotal: feedback.length,
    waiting,
    recentComments: page.recentComments,
    commentCount: page.commentCount,
  };
}
