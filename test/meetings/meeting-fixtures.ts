/**
 * Meeting notes written for these tests in the styles the real notes drift between: a 2024 steering
 * committee file with a bold-speaker transcript, a 2023 SIG file with an AEP number, a working-group file whose
 * only date is in its name and whose link has no scheme, and a nested file. Names are invented.
 */
export const STEERING_MARCH = `# Akash Network - Steering Committee - Meeting #7

## Agenda
- Lumenforge GPU marketplace integration
- Open floor

## Meeting Details
- Date: Thursday, March 14th, 2024
- Time: 08:00 AM PT
- [Recording](https://example.invalid/rec/sc-007)

## Committee
- Oren Castell, Overclock
- Pia Lindqvist (Independent)

## Participants
- Oren Castell
- Pia Lindqvist
- Marta Quill
- Sunday Abara

## Meeting Notes
- Marta presented the proposal at https://github.com/akash-network/community/discussions/41 and took questions on the GPU pricing.
- Sunday asked whether the meetup kits are shipping yet.

## Action Items
- Marta to post the revised budget in the discussion.
- Pia will review the GPU pricing table.

# Transcript

### 00:12:00

**Oren Castell:** Next up is Marta.

**Marta Quill:** Thanks. Everything is in the thread, github.com/akash-network/community/discussions/41, including the budget.

### 00:14:30

**Pia Lindqvist:** Looks fine to me, so we move on.
`;

export const SIG_ECON_NOVEMBER = `# SIG Economics Meeting #3

Date: November 2, 2023

## Participants
* Sunday Abara - Independent
* Grete Olsen - Overclock

## Notes
* Grete summarised where AEP-17 stands: the relay hardening work is waiting for review.
* Nothing else was discussed; the rest of the call was open floor
`;

export const WG_EVENTS_MAY = `# Events Working Group

Attendees: Sunday Abara, Noor Vance

- Reviewed the meetup kit request at github.com/orgs/akash-network/discussions/52#discussioncomment-9911
- Next meeting in two weeks
`;

export const STEERING_APRIL_NESTED = `# Steering Committee Meeting #8

- Date: April 11, 2024

## Notes
- Short meeting; the relay work (see AEP 17) was postponed.
`;

/** Matched by `committee-steering/meetings/**\/*.md` and the other include globs below. */
export const MEETING_FILES: Record<string, string> = {
  'committee-steering/meetings/007-2024-03-14.md': STEERING_MARCH,
  'committee-steering/meetings/2024/008-2024-04-11.md': STEERING_APRIL_NESTED,
  'sig-economics/meetings/meeting-2023-11-02.md': SIG_ECON_NOVEMBER,
  'wg-events/meetings-2024/2024-05-09.md': WG_EVENTS_MAY,
};

/** Files the include globs must leave out. */
export const OTHER_FILES: Record<string, string> = {
  'README.md': '# Community\n\nNot a meeting.\n',
  'committee-steering/README.md': '# Steering Committee\n\nDate: January 1, 2024 (how we meet)\n',
  'committee-steering/meetings/template.txt': 'Date: January 1, 2024\n',
  'sig-economics/agenda.md': '# Agenda\n\nDate: March 1, 2024\n',
};

export const INCLUDE = ['committee-steering/meetings/**/*.md', 'sig-*/meetings/**/*.md', 'wg-*/meeting*/**/*.md'];

export const PROPOSALS = [
  {
    number: 41,
    title: 'Lumenforge GPU Marketplace Integration',
    body: '## Summary\n\nThe Lumenforge team wants to list Akash GPUs in its marketplace.\n\nProposed by Marta Quill (Lumenforge).',
    createdAt: '2024-02-20T10:00:00Z',
  },
  {
    number: 52,
    title: 'Community Meetup Kit',
    body: 'Printed kits for local meetups.\n\nProposed by Noor Vance.',
    createdAt: '2024-04-30T10:00:00Z',
  },
  {
    number: 60,
    title: 'Relay hardening (AEP-17)',
    body: 'Implements AEP-17 for the relay.\n\nProposed by Grete Olsen.',
    createdAt: '2023-10-01T10:00:00Z',
  },
];
