import { isProposer, type ProposerIdentity } from './extract-proposer-identity.js';
import { normalizePersonName } from './normalize-person-name.js';
import type { ActionItem, MeetingInput, ProposalInput } from './types.js';

const GENERIC_WORDS = new Set(
  ('akash network proposal proposals funding fund request community support program programs programme development developer ' +
    'developers deployment deployments provider providers team project projects grant phase update new open source full features ' +
    'adding add initiative initiatives the for and with from into onto about our your this that pilot resourcing year quarter ' +
    'activities activity events event console cloud based decentralized decentralised integration contribution contributions misc')
    .split(' '),
);
const MIN_KEYWORD = 4;

function keywordsOf(text: string): string[] {
  const words = normalizePersonName(text).split(' ');
  return words.filter((word) => word.length >= MIN_KEYWORD && !GENERIC_WORDS.has(word) && !/^\d+$/u.test(word));
}

/**
 * Words of the title that name this proposal rather than any proposal. When the title starts with
 * a name ("NeuroMesh: LLM hosting …") or carries one in brackets ("… Proposal (Zealy)"), only
 * that name counts, so the description words do not match unrelated items.
 */
export function extractTitleKeywords(title: string): string[] {
  const [head, ...rest] = title.split(/\s*(?::|\s[-–—|]\s)\s*/u);
  const bracketed = [...title.matchAll(/\(([^()]{2,60})\)/gu)].map((match) => match[1] ?? '');
  const named = rest.length > 0 && head !== undefined ? [...keywordsOf(head), ...bracketed.flatMap(keywordsOf)] : bracketed.flatMap(keywordsOf);
  return [...new Set(named.length > 0 ? named : keywordsOf(title))];
}

function stem(word: string): string {
  return word.replace(/(?:es|s)$/u, '');
}

function concernsProposal(text: string, owner: string | null, proposal: ProposalInput, keywords: readonly string[], identity: ProposerIdentity): boolean {
  if (new RegExp(String.raw`(?:#|\b(?:discussion|proposal)\s+#?)${proposal.number}\b`, 'iu').test(text)) return true;
  if (isProposer(identity, owner)) return true;
  const words = new Set(normalizePersonName(`${owner ?? ''} ${text}`).split(' ').map(stem));
  if (keywords.some((keyword) => words.has(stem(keyword)))) return true;
  const haystack = ` ${normalizePersonName(text)} `;
  return identity.names.some((name) => name.includes(' ') && haystack.includes(` ${name} `));
}

/**
 * Action items from the meetings that concern this proposal: marked related by the meeting parser,
 * or naming the proposal (number, a distinctive title word) or the proposer.
 */
export function extractActionItems(meetings: readonly MeetingInput[], proposal: ProposalInput, identity: ProposerIdentity): ActionItem[] {
  const keywords = extractTitleKeywords(proposal.title);
  const items: ActionItem[] = [];
  for (const meeting of [...meetings].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const item of meeting.actionItems) {
      if (item.related !== true && !concernsProposal(item.text, item.owner, proposal, keywords, identity)) continue;
      items.push({
        text: item.text.trim(),
        owner: item.owner,
        meeting: { id: meeting.meetingId, path: meeting.path, title: meeting.title, group: meeting.group, date: meeting.date },
      });
    }
  }
  return items;
}
