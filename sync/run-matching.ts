import type { DatabaseHandle } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import { clearMeetingMatches, listMeetingsToMatch, type MeetingToMatch } from '../db/queries/meetings.js';
import { listMatchingProposalRows, replaceMeetingMentions, type MentionRecord } from '../db/queries/mentions.js';
import { buildProposalIndex } from './match/build-proposal-index.js';
import { matchMeeting } from './match/match-meeting.js';
import type { ProposalIndex } from './match/types.js';
import { buildMatchingInputs, proposalKey, type MatchingInputs } from './meetings/build-matching-inputs.js';
import { withSourceLock } from './source-lock.js';

export interface MatchingOptions {
  handle: DatabaseHandle;
  log: Logger;
  /** Re-match every present meeting, even those already matched with the current proposals. */
  full?: boolean;
  /** Meetings loaded and written per transaction. */
  batchSize?: number;
}

export interface MatchingResult {
  status: 'ok' | 'skipped';
  /** Hash of the proposal inputs the meetings were matched with. */
  inputsHash: string;
  proposals: number;
  meetingsMatched: number;
  mentions: number;
  /** Meetings the matcher threw on (logged; retried on the next run). */
  failures: { meetingId: number; error: string }[];
  durationMs: number;
}

function toRecords(meeting: MeetingToMatch, indexes: ProposalIndex[], inputs: MatchingInputs): MentionRecord[] {
  const records: MentionRecord[] = [];
  for (const index of indexes) {
    for (const m of matchMeeting(meeting.meeting, index)) {
      const discussionId = inputs.discussionIds.get(proposalKey(m.owner, m.repo, m.proposalNumber));
      if (discussionId === undefined) continue;
      records.push({
        discussionId,
        kind: m.kind,
        confidence: Math.min(1, Math.max(0, m.confidence)),
        heading: m.heading,
        speaker: m.speaker,
        timestamp: m.timestamp,
        excerpt: m.excerpt,
        matchedText: m.matchedText,
        spanStart: m.span[0],
        spanEnd: m.span[1],
      });
    }
  }
  return records;
}

/**
 * Finds the proposals each meeting mentions and stores them, incrementally. A meeting is matched when it was
 * (re-)parsed since its last match, or when the proposals' matching inputs changed since then. The matcher's
 * proposal index is global (how rare a word is across all proposals decides what counts as a name), so any
 * change to the inputs re-matches every meeting; `full` does so regardless. Each batch of meetings has its
 * mentions replaced in one transaction.
 */
export async function runMatching(options: MatchingOptions): Promise<MatchingResult> {
  const { handle, log } = options;
  const db = handle.db;
  const started = Date.now();
  const locked = await withSourceLock(handle, 'matching', async (): Promise<MatchingResult> => {
    const inputs = buildMatchingInputs(await listMatchingProposalRows(db));
    // Built on first need: an unchanged pass only reads the proposals and compares one hash.
    let indexes: ProposalIndex[] | undefined;
    const proposals = inputs.groups.reduce((n, g) => n + g.proposals.length, 0);
    if (options.full) await clearMeetingMatches(db);
    const batchSize = options.batchSize ?? 50;
    const failures: MatchingResult['failures'] = [];
    let matched = 0;
    let mentions = 0;
    let afterId = 0;
    for (;;) {
      const batch = await listMeetingsToMatch(db, inputs.hash, afterId, batchSize);
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
      indexes ??= inputs.groups.map((g) => buildProposalIndex(g.proposals));
      const results: { meeting: MeetingToMatch; records: MentionRecord[] }[] = [];
      for (const meeting of batch) {
        try {
          results.push({ meeting, records: toRecords(meeting, indexes, inputs) });
        } catch (error) {
          failures.push({ meetingId: meeting.id, error: (error as Error).message });
          log.warn({ meetingId: meeting.id, path: meeting.meeting.path, err: error }, 'matcher failed on a meeting; it stays unmatched');
        }
      }
      const at = new Date();
      await db.transaction().execute(async (trx) => {
        for (const { meeting, records } of results) {
          if (await replaceMeetingMentions(trx, meeting, records, inputs.hash, at)) {
            matched++;
            mentions += records.length;
          }
        }
      });
    }
    const durationMs = Date.now() - started;
    if (matched || failures.length) log.info({ proposals, meetingsMatched: matched, mentions, failures: failures.length, ms: durationMs }, 'matching finished');
    return { status: 'ok', inputsHash: inputs.hash, proposals, meetingsMatched: matched, mentions, failures, durationMs };
  });
  if (!locked) return { status: 'skipped', inputsHash: '', proposals: 0, meetingsMatched: 0, mentions: 0, failures: [], durationMs: Date.now() - started };
  return locked.value;
}
