import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { findMeeting, listMeetings } from '../../db/queries/meetings.js';
import { listMeetingMentions } from '../../db/queries/mentions.js';
import { HttpError, parseParams } from '../http-error.js';
import { presentMeetingDetail, presentMeetingSummary } from '../presenters/meeting.js';

const isoDate = z.iso.date({ message: 'must be a date such as 2024-08-29' });

const listQuery = z
  .strictObject({
    group: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be a group slug such as committee-steering or sig-economics').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1, 'must be 1 or more').max(100_000).default(1),
    perPage: z.coerce.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after "to"', path: ['from'] });

const meetingParams = z.object({ id: z.string().regex(/^\d{1,9}$/, 'must be a meeting id (a positive whole number)').transform(Number) });

export function apiMeetingsRouter(db: Db): Router {
  const router = Router();

  router.get('/api/meetings', async (req, res) => {
    const query = parseParams(listQuery, req.query);
    const { items, total } = await listMeetings(db, query);
    res.json({ items: items.map(presentMeetingSummary), page: query.page, perPage: query.perPage, total });
  });

  router.get('/api/meetings/:id', async (req, res) => {
    const { id } = parseParams(meetingParams, req.params);
    const [row, mentions] = await Promise.all([findMeeting(db, id), listMeetingMentions(db, id)]);
    if (!row) throw new HttpError(404, 'not_found', `No meeting ${id} is stored.`);
    res.json(presentMeetingDetail(row, mentions));
  });

  return router;
}
