import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { findProposalAnalysis, findProposalPage } from '../../db/queries/pages-proposal.js';
import { listProposalMentions } from '../../db/queries/mentions.js';
import { HttpError, parseParams } from '../http-error.js';
import { presentProposalPage } from '../presenters/proposal-page.js';
import { proposalPath } from '../presenters/view-helpers.js';
import { githubName } from './pages-params.js';

export const proposalParams = z.object({
  owner: githubName,
  repo: githubName,
  number: z.coerce.number({ message: 'must be a discussion number' }).int('must be a discussion number').min(1, 'must be a discussion number').max(2_147_483_647, 'must be a discussion number'),
});

export function pagesProposalRouter(db: Db): Router {
  const router = Router();
  router.get('/proposals/:owner/:repo/:number', async (req, res) => {
    const params = parseParams(proposalParams, req.params);
    const rows = await findProposalPage(db, params.owner, params.repo, params.number);
    if (!rows) throw new HttpError(404, 'not_found', `No proposal ${params.owner}/${params.repo}#${params.number} has been synced.`);
    const [{ analysis, override }, mentions] = await Promise.all([
      findProposalAnalysis(db, rows.summary.id),
      listProposalMentions(db, rows.summary.id),
    ]);
    const page = presentProposalPage({ rows, analysis, override, mentions });
    res.render('proposal', { title: rows.summary.title, nav: 'queue', feedUrl: `${proposalPath(rows.summary)}/feed.xml`, p: page });
  });
  return router;
}
