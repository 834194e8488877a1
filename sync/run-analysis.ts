import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../db/database.js';
import { findAnalysisSources, listAnalysisFingerprints, upsertAnalysis } from '../db/queries/analysis.js';
import type { CommitteeMemberConfig } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { analyzeProposal, ANALYSIS_VERSION } from './extract/analyze-proposal.js';
import type { AnalysisInput, ProposalAnalysis } from './extract/types.js';
import { buildAnalysisInput } from './analysis/build-analysis-input.js';

export interface AnalysisRunResult {
  checked: number;
  analysed: number;
  failed: { discussionId: number; error: string }[];
  ms: number;
}

const BATCH = 50;

function latest(dates: (string | null | undefined)[]): Date | null {
  const valid = dates.filter((d): d is string => !!d).sort();
  return valid.length ? new Date(valid[valid.length - 1]!) : null;
}

function activity(input: AnalysisInput, result: ProposalAnalysis) {
  const author = input.proposal.author?.toLowerCase();
  const byAuthor = input.comments.flatMap((c) => [c, ...c.replies]).filter((c) => author && c.author?.toLowerCase() === author);
  return {
    lastProposerActivityAt: latest([
      input.proposal.createdAt,
      ...input.edits.filter((e) => author && e.editor?.toLowerCase() === author).map((e) => e.editedAt),
      ...byAuthor.map((c) => c.createdAt),
    ]),
    lastCommitteeActivityAt: latest(result.feedback.map((f) => (f.at.length === 10 ? `${f.at}T00:00:00Z` : f.at))),
    lastMentionDate: input.meetings.map((m) => m.date).sort().pop() ?? null,
  };
}

/**
 * Re-analyses the discussions whose inputs (or the analysis version, or the committee) changed
 * since they were last analysed; with nothing changed it costs one query.
 */
export async function runAnalysis(options: { handle: DatabaseHandle; committee: CommitteeMemberConfig[]; log: Logger; now?: Date }): Promise<AnalysisRunResult> {
  const started = Date.now();
  const { handle, committee, log } = options;
  const db = handle.db;
  const context = createHash('sha256').update(JSON.stringify({ v: ANALYSIS_VERSION, committee })).digest('hex').slice(0, 16);
  const fingerprints = await listAnalysisFingerprints(db);
  const stale = fingerprints.filter((f) => f.version !== ANALYSIS_VERSION || f.stored !== `${context}:${f.fingerprint}`);
  const failed: AnalysisRunResult['failed'] = [];
  const now = (options.now ?? new Date()).toISOString();
  for (let i = 0; i < stale.length; i += BATCH) {
    const batch = stale.slice(i, i + BATCH);
    const rows = await findAnalysisSources(db, batch.map((b) => b.id));
    for (const { id, fingerprint } of batch) {
      try {
        const input = buildAnalysisInput(rows, id, committee);
        const result = analyzeProposal(input, { now });
        await upsertAnalysis(
          db,
          {
            discussionId: id,
            version: ANALYSIS_VERSION,
            inputHash: `${context}:${fingerprint}`,
            status: result.status,
            statusReason: result.statusReason,
            requested: result.requested,
            openQuestionCount: result.openQuestionCount,
            questionCount: result.questions.length,
            mentionCount: rows.mentions.filter((m) => m.discussion_id === id).length,
            ...activity(input, result),
            result,
          },
          new Date(),
        );
      } catch (error) {
        // One proposal that cannot be analysed must not stop the others; it is retried next run.
        failed.push({ discussionId: id, error: (error as Error).message });
        log.error({ discussionId: id, err: error }, 'analysis failed for one proposal');
      }
    }
  }
  const result = { checked: fingerprints.length, analysed: stale.length - failed.length, failed, ms: Date.now() - started };
  if (stale.length) log.info({ ...result, failed: failed.length }, 'analysis finished');
  return result;
}
