import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { findPersonPage } from '../../db/queries/pages-people.js';
import { HttpError, parseParams } from '../http-error.js';
import { presentPersonPage } from '../presenters/person-page.js';

const personParams = z.object({
  login: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]|\[bot\]){0,60}$/, 'must be a GitHub login'),
});

export function pagesPeopleRouter(db: Db): Router {
  const router = Router();
  router.get('/people/:login', async (req, res) => {
    const { login } = parseParams(personParams, req.params);
    const page = await findPersonPage(db, login);
    if (!page) throw new HttpError(404, 'not_found', `No one with the login @${login} has written a proposal or comment here.`);
    res.render('person', { title: `@${page.login}`, nav: 'queue', person: presentPersonPage(page) });
  });
  return router;
}
