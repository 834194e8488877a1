import express from 'express';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '../db/database.js';
import type { TrackerConfig } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { createErrorHandler, notFoundHandler } from './http-error.js';
import { apiProposalsRouter } from './routes/api-proposals.js';
import { apiMeetingsRouter } from './routes/api-meetings.js';
import { apiSyncRouter } from './routes/api-sync.js';
import { pagesQueueRouter } from './routes/pages-queue.js';
import { pagesProposalRouter } from './routes/pages-proposal.js';
import { pagesMeetingsRouter } from './routes/pages-meetings.js';
import { pagesFundingRouter } from './routes/pages-funding.js';
import { pagesPeopleRouter } from './routes/pages-people.js';
import { pagesSearchRouter } from './routes/pages-search.js';
import { pagesStatusRouter } from './routes/pages-status.js';
import { pagesFeedsRouter } from './routes/pages-feeds.js';
import { viewHelpers } from './presenters/view-helpers.js';
import { createPageCache } from './page-cache.js';
import { findDataVersion } from '../db/queries/data-version.js';

export interface AppContext {
  handle: DatabaseHandle;
  config: TrackerConfig;
  log: Logger;
  /** Shown on every page when discussions cannot be synced (e.g. no GITHUB_TOKEN). */
  notices?: string[];
  /** The bundled demo dataset is loaded: every page says so and how to connect a real repository. */
  demo?: boolean;
  /** Committee names offered by the queue's "waiting for" menu; defaults to config.committee. */
  committeeNames?: string[];
  /** Serve rendered pages from memory until the data changes (npm start and serve turn it on). */
  pageCache?: boolean;
}

export function createApp(context: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('views', fileURLToPath(new URL('../views', import.meta.url)));
  app.set('view engine', 'ejs');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'https:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
    }),
  );
  app.locals.notices = context.notices ?? [];
  app.locals.demo = context.demo ?? false;
  app.locals.h = viewHelpers;
  // Compiled templates are kept unless developing: recompiling on every request costs more than the queries.
  app.set('view cache', process.env.NODE_ENV !== 'development');
  const committeeNames = context.committeeNames ?? context.config.committee.map((member) => member.name);
  const db = context.handle.db;
  if (context.pageCache) app.use(createPageCache({ readVersion: () => findDataVersion(db) }));
  app.use('/static', express.static(fileURLToPath(new URL('./public', import.meta.url)), { index: false, maxAge: '1h' }));
  app.use(apiSyncRouter(db));
  app.use(apiProposalsRouter(db));
  app.use(apiMeetingsRouter(db));
  app.use(pagesQueueRouter(db, { committeeNames }));
  app.use(pagesProposalRouter(db));
  app.use(pagesMeetingsRouter(db));
  app.use(pagesFundingRouter(db));
  app.use(pagesPeopleRouter(db));
  app.use(pagesSearchRouter(db));
  app.use(pagesStatusRouter(db));
  app.use(pagesFeedsRouter(db));
  app.use(notFoundHandler);
  app.use(createErrorHandler(context.log));
  return app;
}
