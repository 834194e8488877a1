import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { buildProposalIndex } from '../../sync/match/build-proposal-index.js';
import { matchMeeting } from '../../sync/match/match-meeting.js';
import type { Mention, ProposalForMatching } from '../../sync/match/types.js';

const fixtures = fileURLToPath(new URL('../fixtures/meetings/', import.meta.url));
const proposals = JSON.parse(readFileSync(fixtures + 'proposals.json', 'utf8')) as ProposalForMatching[];
const index = buildProposalIndex(proposals);
const matchFile = (rel: string): Mention[] => matchMeeting(parseMeeting(rel, readFileSync(fixtures + rel, 'utf8')), index);
const matchText = (text: string, date = '2024-06-01', idx = index): Mention[] =>
  matchMeeting(parseMeeting(`sig-community/meetings/001-${date}.md`, text), idx);
const numbers = (mentions: Mention[]): number[] => [...new Set(mentions.map((m) => m.proposalNumber))].sort((a, b) => a - b);
const byKind = (mentions: Mention[], kind: Mention['kind']): number[] => numbers(mentions.filter((m) => m.kind === kind));

describe('links', () => {
  test('every discussion-link form finds exactly the discussion it names', () => {
    const text = [
      '# Meeting',
      '## Notes',
      '- [the proposal](https://github.com/akash-network/community/discussions/301)',
      '- see github.com/orgs/akash-network/discussions/302#discussioncomment-99 too',
      '- <https://www.github.com/akash-network/community/discussions/58>',
      '- https://github.com/akash-network/community/discussions/3011 is not 301',
    ].join('\n');
    const mentions = matchText(text);
    expect(byKind(mentions, 'link')).toEqual([58, 301, 302]);
    const link = mentions.find((m) => m.proposalNumber === 302)!;
    expect(link.confidence).toBeGreaterThan(0.9);
    expect(link.heading).toBe('Notes');
  });

  test('owner/repo of a proposal must agree with the link', () => {
    const idx = buildProposalIndex([{ owner: 'akash-network', repo: 'community', number: 85, title: 'Cloud Thing' }]);
    expect(numbers(matchText('- github.com/someone-else/community/discussions/85', '2024-06-01', idx))).toEqual([]);
    const ok = matchText('- github.com/orgs/akash-network/discussions/85', '2024-06-01', idx);
    expect(ok.map((m) => [m.proposalNumber, m.owner, m.repo])).toEqual([[85, 'akash-network', 'community']]);
  });
});

describe('numbers', () => {
  test('AEP numbers in every spelling, AP only when AEPs are the topic', () => {
    expect(byKind(matchText('# N\n- AEP-12 is ready'), 'aep')).toEqual([330]);
    expect(byKind(matchText('# N\n- we discussed Aep12 today'), 'aep')).toEqual([330]);
    expect(byKind(matchText('# N\n- AEP review: AP7 goes first'), 'aep')).toEqual([350]);
    expect(byKind(matchText('# N\n- AP 7 is the name of a highway.'), 'aep')).toEqual([]);
  });

  test('on-chain numbers: "proposal 245", "prop #245", mintscan links; plain numbers are not enough', () => {
    expect(byKind(matchText('# N\n- proposal 245 passed'), 'onchain')).toEqual([340]);
    expect(byKind(matchText('# N\n- Prop #245 is live'), 'onchain')).toEqual([340]);
    expect(byKind(matchText('# N\n- vote at https://www.mintscan.io/akash/proposals/245'), 'onchain')).toEqual([340]);
    expect(byKind(matchText('# N\n- we paid 245 dollars for hosting'), 'onchain')).toEqual([]);
    expect(byKind(matchText('# N\n- discussion #245 and proposal 246'), 'onchain')).toEqual([]);
  });
});

