import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { findProposal, listProposals } from '../../db/queries/proposals.js';
import { countProposalMentions, listProposalMentions } from '../../db/queries/mentions.js';
import { HttpError, parseParams } from '../http-error.js';
import { presentProposalDetail, presentProposalSummary } from '../presenters/proposal.js';
import { presentProposalMention } from '../presenters/meeting.js';

const name = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be a GitHub owner or repository name');

const listQuery = z.strictObject({
  source: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/repo')
    .transform((s) => {
      const [owner = '', repo = ''] = s.split('/');
      return { owner, repo };
    })
    .optional(),
  status: z
    .enum(['new', 'under_discussion', 'presented', 'awaiting_proposer', 'on_chain', 'passed', 'rejected', 'closed', 'withdrawn'])
    .optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  updatedSince: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2024-05-01T00:00:00Z' }).or(z.iso.date()).optional(),
  page: z.coerce.number().int().min(1, 'must be 1 or more').max(100_000).default(1),
  perPage: z.coerce.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(25),
});

const proposalParams = z.object({ owner: name, repo: name, number: z.coerce.number().int().min(1).max(2_147_483_647) });

export function apiProposalsRouter(db: Db): Router {
  const router = Router();

  router.get('/api/proposals', async (req, res) => {
    const query = parseParams(listQuery, req.query);
    const { items, total } = await listProposals(db, {
      source: query.source,
      status: query.status,
      q: query.q,
      updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      page: query.page,
      perPage: query.perPage,
    });
    const mentionCounts = await countProposalMentions(db, items.map((row) => row.id));
    res.json({
      items: items.map((row) => presentProposalSummary(row, mentionCounts.get(row.id) ?? 0)),
      page: query.page,
      perPage: query.perPage,
      total,
    });
  });

  router.get('/api/proposals/:owner/:repo/:number', async (req, res) => {
    const params = parseParams(proposalParams, req.params);
    const rows = await findProposal(db, params.owner, params.repo, params.number);
    if (!rows) throw new HttpError(404, 'not_found', `No proposal ${params.owner}/${params.repo}#${params.number} is stored.`);
    const mentions = await listProposalMentions(db, rows.summary.id);
    res.json(presentProposalDetail(rows, mentions.length, { mentions: mentions.map(presentProposalMention) }));
  });

  return router;
}
