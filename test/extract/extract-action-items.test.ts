import { describe, expect, test } from '@jest/globals';
import { extractActionItems, extractTitleKeywords } from '../../sync/extract/extract-action-items.js';
import { extractProposerIdentity } from '../../sync/extract/extract-proposer-identity.js';
import { buildMeeting, buildProposal } from '../fixtures/analysis/build-analysis-input.js';

describe('extractActionItems', () => {
  const proposal = buildProposal({ number: 604, title: 'NeuroMesh: community-owned LLM hosting on Akash', body: 'Proposed by Ana Souza and Kofi Mensah.' });
  const identity = extractProposerIdentity(proposal);
  const meeting = buildMeeting({
    date: '2024-08-29', group: 'Steering Committee',
    actionItems: [
      { owner: null, text: 'NeuroMesh team to provide a demo and continue discussion on GitHub.' },
      { owner: 'Zoe', text: 'Community members to join SIG Economics next week.' },
      { owner: 'Kofi Mensah', text: 'Share the hosting cost sheet.' },
      { owner: null, text: 'Follow up on discussion #604 with the core team.' },
      { owner: null, text: 'Publish the notes.', related: true },
      { owner: null, text: 'Fix the real-world hosting docs for providers.' },
    ],
  });
  const sig = buildMeeting({ date: '2024-08-12', group: 'SIG Providers', actionItems: [{ owner: null, text: 'Ana Souza to write up the neuromesh provider requirements.' }] });

  test('keeps items naming the proposal, its number or the proposers, in meeting order, with the meeting', () => {
    const items = extractActionItems([meeting, sig], proposal, identity);
    expect(items.map((item) => item.text)).toEqual([
      'Ana Souza to write up the neuromesh provider requirements.',
      'NeuroMesh team to provide a demo and continue discussion on GitHub.',
      'Share the hosting cost sheet.',
      'Follow up on discussion #604 with the core team.',
      'Publish the notes.',
    ]);
    expect(items[1]?.meeting).toMatchObject({ id: meeting.meetingId, group: 'Steering Committee', date: '2024-08-29' });
    expect(items[2]?.owner).toBe('Kofi Mensah');
  });

  test('title keywords drop the words every proposal shares', () => {
    expect(extractTitleKeywords('2024 Akash Community Support Proposal: NeuroMesh GPU hosting')).toEqual(['neuromesh', 'hosting']);
  });
});
