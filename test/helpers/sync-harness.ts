import { silentLogger } from '../../lib/logger.js';
import { createGitHubClient, type GraphQLClient } from '../../sync/github/client.js';
import { runDiscussionsSync, type DiscussionSyncOptions } from '../../sync/run-discussions-sync.js';
import type { DatabaseHandle } from '../../db/database.js';
import type { StandIn } from '../github-standin/index.js';
import type { DiscussionSourceConfig } from '../../lib/config.js';

/** A client pointed at the stand-in, with no pacing and millisecond retry waits. */
export function standInClient(standIn: StandIn, token = 'test-token'): GraphQLClient {
  return createGitHubClient({ token, apiUrl: standIn.url, log: silentLogger, minRequestIntervalMs: 0, retryBaseMs: 4, maxRetries: 6 });
}

export function syncOnce(
  handle: DatabaseHandle,
  standIn: StandIn,
  source: DiscussionSourceConfig,
  extra: Partial<DiscussionSyncOptions> = {},
) {
  return runDiscussionsSync({ handle, client: extra.client ?? standInClient(standIn), source, log: silentLogger, ...extra });
}
