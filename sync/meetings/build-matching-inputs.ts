import { createHash } from 'node:crypto';
import type { ProposalForMatching } from '../match/types.js';
import { MATCHER_VERSION } from '../match/match-meeting.js';
import { findStatusPhrases } from '../extract/find-status-phrases.js';

/** Stored proposals as the database hands them over (see `listMatchingProposalRows`). */
export interface MatchingProposalRows {
  discussions: { id: number; sourceKey: string; number: number; title: string; body: string; createdAt: Date; url: string }[];
  chainComments: { discussionId: number; body: string }[];
}

export interface MatchingGroup {
  /** The discussions source, `owner/repo`. */
  sourceKey: string;
  proposals: ProposalForMatching[];
}

export interface MatchingInputs {
  /** One group per discussions source: discussion numbers are only unique within a repository. */
  groups: MatchingGroup[];
  /**
   * Changes exactly when something the matcher reads changes (titles, bodies, dates, on-chain numbers, the set
   * itself) or the matcher's rules do (`MATCHER_VERSION`).
   */
  hash: string;
  /** `owner/repo#number` (lower-cased) to the stored discussion id. */
  discussionIds: Map<string, number>;
}

export function proposalKey(owner: string | null, repo: string | null, number: number): string {
  return `${owner ?? ''}/${repo ?? ''}#${number}`.toLowerCase();
}

/** On-chain proposal numbers a text names, one per paragraph (explorer links, "on-chain proposal #231"). */
function onchainNumbers(text: string): number[] {
  const found = new Set<number>();
  for (const paragraph of text.split(/\n\s*\n/)) {
    const n = findStatusPhrases(paragraph).onChain;
    if (n !== null) found.add(n);
  }
  return [...found].sort((a, b) => a - b);
}

/** Turns stored discussions into the matcher's proposals, grouped per source, with a hash of everything it reads. */
export function buildMatchingInputs(rows: MatchingProposalRows, matcherVersion = MATCHER_VERSION): MatchingInputs {
  const chainTexts = new Map<number, string[]>();
  for (const c of rows.chainComments) chainTexts.set(c.discussionId, [...(chainTexts.get(c.discussionId) ?? []), c.body]);
  const groups = new Map<string, MatchingGroup>();
  const discussionIds = new Map<string, number>();
  const sorted = [...rows.discussions].sort((a, b) => (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : a.number - b.number));
  for (const d of sorted) {
    const [owner = '', repo = ''] = d.sourceKey.split('/');
    const onchain = [...new Set([d.body, ...(chainTexts.get(d.id) ?? [])].flatMap(onchainNumbers))].sort((a, b) => a - b);
    const proposal: ProposalForMatching = {
      owner,
      repo,
      number: d.number,
      title: d.title,
      body: d.body,
      createdAt: d.createdAt.toISOString(),
      url: d.url,
      ...(onchain.length ? { onchain } : {}),
    };
    let group = groups.get(d.sourceKey);
    if (!group) groups.set(d.sourceKey, (group = { sourceKey: d.sourceKey, proposals: [] }));
    group.proposals.push(proposal);
    discussionIds.set(proposalKey(owner, repo, d.number), d.id);
  }
  const hash = createHash('sha256');
  hash.update(`matcher ${matcherVersion}`);
  for (const group of groups.values()) {
    hash.update(`\u0001${group.sourceKey}`);
    for (const p of group.proposals) hash.update(JSON.stringify([p.number, p.title, p.body, p.createdAt, p.url, p.onchain ?? []]));
  }
  return { groups: [...groups.values()], hash: hash.digest('hex').slice(0, 32), discussionIds };
}
