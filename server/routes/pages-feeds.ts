import { Router, type Request } from 'express';
import type { Db } from '../../db/database.js';
import { listNewestProposals, listStatusChanges } from '../../db/queries/pages-feed.js';
import { findProposalAnalysis, findProposalPage } from '../../db/queries/pages-proposal.js';
import { renderAtomFeed, type AtomEntry } from '../feeds.js';
import { HttpError, parseParams } from '../http-error.js';
import { parseStoredResult } from '../presenters/proposal-page.js';
import { proposalPath, statusLabel, toDate } from '../presenters/view-helpers.js';
import { proposalParams } from './pages-proposal.js';

const FEED_SIZE = 50;
const ATOM = 'application/atom+xml; charset=utf-8';

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function summarise(text: string, length = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export function pagesFeedsRouter(db: Db): Router {
  const router = Router();

  router.get('/feed.xml', async (req, res) => {
    const base = origin(req);
    const [proposals, changes] = await Promise.all([listNewestProposals(db, FEED_SIZE), listStatusChanges(db, FEED_SIZE)]);
    const entries: AtomEntry[] = [
      ...proposals.map((p) => ({
        id: `${base}${proposalPath(p)}#created`,
        title: `New proposal: ${p.title}`,
        link: `${base}${proposalPath(p)}`,
        updated: p.createdAt,
        author: p.author,
        summary: summarise(p.body),
      })),
      ...changes.map((c) => ({
        id: `${base}${proposalPath(c)}#status-${c.status}-${c.at.getTime()}`,
        title: `${statusLabel(c.status)}: ${c.title}`,
        link: `${base}${proposalPath(c)}`,
        updated: c.at,
        summary: c.reason,
      })),
    ]
      .sort((a, b) => b.updated.getTime() - a.updated.getTime())
      .slice(0, FEED_SIZE);
    res.type(ATOM).send(renderAtomFeed({ id: `${base}/feed.xml`, title: 'Proposal Tracker: new proposals and status changes', link: `${base}/`, self: `${base}/feed.xml`, entries }));
  });

  router.get('/proposals/:owner/:repo/:number/feed.xml', async (req, res) => {
    const params = parseParams(proposalParams, req.params);
    const rows = await findProposalPage(db, params.owner, params.repo, params.number);
    if (!rows) throw new HttpError(404, 'not_found', `No proposal ${params.owner}/${params.repo}#${params.number} has been synced.`);
    const { analysis } = await findProposalAnalysis(db, rows.summary.id);
    const base = origin(req);
    const page = `${base}${proposalPath(rows.summary)}`;
    const timeline = parseStoredResult(analysis?.result).timeline;
    const entries: AtomEntry[] = timeline.length
      ? timeline.flatMap((event, index) => {
          const at = toDate(event.at);
          return at ? [{ id: `${page}#event-${index}-${event.type}`, title: event.summary || event.type, link: page, updated: at }] : [];
        })
      : [{ id: `${page}#created`, title: `Opened: ${rows.summary.title}`, link: page, updated: rows.summary.createdAt, author: rows.summary.author, summary: summarise(rows.body) }];
    entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
    res.type(ATOM).send(renderAtomFeed({ id: `${page}/feed.xml`, title: `${rows.summary.title} (#${rows.summary.number})`, link: page, self: `${page}/feed.xml`, entries: entries.slice(0, 100) }));
  });

  return router;
}
