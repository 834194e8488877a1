import type { DatabaseHandle } from '../db/database.js';
import type { Settings, TrackerConfig } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { createGitHubClient, type GraphQLClient } from './github/client.js';
import { runDiscussionsSync, type DiscussionSyncResult, type SyncProgress } from './run-discussions-sync.js';
import { runMeetingsSync, type MeetingSyncResult } from './run-meetings-sync.js';
import { runMatching, type MatchingResult } from './run-matching.js';
import { runAnalysis, type AnalysisRunResult } from './run-analysis.js';
import { redactUrl } from './meetings/fetch-git-source.js';

export const MISSING_TOKEN_MESSAGE =
  'GITHUB_TOKEN is not set, so GitHub Discussions are not being synced: create a token with the public_repo scope ' +
  '(https://github.com/settings/tokens) and start the tracker with GITHUB_TOKEN=<token>.';

export interface SyncAllOptions {
  handle: DatabaseHandle;
  config: TrackerConfig;
  settings: Pick<Settings, 'githubToken' | 'githubApiUrl'> & Partial<Pick<Settings, 'dataDir'>>;
  log: Logger;
  /** Only this source: a discussions owner/repo, or a meetings repo exactly as configured. */
  only?: string;
  full?: boolean;
  onProgress?: (progress: SyncProgress) => void;
  /** Tests and benchmarks pass their own client (pace, retry timing). */
  client?: GraphQLClient;
}

export interface SyncAllResult {
  discussions: DiscussionSyncResult[];
  meetings: MeetingSyncResult[];
  /** Null when neither meetings nor discussions changed anything that matching depends on. */
  matching: MatchingResult | null;
  /** Proposals re-analysed because something they read changed (one query when nothing did). */
  analysis: AnalysisRunResult;
  /** Set when discussions are configured but cannot be synced (no token). */
  skippedReason: string | null;
}

/** One pass over every configured source, one at a time (GitHub asks for no concurrency). */
export async function runAllSources(options: SyncAllOptions): Promise<SyncAllResult> {
  const { config, settings, log } = options;
  const sources = config.discussions.filter((d) => !options.only || `${d.owner}/${d.repo}`.toLowerCase() === options.only.toLowerCase());
  const meetingSources = config.meetings.filter((m) => !options.only || m.repo === options.only || redactUrl(m.repo) === options.only);
  if (options.only && sources.length === 0 && meetingSources.length === 0) {
    const known = [...config.discussions.map((d) => `${d.owner}/${d.repo}`), ...config.meetings.map((m) => redactUrl(m.repo))];
    throw new Error(`${options.only} is not a configured ${config.meetings.length ? 'discussions or meetings' : 'discussions'} source: use one of ${known.join(', ') || '(none configured)'}.`);
  }
  const results: DiscussionSyncResult[] = [];
  let skippedReason: string | null = null;
  if (sources.length && !settings.githubToken && !options.client) {
    skippedReason = MISSING_TOKEN_MESSAGE;
  } else if (sources.length) {
    const client = options.client ?? createGitHubClient({ token: settings.githubToken!, apiUrl: settings.githubApiUrl, log });
    for (const source of sources) {
      const result = await runDiscussionsSync({
        handle: options.handle,
        client,
        source,
        log,
        mode: options.full ? 'full' : 'auto',
        fullSyncIntervalHours: config.fullSyncIntervalHours,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      results.push(result);
      // Auth problems and rate limits apply to every source: do not hammer GitHub with the rest.
      if (result.status === 'rate_limited' || result.error?.name === 'GitHubAuthError') break;
    }
  }
  const meetings: MeetingSyncResult[] = [];
  for (const source of meetingSources) {
    meetings.push(
      await runMeetingsSync({ handle: options.handle, source, dataDir: settings.dataDir ?? './data', log, mode: options.full ? 'full' : 'incremental' }),
    );
  }
  // Matching reads proposals and meetings: run it when either may have changed (it is a no-op when nothing did).
  const discussionsChanged = results.some((r) => r.changed > 0 || r.removed > 0);
  const meetingsSynced = meetings.some((m) => m.status === 'ok');
  const matching = discussionsChanged || meetingsSynced || options.full ? await runMatching({ handle: options.handle, log, full: options.full ?? false }) : null;
  const analysis = await runAnalysis({ handle: options.handle, committee: config.committee, log });
  return { discussions: results, meetings, matching, analysis, skippedReason };
}
