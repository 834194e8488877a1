import type { DatabaseHandle } from '../db/database.js';
import type { DiscussionSourceConfig } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { findCategoryNodeIds, findStoredVersions, listUnseenDiscussions, markDiscussionRemoved, upsertCategories, upsertDiscussion } from '../db/queries/discussions.js';
import { updateSource, upsertSource, type ResumeState, type SourceRow } from '../db/queries/sources.js';
import { finishSyncRun, insertSyncRun, markInterruptedRuns } from '../db/queries/sync-runs.js';
import type { GraphQLClient } from './github/client.js';
import { RateLimitedError } from './github/errors.js';
import {
  completeDiscussion,
  DEFAULT_PAGE_SIZES,
  fetchDiscussionLocation,
  fetchDiscussionsPage,
  fetchRepositoryInfo,
  resolveCategories,
  withShrinkingPages,
  type PageSizes,
} from './github/fetch-discussions.js';
import { toCategoryRecord, toDiscussionRecord } from './github/to-discussion-record.js';
import { withSourceLock } from './source-lock.js';

export interface SyncProgress {
  source: string;
  mode: 'incremental' | 'full';
  done: number;
  /** Discussions in the repository (or tracked categories); an incremental run stops well before. */
  total: number | null;
  requests: number;
  cost: number;
}

export interface DiscussionSyncOptions {
  handle: DatabaseHandle;
  client: GraphQLClient;
  source: DiscussionSourceConfig;
  log: Logger;
  /** 'auto' runs a full reconciliation when the last one is older than `fullSyncIntervalHours`. */
  mode?: 'auto' | 'incremental' | 'full';
  fullSyncIntervalHours?: number;
  /** How far below the watermark an incremental scan still looks (clock skew, ordering races). */
  overlapMs?: number;
  pageSizes?: PageSizes;
  onProgress?: (progress: SyncProgress) => void;
}

export interface DiscussionSyncResult {
  source: string;
  status: 'ok' | 'rate_limited' | 'error' | 'skipped';
  mode: 'incremental' | 'full' | null;
  runId: number | null;
  requests: number;
  cost: number;
  changed: number;
  removed: number;
  error: Error | null;
  rateLimitedUntil: Date | null;
}

const DEFAULT_OVERLAP_MS = 5 * 60 * 1000;

function chooseMode(source: SourceRow, requested: DiscussionSyncOptions['mode'], fullIntervalHours: number, now: Date): 'incremental' | 'full' {
  const resume = source.resume as ResumeState | null;
  if (resume) return resume.mode;
  if (requested === 'full' || !source.watermark || !source.last_full_sync_at) return 'full';
  if (requested === 'incremental') return 'incremental';
  const age = now.getTime() - source.last_full_sync_at.getTime();
  return age >= fullIntervalHours * 3600_000 ? 'full' : 'incremental';
}

/**
 * One pass over one repository's discussions.
 * - incremental: newest-updated first, stopping just below the stored watermark;
 * - full: every discussion oldest-created first (an order that does not shift while paging),
 *   then marks what GitHub no longer returns.
 * Each discussion is stored in its own transaction and the position is saved after each page,
 * so a run killed at any point resumes without loss or duplicates.
 */
