import { describe, expect, test } from '@jest/globals';
import { extractCommitteeRoster, findCommitteeMember } from '../../sync/extract/extract-committee-roster.js';
import { extractFeedback } from '../../sync/extract/extract-feedback.js';
import { extractProposerIdentity } from '../../sync/extract/extract-proposer-identity.js';
import { buildComment, buildMeeting, buildProposal, buildReply, COMMITTEE, note, turn } from '../fixtures/analysis/build-analysis-input.js';

const identity = extractProposerIdentity(buildProposal());

describe('committee roster', () => {
  const meeting = buildMeeting({ committee: ['Marta Kowalczyk, Overclock Labs', 'Greta Lindqvist (Overclock Labs)', 'Tomas Ibanez'] });
  const roster = extractCommitteeRoster(COMMITTEE, [meeting]);

  test('merges meeting Committee lists with config, adding unknown names', () => {
    expect(roster.members.map((m) => m.name)).toEqual(['Marta Kowalczyk', 'Tomás Ibáñez', 'Desmond Achebe', 'Greta Lindqvist']);
  });

  test.each([
    ['mkowal', 'Marta Kowalczyk'], ['@MKOWAL', 'Marta Kowalczyk'], ['marta k', 'Marta Kowalczyk'], ['Marta', 'Marta Kowalczyk'],
    ['TOMAS IBANEZ', 'Tomás Ibáñez'], ['Tomás', 'Tomás Ibáñez'], ['Des', 'Desmond Achebe'], ['Desmond Achebee', 'Desmond Achebe'],
    ['Greta Lindqvist, Overclock', 'Greta Lindqvist'],
  ])('%s is %s', (name, expected) => {
    expect(findCommitteeMember(roster, name)?.name).toBe(expected);
  });

  test.each(['Martin', 'Priya Raman', 'random-login', '', 'Marta Nowak'])('%s is nobody on the committee', (name) => {
    expect(findCommitteeMember(roster, name)).toBeNull();
  });

  test('a first name shared by two members is not an alias for either', () => {
    const shared = extractCommitteeRoster([...COMMITTEE, { name: 'Marta Silva', login: null, aliases: [] }], []);
    expect(findCommitteeMember(shared, 'Marta')).toBeNull();
    expect(findCommitteeMember(shared, 'Marta Silva')?.name).toBe('Marta Silva');
  });
});

describe('extractFeedback', () => {
  const meeting = buildMeeting({
    date: '2024-03-28',
    committee: ['Marta Kowalczyk', 'Greta Lindqvist'],
    passages: [
      note('- Priya Raman walked through the three phases.\n- Marta and Des pushed back on the size of phase 2.\n- The team will share cost per run.'),
      turn('Tomas Ibanez', 'I like it, but the ARM story needs to be in phase 1, not phase 3.', '00:31:00'),
      turn('Priya Raman', 'Understood, we can move it.', '00:31:30'),
    ],
  });
  const comments = [
    buildComment('mkowal', 'Supportive overall. Phase 2 looks expensive for what it delivers.', '2024-03-05T10:00:00Z', [
      buildReply('lumen-dev', 'Thanks Marta, we will trim it.', '2024-03-05T12:00:00Z'),
      buildReply('dachebe', 'Agree with Marta on phase 2.', '2024-03-06T09:00:00Z'),
    ]),
    buildComment('not-on-committee', 'Love this!', '2024-03-05T11:00:00Z'),
    buildComment('dachebe', 'This was my comment before I deleted it', '2024-03-07T11:00:00Z', [], { deleted: true }),
  ];
  const roster = extractCommitteeRoster(COMMITTEE, [meeting]);
  const result = extractFeedback(comments, [meeting], roster, identity);

  test('comments and replies by login, transcript turns by speaker name, note lines naming members by first name or alias', () => {
    expect(result.feedback.map((item) => [item.member, item.kind])).toEqual([
      ['Marta Kowalczyk', 'comment'],
      ['Desmond Achebe', 'reply'],
      ['Marta Kowalczyk', 'note'],
      ['Desmond Achebe', 'note'],
      ['Tomás Ibáñez', 'transcript'],
    ]);
    const transcript = result.feedback.find((item) => item.kind === 'transcript');
    expect(transcript?.source).toMatchObject({ type: 'meeting', meetingId: meeting.meetingId, timestamp: '00:31:00' });
    expect(transcript?.at).toBe('2024-03-28');
  });

  test('groups per member with counts and first/last dates', () => {
    const marta = result.byMember.find((entry) => entry.member === 'Marta Kowalczyk');
    expect(marta).toMatchObject({ login: 'mkowal', count: 2, firstAt: '2024-03-05T10:00:00Z', lastAt: '2024-03-28' });
  });

  test('members who said nothing anywhere are silent', () => {
    expect(result.silentMembers).toEqual(['Greta Lindqvist']);
  });

  test('with no activity at all every member is silent', () => {
    expect(extractFeedback([], [], roster, identity).silentMembers).toEqual(roster.members.map((m) => m.name));
  });
});
