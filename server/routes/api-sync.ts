import { Router } from 'express';
import { z } from 'zod';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { countSyncRuns, listSyncRuns } from '../../db/queries/sync-runs.js';
import { parseParams } from '../http-error.js';

const runsQuery = z.strictObject({
  source: z.string().max(300).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(50),
});

export function apiSyncRouter(db: Db): Router {
  const router = Router();

  router.get('/api/sync/runs', async (req, res) => {
    const query = parseParams(runsQuery, req.query);
    const [rows, total] = await Promise.all([
      listSyncRuns(db, { limit: query.perPage, offset: (query.page - 1) * query.perPage, ...(query.source ? { source: query.source } : {}) }),
      countSyncRuns(db, query.source),
    ]);
    res.json({
      items: rows.map((r) => ({
        id: r.id,
        source: r.source,
        kind: r.kind,
        mode: r.mode,
        startedAt: r.started_at.toISOString(),
        finishedAt: r.finished_at?.toISOString() ?? null,
        status: r.status,
        requests: r.requests,
        cost: r.cost,
        changed: r.changed,
        error: r.error,
        rateLimitedUntil: r.rate_limited_until?.toISOString() ?? null,
      })),
      page: query.page,
      perPage: query.perPage,
      total,
    });
  });

  router.get('/healthz', async (_req, res) => {
    try {
      await sql`select 1`.execute(db);
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: (error as Error).message });
    }
  });

  return router;
}
