import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { executeGraphQL, type ExecutionOutcome } from './execute-graphql.js';
import { FaultPicker, type FaultKind, type FaultOptions } from './faults.js';
import { RateBudget, rateLimitHeaders, type BudgetSnapshot } from './rate-budget.js';
import type { Store } from './store.js';

export interface StandInOptions {
  /** Token clients must send as `authorization: bearer <token>` or `token <token>` (default 'test-token'). */
  token?: string;
  /** Login answered by `viewer { login }` (default 'standin-bot'). */
  viewerLogin?: string;
  /** Hourly point budget (default 5000). */
  pointsPerHour?: number;
  /** Body type when the budget is spent: GitHub's long-standing RATE_LIMITED (default) or the 2026 RATE_LIMIT. */
  rateLimitErrorType?: 'RATE_LIMITED' | 'RATE_LIMIT';
  faults?: FaultOptions;
  /** Queries costing more points than this answer like GitHub's 10-second timeout (502). */
  timeoutAboveCost?: number;
  /** Queries asking for more nodes than this answer like GitHub's 10-second timeout (502). */
  timeoutAboveNodes?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string | null;
  variables: Record<string, unknown> | null;
  operationName: string | null;
  status: number;
  /** The query's point cost (0 when it was refused before pricing). */
  cost: number;
  nodeCount: number;
  /** Points taken from the budget: 0 for faults, refusals, timeouts and dry runs. */
  charged: number;
  /** `type` (or message) of each entry of the response's `errors`. */
  errorTypes: string[];
  fault?: FaultKind | 'timeout';
}

export interface StandIn {
  url: string;
  store: Store;
  requests: RecordedRequest[];
  setFaults(faults: FaultOptions): void;
  setTimeoutAbove(limits: { cost?: number; nodes?: number }): void;
  exhaustBudget(resetInSeconds?: number): void;
  resetBudget(): void;
  budget(): BudgetSnapshot;
  close(): Promise<void>;
}

const GRAPHQL_DOCS = 'https://docs.github.com/graphql';
const SECONDARY_LIMIT_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
const BAD_GATEWAY_HTML =
  '<!DOCTYPE html>\n<html><head><title>Unicorn! &middot; GitHub</title></head>\n<body><h1>502 Bad Gateway</h1>\n<p>We had issues producing the response to your request. Sorry about that.</p></body></html>\n';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tokenOf(header: string | undefined): string | null {
  const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function errorTypesOf(body: unknown): string[] {
  const errors = (body as { errors?: { type?: string; message?: string }[] } | null)?.errors;
  return Array.isArray(errors) ? errors.map((e) => e.type ?? e.message ?? 'unknown') : [];
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a local HTTP server on 127.0.0.1 that answers `POST …/graphql` like GitHub. See README.md. */
export async function startGitHubStandIn(store: Store, options: StandInOptions = {}): Promise<StandIn> {
  const token = options.token ?? 'test-token';
  const budget = new RateBudget(options.pointsPerHour ?? 5000);
  const faults = new FaultPicker(options.faults ?? {});
  const timeouts = { cost: options.timeoutAboveCost, nodes: options.timeoutAboveNodes };
  const requests: RecordedRequest[] = [];
  const executeOptions = (target: RateBudget) => ({
    store,
    budget: target,
    viewerLogin: options.viewerLogin ?? 'standin-bot',
    rateLimitErrorType: options.rateLimitErrorType ?? 'RATE_LIMITED',
    timeoutAboveCost: timeouts.cost,
    timeoutAboveNodes: timeouts.nodes,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const record: RecordedRequest = { method: req.method ?? 'GET', path, query: null, variables: null, operationName: null, status: 0, cost: 0, nodeCount: 0, charged: 0, errorTypes: [] };
    requests.push(record);
    const respond = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      record.status = status;
      record.errorTypes = errorTypesOf(body);
      sendJson(res, status, body, { ...rateLimitHeaders(budget.snapshot()), ...extra });
    };

    if (req.method !== 'POST' || !path.endsWith('/graphql')) return respond(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const header = req.headers.authorization;
    if (!header) return respond(401, { message: 'This endpoint requires you to be authenticated.', documentation_url: `${GRAPHQL_DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql` });
    if (tokenOf(header) !== token) return respond(401, { message: 'Bad credentials', documentation_url: GRAPHQL_DOCS });

    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return respond(400, { message: 'Problems parsing JSON', documentation_url: GRAPHQL_DOCS });
    }
    const request = (body ?? {}) as Record<string, unknown>;
    record.query = typeof request.query === 'string' ? request.query : null;
    record.variables = request.variables && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : null;
    record.operationName = typeof request.operationName === 'string' ? request.operationName : null;

    const decision = faults.next();
    if (decision.delayMs > 0) await delay(decision.delayMs);
    if (decision.fault === 'bad-gateway') {
      record.fault = 'bad-gateway';
      record.status = 502;
      res.writeHead(502, { ...rateLimitHeaders(budget.snapshot()), 'content-type': 'text/html; charset=utf-8' });
      res.end(BAD_GATEWAY_HTML);
      return;
    }
    if (decision.fault === 'secondary-limit') {
      record.fault = 'secondary-limit';
      return respond(403, { message: SECONDARY_LIMIT_MESSAGE, documentation_url: `${GRAPHQL_DOCS}/overview/rate-limits-and-query-limits-for-the-graphql-api#secondary-rate-limits` }, { 'retry-after': String(faults.retryAfterSeconds) });
    }
    if (decision.fault === 'truncated') {
      // Answer from a scratch budget so the cut-off response costs nothing.
      const outcome = await executeGraphQL(body, executeOptions(new RateBudget(Number.MAX_SAFE_INTEGER)));
      record.fault = 'truncated';
      return sendTruncated(res, record, outcome, budget.snapshot());
    }

    const outcome = await executeGraphQL(body, executeOptions(budget));
    record.cost = outcome.cost;
    record.nodeCount = outcome.nodeCount;
    record.charged = outcome.charged;
    if (outcome.status === 502) record.fault = 'timeout';
    respond(outcome.status, outcome.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: `Stand-in failure: ${(error as Error).message}` }, {});
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    requests,
    setFaults: (next) => faults.set(next),
    setTimeoutAbove: (limits) => {
      timeouts.cost = limits.cost;
      timeouts.nodes = limits.nodes;
    },
    exhaustBudget: (resetInSeconds) => budget.exhaust(resetInSeconds),
    resetBudget: () => budget.reset(),
    budget: () => budget.snapshot(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Headers promise the whole JSON body; half of it is sent and the socket is destroyed. */
function sendTruncated(res: ServerResponse, record: RecordedRequest, outcome: ExecutionOutcome, snapshot: BudgetSnapshot): void {
  const text = JSON.stringify(outcome.body);
  const cut = Buffer.from(text).subarray(0, Math.max(1, Math.floor(Buffer.byteLength(text) / 2)));
  record.status = 200;
  res.writeHead(200, { ...rateLimitHeaders(snapshot), 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.write(cut, () => res.destroy());
}
