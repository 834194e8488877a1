import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { findQueueFacets, listQueue, type QueueSort } from '../../db/queries/pages-queue.js';
import { parseParams } from '../http-error.js';
import { presentQueue } from '../presenters/queue.js';
import { STATUSES } from '../presenters/view-helpers.js';
import { dropEmpty, flag, pageNumber, year } from './pages-params.js';

const SORTS = ['activity', 'created', 'proposer', 'committee', 'questions', 'mentioned', 'number'] as const satisfies readonly QueueSort[];

export const queueQuery = z.object({
  status: z.enum(STATUSES as [string, ...string[]], { message: `must be one of ${STATUSES.join(', ')}` }).optional(),
  category: z.string().max(200).optional(),
  source: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/repo').optional(),
  year,
  'needs-response': flag,
  'awaiting-proposer': flag,
  stale: flag,
  member: z.string().max(200).optional(),
  sort: z.enum(SORTS, { message: `must be one of ${SORTS.join(', ')}` }).default('activity'),
  dir: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).optional(),
  page: pageNumber,
  perPage: z.coerce.number({ message: 'must be a whole number' }).int().min(5, 'must be between 5 and 100').max(100, 'must be between 5 and 100').default(25),
});

export type QueueQuery = z.output<typeof queueQuery>;

const STALE_DAYS = 30;

export function pagesQueueRouter(db: Db, options: { committeeNames: string[] }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseParams(queueQuery, dropEmpty(req.query));
    const now = new Date();
    const direction = query.dir ?? (query.sort === 'proposer' || query.sort === 'committee' ? 'asc' : 'desc');
    const [{ items, total }, facets] = await Promise.all([
      listQueue(db, {
        status: query.status,
        category: query.category,
        source: query.source,
        year: query.year,
        needsCommittee: query['needs-response'],
        awaitingProposer: query['awaiting-proposer'],
        stale: query.stale,
        member: query.member,
        sort: query.sort,
        direction,
        page: query.page,
        perPage: query.perPage,
        now,
        staleDays: STALE_DAYS,
      }),
      findQueueFacets(db),
    ]);
    res.render('queue', {
      title: query.member ? `Waiting for ${query.member}` : 'Review queue',
      nav: 'queue',
      ...presentQueue({ query, direction, items, total, facets, committeeNames: options.committeeNames, now, staleDays: STALE_DAYS }),
    });
  });
  return router;
}