export async function runDiscussionsSync(options: DiscussionSyncOptions): Promise<DiscussionSyncResult> {
  const { handle, client, source: config, log } = options;
  const db = handle.db;
  const key = `${config.owner}/${config.repo}`;
  const base = { source: key, requests: 0, cost: 0, changed: 0, removed: 0, rateLimitedUntil: null };
  const locked = await withSourceLock(handle, `discussions:${key}`, async () => {
    const source = await upsertSource(db, 'discussions', key);
    await markInterruptedRuns(db, source.id);
    const now = new Date();
    const mode = chooseMode(source, options.mode ?? 'auto', options.fullSyncIntervalHours ?? 24, now);
    const runId = await insertSyncRun(db, { sourceId: source.id, source: key, kind: 'discussions', mode, startedAt: now });
    if (source.rate_limited_until && source.rate_limited_until > now) {
      const error = new RateLimitedError(source.rate_limited_until);
      await finishSyncRun(db, runId, { status: 'rate_limited', requests: 0, cost: 0, changed: 0, error: error.message, rateLimitedUntil: source.rate_limited_until });
      return { ...base, status: 'rate_limited' as const, mode, runId, error, rateLimitedUntil: source.rate_limited_until };
    }
    const startRequests = client.stats.requests;
    const startCost = client.stats.cost;
    const counters = { changed: 0, removed: 0 };
    const usage = () => ({ requests: client.stats.requests - startRequests, cost: client.stats.cost - startCost });
    try {
      await scan({ ...options, mode }, source, counters, usage);
      const { requests, cost } = usage();
      await finishSyncRun(db, runId, { status: 'ok', requests, cost, changed: counters.changed, details: { removed: counters.removed } });
      log.info({ source: key, mode, requests, cost, changed: counters.changed, removed: counters.removed }, 'discussions sync finished');
      return { ...base, status: 'ok' as const, mode, runId, requests, cost, changed: counters.changed, removed: counters.removed, error: null };
    } catch (error) {
      const { requests, cost } = usage();
      const err = error as Error;
      if (err instanceof RateLimitedError) {
        await updateSource(db, source.id, { rate_limited_until: err.resetAt });
        await finishSyncRun(db, runId, { status: 'rate_limited', requests, cost, changed: counters.changed, error: err.message, rateLimitedUntil: err.resetAt });
        log.warn({ source: key, resetAt: err.resetAt.toISOString() }, 'GitHub rate limit reached; stopping cleanly');
        return { ...base, status: 'rate_limited' as const, mode, runId, requests, cost, changed: counters.changed, error: err, rateLimitedUntil: err.resetAt };
      }
      await finishSyncRun(db, runId, { status: 'error', requests, cost, changed: counters.changed, error: err.message });
      log.error({ source: key, err }, 'discussions sync failed');
      return { ...base, status: 'error' as const, mode, runId, requests, cost, changed: counters.changed, error: err };
    }
  });
  if (!locked) {
    return { ...base, status: 'skipped', mode: null, runId: null, error: new Error(`another sync of ${key} is running; this one was skipped`) };
  }
  return locked.value;
}

