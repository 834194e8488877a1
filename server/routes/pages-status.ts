import { Router } from 'express';
import type { Db } from '../../db/database.js';
import { listSyncRuns } from '../../db/queries/sync-runs.js';
import { listMeetingParseErrors, listSourceStatus } from '../../db/queries/pages-status.js';

export function pagesStatusRouter(db: Db): Router {
  const router = Router();
  router.get('/status', async (_req, res) => {
    const now = new Date();
    const [sources, runs, parseErrors] = await Promise.all([listSourceStatus(db, now), listSyncRuns(db, { limit: 30 }), listMeetingParseErrors(db, 20)]);
    res.render('status', { title: 'Sync status', nav: 'status', sources, runs, parseErrors, now });
  });
  return router;
}