describe('names', () => {
  test('exact names from the title and garbled ones from speech-to-text', () => {
    const mentions = matchFile('committee-steering/meetings/004-2023-06-15.md');
    expect(byKind(mentions, 'name')).toContain(301);
    expect(byKind(mentions, 'fuzzy_name')).toEqual([301]);
    const garbled = mentions.find((m) => m.kind === 'fuzzy_name')!;
    expect(garbled.matchedText).toBe('nebu lon');
    expect(garbled.speaker).toBe('Quill Ferreira');
    expect(garbled.heading).toBe('Transcript');
    const wg = matchFile('wg-akash-website/meetings/014-2024-09-05.md');
    const harbour = wg.find((m) => m.proposalNumber === 302)!;
    expect(harbour.kind).toBe('fuzzy_name');
    expect(harbour.timestamp).toBe('00:05:00');
  });

  test('generic words and people do not name a proposal', () => {
    const text = [
      '# Notes',
      '- The community funding discussion covered support, events and the network.',
      '- Quill Ferreira and Noor Haddad said the quests were fun.',
      '- We need better tooling and a bridge for akash builders.',
    ].join('\n');
    expect(numbers(matchText(text))).toEqual([]);
  });

  test('a spelling close to a name but meaning something else is not a garbled name', () => {
    expect(numbers(matchText('# Notes\n- The sky is clear over the harbour today.'))).toEqual([]);
  });

  test('spans, excerpts and matched text point into the original markdown', () => {
    const meeting = parseMeeting('sig-economics/meetings/012-2024-01-10.md', readFileSync(fixtures + 'sig-economics/meetings/012-2024-01-10.md', 'utf8'));
    for (const mention of matchMeeting(meeting, index)) {
      expect(meeting.raw.slice(mention.span[0], mention.span[1])).toBe(mention.matchedText);
      expect(mention.excerpt.length).toBeLessThanOrEqual(302);
      expect(mention.confidence).toBeGreaterThan(0);
      expect(mention.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('recurring programs', () => {
  test('a program word with a period picks the proposal of that period', () => {
    expect(numbers(matchText('# Notes\n- The community events proposal for 2024 passed.', '2024-01-10'))).toEqual([310]);
    expect(numbers(matchText('# Notes\n- The Q3 events proposal is live.', '2024-06-01'))).toEqual([310]);
    expect(numbers(matchText('# Notes\n- The events proposal for 2025 is drafted.', '2024-11-20'))).toEqual([311]);
  });

  test('without a period in the text, the proposal current at the meeting date', () => {
    expect(numbers(matchText('# Notes\n- The events budget was approved.', '2024-05-01'))).toEqual([310]);
    expect(numbers(matchText('# Notes\n- The events budget was approved.', '2025-03-01'))).toEqual([311]);
  });

  test('a proposal from another period is not matched', () => {
    expect(numbers(matchText('# Notes\n- The Q3 events proposal is live.', '2023-06-01'))).toEqual([]);
  });

  test('series numbers pick the right round, before or after the name, within one sentence', () => {
    expect(numbers(matchText('# Notes\n- Builder Quests Proposal 2 is live.'))).toEqual([321]);
    expect(numbers(matchText('# Notes\n- The second builder quests proposal passed.'))).toEqual([321]);
    expect(numbers(matchText('# Notes\n- Questly phase 2 starts.'))).toEqual([321]);
    const createdAt = proposals.map((p) => ({ ...p, createdAt: p.number === 321 ? '2024-08-01' : '2024-01-01' }));
    const idx = buildProposalIndex(createdAt);
    expect(numbers(matchText('# Notes\n- Questly update. The 2nd sprint started.', '2024-05-01', idx))).toEqual([320]);
    expect(numbers(matchText('# Notes\n- Questly update.', '2024-09-01', idx))).toEqual([321]);
  });

  test('first links date proposals that carry no createdAt', () => {
    const idx = buildProposalIndex(proposals, { firstLinkedAt: { 320: '2024-01-15', 321: '2024-07-20' } });
    expect(numbers(matchText('# Notes\n- Questly update.', '2024-03-01', idx))).toEqual([320]);
    expect(numbers(matchText('# Notes\n- Questly update.', '2024-08-01', idx))).toEqual([321]);
  });
});

describe('determinism and shape', () => {
  test('the same input gives the same mentions, as plain JSON', () => {
    const a = matchFile('sig-economics/meetings/012-2024-01-10.md');
    const b = matchFile('sig-economics/meetings/012-2024-01-10.md');
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(numbers(a)).toEqual([302, 310, 330, 340]);
  });
});

describe('one passage, one mention', () => {
  test('two ways of naming one proposal on one line are shown once, with the stronger reading', () => {
    const mentions = matchText('# N\n## Notes\n- Prop #245 passed on chain ([mintscan](https://www.mintscan.io/akash/proposals/245)).\n').filter((m) => m.proposalNumber === 340);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.kind).toBe('onchain');
    expect(mentions[0]!.confidence).toBe(0.95);
  });

  test('the same proposal on two lines is two mentions', () => {
    const mentions = matchText('# N\n## Notes\n- Prop #245 passed on chain.\n- See [mintscan](https://www.mintscan.io/akash/proposals/245).\n').filter((m) => m.proposalNumber === 340);
    expect(mentions).toHaveLength(2);
  });
});
