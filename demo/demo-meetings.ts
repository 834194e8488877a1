/** Fictional meeting notes with transcripts for the demo, written for this project. */

export interface DemoMeeting {
  path: (date: string) => string;
  daysAgo: number;
  markdown: (date: string, longDate: string) => string;
}

const link = (n: number) => `https://github.com/demo-dao/community/discussions/${n}`;

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    daysAgo: 20,
    path: (date) => `committee-steering/meetings/031-${date}.md`,
    markdown: (_date, longDate) => `# Steering Committee Meeting #31

## Agenda
- Review of open community pool proposals
- GPU workshops for university clubs
- Translation program

## Meeting details
- Date: ${longDate}
- Time: 16:00 UTC
- [Recording](https://example.org/recordings/steering-31)

## Committee
- Mira Castellanos
- Dev Okafor
- Lena Whitfield
- Tomas Reyes

## Participants
- Kwame Asante, Campus Compute
- Yusuf Demir
- Orla Brennan, Lumen Labs

## Notes
- Kwame presented the university workshop proposal (${link(102)}). The committee asked for the list of confirmed clubs.
- Orla gave a short update on Lumen Explorer; hosting costs still need a breakdown.

## Action Items
- Kwame Asante to add the confirmed clubs to the workshop proposal
- Lena Whitfield to review the translation reviewers list

## Transcript

### 00:00:40
Tomas Reyes: Okay, let's start. First up is the university workshops proposal.

Kwame Asante: Thanks. The idea is simple: students deploy a real GPU workload in their first session, not a toy.

### 00:04:15
Mira Castellanos: I like the focus on students. How many clubs have actually confirmed?

Kwame Asante: Seven confirmed, three still deciding. I can put the names in the proposal.

Tomas Reyes: Please do, that makes it much easier to support.

### 00:09:30
Orla Brennan: Quick update on Lumen Explorer. The indexer runs on testnet now.

Lena Whitfield: Good to hear. I still want the hosting number broken down before I decide.

### 00:12:05
Dev Okafor: On the translations, the six month sync window is the part I like most.
`,
  },
  {
    daysAgo: 13,
    path: (date) => `sig-economics/meetings/${date}.md`,
    markdown: (_date, longDate) => `# SIG Economics Monthly Meeting

Date: ${longDate}

## Participants
- Lena Whitfield
- Rafael Mendes
- Orla Brennan

## Notes
- Discussed how per-token billing would change provider earnings; the Tidepool gateway came up as an example of a rejected approach.
- Lumen Explorer could publish GPU utilisation per region, which would help pricing discussions.

## Transcript

### 00:02:10
Lena Whitfield: Welcome everyone. Main topic today is pricing data.

Orla Brennan: Lumen Explorer already has per-region utilisation on testnet, we can expose it in the API.

### 00:07:45
Rafael Mendes: For the meetups next quarter I would love to show that dashboard live.

Lena Whitfield: Sounds good. Let's keep the meetup sponsorship discussion on the forum though.
`,
  },
  {
    daysAgo: 4,
    path: (date) => `committee-steering/meetings/032-${date}.md`,
    markdown: (_date, longDate) => `# Steering Committee Meeting #32

- Date: ${longDate}

## Committee
- Mira Castellanos
- Dev Okafor
- Tomas Reyes

## Agenda
- Meetup sponsorship, fourth quarter (${link(104)})
- Events budget for next year

## Action Items
### Dev Okafor
- Reply on the meetup sponsorship thread with the receipts requirement
### Mira Castellanos
- Draft the events budget outline for next year

## Transcript

### 00:01:00
Tomas Reyes: Let's look at the meetup sponsorship request for the fourth quarter.

Dev Okafor: Fifteen thousand AKT for six meetups is fine by me if receipts are published after each one.

### 00:05:20
Mira Castellanos: For next year I would like one events budget instead of a request every quarter.

Tomas Reyes: Agreed, let's draft an outline before the next call.
`,
  },
];