async function scan(
  options: DiscussionSyncOptions & { mode: 'incremental' | 'full' },
  source: SourceRow,
  counters: { changed: number; removed: number },
  usage: () => { requests: number; cost: number },
): Promise<void> {
  const { handle, client, source: config, log, mode } = options;
  const db = handle.db;
  const key = `${config.owner}/${config.repo}`;
  const resume = (source.resume as ResumeState | null) ?? {
    mode,
    startedAt: new Date().toISOString(),
    categoryIndex: 0,
    cursor: null,
    newWatermark: null,
  };
  const runStartedAt = new Date(resume.startedAt);

  // Category ids: a full run refreshes them; an incremental run uses the stored ones, so a
  // run where nothing changed costs one request.
  let categoryIds: (string | null)[] = [null];
  if (config.categories) {
    let stored = await findCategoryNodeIds(db, source.id);
    const missing = config.categories.some((name) => !stored.some((c) => c.name.toLowerCase() === name.toLowerCase() || c.slug === name.toLowerCase()));
    if (mode === 'full' || missing) {
      const repo = await fetchRepositoryInfo(client, config.owner, config.repo);
      await upsertCategories(db, source.id, repo.categories.map(toCategoryRecord));
      stored = repo.categories.map((c) => ({ node_id: c.id, name: c.name, slug: c.slug }));
    }
    categoryIds = resolveCategories(
      { id: '', nameWithOwner: key, categories: stored.map((c) => ({ id: c.node_id, name: c.name, slug: c.slug })) },
      config.categories,
    )!.map((c) => c.id);
  }

  const watermark = source.watermark;
  const threshold = mode === 'incremental' && watermark ? new Date(watermark.getTime() - (options.overlapMs ?? DEFAULT_OVERLAP_MS)) : null;
  let sizes = options.pageSizes ?? DEFAULT_PAGE_SIZES;
  let newWatermark = resume.newWatermark ? new Date(resume.newWatermark) : null;
  let done = 0;
  let total: number | null = null;

  for (let categoryIndex = resume.categoryIndex; categoryIndex < categoryIds.length; categoryIndex++) {
    const categoryId = categoryIds[categoryIndex] ?? null;
    let cursor = categoryIndex === resume.categoryIndex ? resume.cursor : null;
    for (;;) {
      const request = {
        owner: config.owner,
        name: config.repo,
        cursor,
        categoryId,
        order: mode === 'full' ? ('CREATED_AT' as const) : ('UPDATED_AT' as const),
        direction: mode === 'full' ? ('ASC' as const) : ('DESC' as const),
      };
      const fetched = await withShrinkingPages(sizes, (s) => fetchDiscussionsPage(client, request, s), (next, error) =>
        log.warn({ source: key, next, reason: error.message }, 'GitHub found the query too large; asking for smaller pages'),
      );
      sizes = fetched.sizes;
      const page = fetched.result;
      if (categoryIndex === 0 && total === null) total = page.totalCount;
      let reachedWatermark = false;
      const known = mode === 'incremental' ? await findStoredVersions(db, source.id, page.discussions.map((d) => d.number)) : new Map();
      for (const node of page.discussions) {
        const updatedAt = new Date(node.updatedAt);
        if (threshold && updatedAt < threshold) {
          reachedWatermark = true;
          break;
        }
        if (!newWatermark || updatedAt > newWatermark) newWatermark = updatedAt;
        // Inside the overlap window: a discussion already stored at this very version needs no follow-up requests.
        const stored = known.get(node.number);
        if (stored && stored.updatedAt === updatedAt.getTime() && stored.comments === node.comments.totalCount) continue;
        const complete = await completeDiscussion(client, node, sizes);
        const record = toDiscussionRecord(complete);
        const changed = await db.transaction().execute((trx) => upsertDiscussion(trx, source.id, record, new Date()));
        if (changed) counters.changed++;
        done++;
        options.onProgress?.({ source: key, mode, done, total, ...usage() });
      }
      if (reachedWatermark || !page.hasNextPage) break;
      cursor = page.endCursor;
      await updateSource(db, source.id, {
        resume: { mode, startedAt: resume.startedAt, categoryIndex, cursor, newWatermark: newWatermark?.toISOString() ?? null },
      });
    }
    if (categoryIndex + 1 < categoryIds.length) {
      await updateSource(db, source.id, {
        resume: { mode, startedAt: resume.startedAt, categoryIndex: categoryIndex + 1, cursor: null, newWatermark: newWatermark?.toISOString() ?? null },
      });
    }
  }

  if (mode === 'full') counters.removed = await markUnseen(options, source, runStartedAt);

  const finalWatermark = newWatermark && (!watermark || newWatermark > watermark) ? newWatermark : watermark;
  await updateSource(db, source.id, {
    watermark: finalWatermark,
    resume: null,
    rate_limited_until: null,
    ...(mode === 'full' ? { last_full_sync_at: runStartedAt } : {}),
  });
}

/** After a full walk: what GitHub did not return is looked up once, then marked (never deleted). */
async function markUnseen(options: DiscussionSyncOptions, source: SourceRow, runStartedAt: Date): Promise<number> {
  const { handle, client, source: config } = options;
  const unseen = await listUnseenDiscussions(handle.db, source.id, runStartedAt);
  let removed = 0;
  for (const d of unseen) {
    const location = await fetchDiscussionLocation(client, config.owner, config.repo, d.number);
    const at = new Date();
    if (!location) {
      await handle.db.transaction().execute((trx) => markDiscussionRemoved(trx, d.id, 'deleted_or_transferred', at));
      removed++;
    } else if (config.categories && location.category) {
      const tracked = config.categories.some((c) => c.toLowerCase() === location.category!.name.toLowerCase() || c.toLowerCase() === location.category!.slug);
      if (!tracked) {
        await handle.db.transaction().execute((trx) => markDiscussionRemoved(trx, d.id, 'moved_out_of_tracked_categories', at, { category: location.category!.name }));
        removed++;
      }
    }
  }
  return removed;
}
