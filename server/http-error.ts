import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

/** An error with an HTTP status and a stable code, rendered as CONTRACT's error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Validates query or path parameters; a problem becomes a 400 naming the parameter. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'parameters'}: ${issue.message}`)
    .join('; ');
  throw new HttpError(400, 'invalid_parameters', message);
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `Nothing is at ${req.path}.`));
};

export function createErrorHandler(log: { error: (obj: object, msg: string) => void }): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // Express's body parser marks malformed JSON with a status; keep it a client error.
    const status = error instanceof HttpError ? error.status : typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    const code = error instanceof HttpError ? error.code : status === 500 ? 'internal_error' : 'bad_request';
    const message = status === 500 ? 'Something went wrong on our side; the error was logged.' : String(error?.message ?? 'Bad request');
    if (status === 500) log.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return;
    const wantsHtml = !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html' && req.app.get('view engine');
    if (wantsHtml) {
      res.status(status).render('error', { status, code, message }, (renderError: Error | null, html: string) => {
        if (renderError) res.status(status).type('text/plain').send(`${status}: ${message}`);
        else res.send(html);
      });
      return;
    }
    res.status(status).json({ error: { code, message } });
  };
}
