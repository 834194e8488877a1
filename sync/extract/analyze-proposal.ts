import { buildTimeline } from './build-timeline.js';
import { deriveStatusStages } from './derive-status-stages.js';
import { deriveStatus } from './derive-status.js';
import { extractActionItems } from './extract-action-items.js';
import { extractBudgetHistory, listBodyVersions } from './extract-budget-history.js';
import { extractBudget } from './extract-budget.js';
import { extractCommitteeRoster } from './extract-committee-roster.js';
import { extractFeedback } from './extract-feedback.js';
import { extractProposerIdentity } from './extract-proposer-identity.js';
import { extractQuestions } from './extract-questions.js';
import { extractStatusSignals } from './extract-status-signals.js';
import { parseAnalysisInput } from './parse-analysis-input.js';
import type { AnalysisInput, AnalysisOptions, ProposalAnalysis } from './types.js';

/** Bump whenever the output for the same input changes, so stored analyses are recomputed. */
export const ANALYSIS_VERSION = 5;

/**
 * Everything users come for, from one proposal's raw data: budget and its history, questions and
 * whether they were answered, committee feedback and who stayed silent, action items, status with
 * its evidence, and the timeline with stage durations. Pure: the same input and `now` give the
 * same output. Malformed input throws InvalidAnalysisInput listing every problem.
 */
export function analyzeProposal(input: AnalysisInput, options: AnalysisOptions = {}): ProposalAnalysis {
  const data = parseAnalysisInput(input);
  const now = options.now ?? new Date().toISOString();
  const { proposal } = data;
  const identity = extractProposerIdentity(proposal);
  const roster = extractCommitteeRoster(data.committee, data.meetings);
  const bodyVersions = listBodyVersions(proposal, data.edits);
  const history = extractBudgetHistory(proposal, data.edits);
  const budget = { ...extractBudget(proposal.body), history };
  const questions = extractQuestions(data.comments, data.meetings, identity, roster);
  const feedback = extractFeedback(data.comments, data.meetings, roster, identity);
  const actionItems = extractActionItems(data.meetings, proposal, identity);
  const signals = extractStatusSignals(data, questions, bodyVersions, identity, roster);
  const status = deriveStatus(signals, data.override, now);
  const stages = deriveStatusStages(signals, data.override, now);
  const timeline = buildTimeline({
    proposal, bodyVersions, budgetHistory: history, comments: data.comments, meetings: data.meetings,
    questions, actionItems, stages, signals, roster,
  });
  return {
    version: ANALYSIS_VERSION,
    budget,
    requested: budget.totals,
    questions,
    openQuestionCount: questions.filter((question) => !question.answered).length,
    feedback: feedback.feedback,
    feedbackByMember: feedback.byMember,
    silentMembers: feedback.silentMembers,
    actionItems,
    status: status.status,
    statusReason: status.reason,
    statusEvidence: status.evidence,
    statusOverridden: status.overridden,
    timeline,
    stages,
  };
}
