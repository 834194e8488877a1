import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { searchEverything } from '../../db/queries/search.js';
import { parseParams } from '../http-error.js';
import { buildPagination, buildUrl } from '../presenters/page-links.js';
import { presentSearchHit } from '../presenters/search-hit.js';
import { dropEmpty, pageNumber } from './pages-params.js';

const searchQuery = z.object({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  page: pageNumber.pipe(z.number().max(50, 'must be at most 50: narrow the search instead')),
});

const PER_PAGE = 20;

export function pagesSearchRouter(db: Db): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const query = parseParams(searchQuery, dropEmpty(req.query));
    const text = query.q ?? '';
    const { hits, total, capped } = text ? await searchEverything(db, text, query.page, PER_PAGE) : { hits: [], total: 0, capped: false };
    const urlFor = (page: number) => buildUrl('/search', { q: text, page: page === 1 ? undefined : page });
    res.render('search', {
      title: text ? `Search: ${text}` : 'Search',
      nav: 'search',
      searchText: text,
      hits: hits.map(presentSearchHit),
      capped,
      pagination: buildPagination(query.page, PER_PAGE, total, urlFor),
    });
  });
  return router;
}
