import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { findMeetingFacets, findMeetingPage, listMeetingsPage } from '../../db/queries/pages-meetings.js';
import { HttpError, parseParams } from '../http-error.js';
import { presentMeetingPage } from '../presenters/meeting-page.js';
import { buildPagination, buildUrl } from '../presenters/page-links.js';
import { dropEmpty, pageNumber, year } from './pages-params.js';

const listQuery = z.object({
  group: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/i, 'must be a group such as committee-steering or sig-economics').optional(),
  year,
  page: pageNumber,
});

const meetingParams = z.object({
  id: z.coerce.number({ message: 'must be a meeting number' }).int('must be a meeting number').min(1, 'must be a meeting number').max(2_147_483_647, 'must be a meeting number'),
});

const PER_PAGE = 30;

export function pagesMeetingsRouter(db: Db): Router {
  const router = Router();

  router.get('/meetings', async (req, res) => {
    const query = parseParams(listQuery, dropEmpty(req.query));
    const [{ items, total }, facets] = await Promise.all([
      listMeetingsPage(db, { group: query.group, year: query.year, page: query.page, perPage: PER_PAGE }),
      findMeetingFacets(db),
    ]);
    const urlFor = (page: number) => buildUrl('/meetings', { group: query.group, year: query.year, page: page === 1 ? undefined : page });
    res.render('meetings', {
      title: 'Meetings',
      nav: 'meetings',
      query,
      facets,
      items,
      pagination: buildPagination(query.page, PER_PAGE, total, urlFor),
      filtered: Boolean(query.group || query.year),
    });
  });

  router.get('/meetings/:id', async (req, res) => {
    const { id } = parseParams(meetingParams, req.params);
    const found = await findMeetingPage(db, id);
    if (!found) throw new HttpError(404, 'not_found', `No meeting ${id} has been synced.`);
    const page = presentMeetingPage(found.meeting, found.mentions);
    res.render('meeting', { title: found.meeting.title ?? found.meeting.path, nav: 'meetings', m: page });
  });

  return router;
}
