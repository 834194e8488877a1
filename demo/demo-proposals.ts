/**
 * The bundled demo: fictional funding requests in the style of a community-governed network's
 * governance discussions. Every person, team and product here is invented for this project.
 * Dates are offsets in days before the moment the demo is loaded, so the demo always looks current.
 */

export const DEMO_OWNER = 'demo-dao';
export const DEMO_REPO = 'community';
export const DEMO_SOURCE = `${DEMO_OWNER}/${DEMO_REPO}`;

export interface DemoComment {
  author: string;
  daysAgo: number;
  body: string;
  replies?: { author: string; daysAgo: number; body: string }[];
}

export interface DemoProposal {
  number: number;
  title: string;
  author: string;
  daysAgo: number;
  labels?: string[];
  closed?: { daysAgo: number; reason: 'RESOLVED' | 'OUTDATED' | 'DUPLICATE' };
  body: string;
  comments: DemoComment[];
}

export const DEMO_COMMITTEE = [
  { name: 'Mira Castellanos', login: 'mira-castellanos', aliases: ['Mira'] },
  { name: 'Dev Okafor', login: 'dev-okafor', aliases: ['Dev'] },
  { name: 'Lena Whitfield', login: 'lena-whitfield', aliases: ['Lena'] },
  { name: 'Tomas Reyes', login: 'tomas-reyes', aliases: ['Tomas', 'Tomás'] },
];

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    number: 101,
    title: 'Lumen Explorer: an open network analytics dashboard',
    author: 'orla-brennan',
    daysAgo: 41,
    body: `## Summary
Lumen Explorer is an open-source dashboard that shows live lease, provider and GPU utilisation data for the network.
Today this information is spread over three community sites, and two of them stopped updating last year.

## Team
- Orla Brennan (lead, data engineering)
- Sam Idowu (frontend)

## Budget

| Phase | Deliverable | Amount |
|---|---|---|
| Phase 1 | Indexer and public API | $18,000 |
| Phase 2 | Dashboard with provider and GPU views | $20,000 |
| Phase 3 | One year of hosting and maintenance | $10,000 |

**Total: $48,000 USD**, paid per phase on delivery.

## Why the community pool
The dashboard is a public good: every provider and tenant benefits, and nobody sells it.
`,
    comments: [
      {
        author: 'dev-okafor',
        daysAgo: 36,
        body: `Thanks Orla, this fills a real gap. Two things before I can support it:

How will the indexer keep up when the chain upgrades? Will the API stay free for other community tools to use?`,
        replies: [
          { author: 'orla-brennan', daysAgo: 34, body: 'Upgrades: we follow the release candidates on testnet and ship the indexer change before mainnet. And yes, the API stays free and open, with a rate limit per key to keep hosting costs flat.' },
        ],
      },
      {
        author: 'lena-whitfield',
        daysAgo: 12,
        body: 'Phase 3 looks high for hosting alone. Can you break down the $10,000: how much is servers and how much is maintenance time?',
      },
      { author: 'sam-idowu', daysAgo: 11, body: 'Early screenshots of the provider view are in our repository README if anyone wants a look.' },
    ],
  },
  {
    number: 102,
    title: 'GPU workshops for university computing clubs (spring term)',
    author: 'kwame-asante',
    daysAgo: 33,
    body: `# Proposal
We run hands-on workshops where students deploy their first GPU workload on the network, in ten university computing clubs.

## Budget
- Workshop kits and printed guides: 6,000 USD
- Travel for two instructors: 9,000 USD
- Compute credits for students: 10,000 AKT
- Prizes for the final hackathon: 10,000 USD

Total ask: **25,000 USD and 10,000 AKT**.

## Success measures
At least 300 students deploy a workload; at least 30 keep one running a month later.
`,
    comments: [
      {
        author: 'mira-castellanos',
        daysAgo: 29,
        body: 'I like that this targets students who will choose infrastructure later. What happens to unused compute credits at the end of the term?',
        replies: [
          { author: 'kwame-asante', daysAgo: 27, body: 'Unused credits go back to the community pool address; we will publish the balance at the end of the term.' },
        ],
      },
      { author: 'tomas-reyes', daysAgo: 20, body: 'Presented at the steering call. Please add the list of clubs that already confirmed.' },
      { author: 'kwame-asante', daysAgo: 18, body: 'Added the confirmed clubs to the body (seven so far, three pending).' },
    ],
  },
  {
    number: 103,
    title: 'Provider onboarding toolkit, phase 2',
    author: 'hana-sato',
    daysAgo: 120,
    labels: ['passed'],
    closed: { daysAgo: 70, reason: 'RESOLVED' },
    body: `## Context
Phase 1 delivered the provider setup checker. Phase 2 adds guided setup for GPU providers and automatic attribute checks.

## Budget

| Milestone | Amount |
|---|---|
| Guided GPU setup | $35,000 |
| Attribute validator | $15,000 |
| Docs and video walkthroughs | $10,000 |
| **Total** | **$60,000** |
`,
    comments: [
      { author: 'lena-whitfield', daysAgo: 110, body: 'Phase 1 shipped on time and is widely used. Happy to support phase 2.' },
      { author: 'dev-okafor', daysAgo: 104, body: 'Agreed. Is the validator going to run in CI for the provider charts?', replies: [{ author: 'hana-sato', daysAgo: 103, body: 'Yes, it runs as a CI step and as a command providers can run locally.' }] },
      { author: 'hana-sato', daysAgo: 80, body: 'This went to a vote as on-chain proposal 412 and it passed. Thank you all!' },
    ],
  },
  {
    number: 104,
    title: 'Community meetup sponsorship, fourth quarter',
    author: 'rafael-mendes',
    daysAgo: 6,
    body: `Requesting **15,000 AKT** to sponsor six community meetups in the fourth quarter (venue, food, and a speaker's travel where needed).

Each meetup gets at most 2,500 AKT. We publish receipts after each event.
`,
    comments: [
      { author: 'rafael-mendes', daysAgo: 2, body: 'Updated the list of cities: Lisbon, Lagos, Seoul, Austin, Nairobi and Kraków.' },
    ],
  },
  {
    number: 105,
    title: 'Tidepool: a decentralised inference gateway',
    author: 'ines-varga',
    daysAgo: 150,
    labels: ['rejected'],
    closed: { daysAgo: 95, reason: 'RESOLVED' },
    body: `Tidepool routes inference requests to GPU providers on the network and bills per token.

## Budget
| Phase | Amount |
|---|---|
| Gateway MVP | 70,000 USD |
| Billing and metering | 50,000 USD |

Total: 120,000 USD.
`,
    comments: [
      { author: 'mira-castellanos', daysAgo: 140, body: 'This reads like a commercial product. Why should the community pool fund it rather than investors? What is the revenue model?' },
      { author: 'tomas-reyes', daysAgo: 138, body: 'Same concern. I would also like to see the gateway open-sourced before any funding.' },
      { author: 'ines-varga', daysAgo: 130, body: 'We plan a paid tier; the gateway core would be open source after the MVP.' },
      { author: 'dev-okafor', daysAgo: 100, body: 'The vote closed and the proposal was rejected. Happy to talk again about a smaller, open-source-first scope.' },
    ],
  },
  {
    number: 106,
    title: 'Documentation translations: Spanish, Portuguese and Japanese',
    author: 'yusuf-demir',
    daysAgo: 24,
    body: `We will translate the getting-started guides and the deployment reference into three languages and keep them in sync for six months.

## Budget
| Item | Amount |
|---|---|
| Spanish | 3,200 USDC |
| Portuguese | 3,200 USDC |
| Japanese | 3,200 USDC |

Total: 9,600 USDC.
`,
    comments: [
      {
        author: 'lena-whitfield',
        daysAgo: 21,
        body: 'Who reviews the translations? Will native speakers from the community check them before they are published?',
        replies: [{ author: 'yusuf-demir', daysAgo: 19, body: 'Each language has two community reviewers who are native speakers; their names are in the tracking issue.' }],
      },
      { author: 'tomas-reyes', daysAgo: 9, body: 'Looks reasonable to me. The six-month sync window is a good idea.' },
    ],
  },
  {
    number: 107,
    title: 'Validator monitoring bot',
    author: 'petra-novak',
    daysAgo: 200,
    closed: { daysAgo: 185, reason: 'OUTDATED' },
    body: 'A chat bot that alerts validators when they miss blocks. Requesting 8,000 USD for development and a year of hosting.',
    comments: [
      { author: 'dev-okafor', daysAgo: 195, body: 'There are two existing open-source tools that do this. Have you looked at extending one of them?' },
      { author: 'petra-novak', daysAgo: 186, body: 'Fair point; we are withdrawing this proposal and will contribute to the existing tool instead.' },
    ],
  },
  {
    number: 108,
    title: 'Terraform provider for deployments',
    author: 'orla-brennan',
    daysAgo: 95,
    body: `An open-source Terraform provider so teams can manage deployments next to the rest of their infrastructure.

Budget: **32,000 USD** in two milestones (read-only resources first, then full lifecycle).
`,
    comments: [
      { author: 'mira-castellanos', daysAgo: 88, body: 'Useful. What is the plan for maintenance after the grant ends, and who owns the registry namespace?' },
    ],
  },
];
