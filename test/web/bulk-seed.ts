import type { Db } from '../../db/database.js';
import { upsertSource } from '../../db/queries/sources.js';

/**
 * Synthetic data in bulk, for query-count tests and the web benchmark: multi-row inserts straight
 * into the tables (what the sync would store), with analyses shaped like `analyzeProposal`'s output.
 * Deterministic for a given size.
 */
export interface BulkSize {
  proposals: number;
  commentsPerProposal: number;
  meetings: number;
  /** Mentions per meeting, spread over the proposals. */
  mentionsPerMeeting?: number;
  /** First discussion number, so several batches can share one source. */
  firstNumber?: number;
}

const WORDS = [
  'validator', 'provider', 'GPU', 'lease', 'deployment', 'incentive', 'workshop', 'community', 'grant', 'dashboard',
  'indexer', 'bandwidth', 'storage', 'audit', 'translation', 'hackathon', 'education', 'tooling', 'monitoring', 'pricing',
  'marketing', 'outreach', 'inference', 'gateway', 'cluster', 'uptime', 'latency', 'payments', 'stablecoin', 'sponsorship',
];
const PEOPLE = ['alder', 'birch', 'cedar', 'dogwood', 'elm', 'fir', 'ginkgo', 'hazel', 'ivy', 'juniper', 'kapok', 'larch'];
const COMMITTEE = ['Mira Castellanos', 'Dev Okafor', 'Lena Whitfield', 'Tomas Reyes'];
const STATUSES = ['new', 'under_discussion', 'presented', 'awaiting_proposer', 'passed', 'rejected', 'withdrawn', 'on_chain'];

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'no', 'dri', 'pa', 'zo', 'qui', 'ber', 'an', 'fo', 'tis'];
/** 4,096 made-up words: real texts use thousands of words, so a two-word query matches a small share of them. */
const FILLER = Array.from({ length: 4096 }, (_, i) => SYLLABLES[i & 15]! + SYLLABLES[(i >> 4) & 15]! + SYLLABLES[(i >> 8) & 15]!);

/** Deterministic text: about one word in eight is a topic word, the rest filler with a skewed spread. */
function words(seed: number, count: number): string {
  const out: string[] = [];
  let state = (seed * 2_654_435_761) >>> 0;
  for (let i = 0; i < count; i += 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const pick = state >>> 8;
    if (pick % 8 === 0) out.push(WORDS[(pick >>> 3) % WORDS.length]!);
    else out.push(FILLER[Math.floor(FILLER.length * ((pick % 10_007) / 10_007) ** 2)]!);
  }
  return out.join(' ');
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function analysisResult(n: number, created: Date, url: string) {
  const day = (d: number) => new Date(created.getTime() + d * 86_400_000).toISOString();
  const amount = 5_000 + (n % 40) * 1_000;
  return {
    version: 1,
    budget: {
      phases: [
        { label: 'Phase 1', amount: amount / 2, currency: 'USD', description: words(n, 6) },
        { label: 'Phase 2', amount: amount / 2, currency: 'USD', description: words(n + 1, 6) },
      ],
      totals: [{ currency: 'USD', amount }],
      history: [{ at: day(0), totals: [{ currency: 'USD', amount }] }],
    },
    requested: [{ currency: 'USD', amount }],
    questions: [0, 1, 2].map((q) => ({
      text: `How will the ${words(n + q, 3)} be measured?`,
      askedBy: COMMITTEE[(n + q) % COMMITTEE.length],
      askedAt: day(2 + q),
      byCommittee: true,
      source: { type: 'comment', ref: `${url}#discussioncomment-${n}-${q}` },
      answered: q < 2,
      answeredBy: q < 2 ? PEOPLE[n % PEOPLE.length] : null,
      answeredAt: q < 2 ? day(4 + q) : null,
      answerRef: null,
      answerEvidence: q < 2 ? 'thread-reply' : null,
    })),
    openQuestionCount: 1,
    feedback: [],
    feedbackByMember: [0, 1].map((m) => ({
      member: COMMITTEE[(n + m) % COMMITTEE.length],
      login: null,
      count: 1,
      firstAt: day(2 + m),
      lastAt: day(2 + m),
      items: [{ member: COMMITTEE[(n + m) % COMMITTEE.length], text: words(n + m, 12), at: day(2 + m), kind: 'comment', source: { type: 'comment', ref: url } }],
    })),
    silentMembers: [COMMITTEE[(n + 2) % COMMITTEE.length], COMMITTEE[(n + 3) % COMMITTEE.length]],
    actionItems: [],
    status: STATUSES[n % STATUSES.length],
    statusReason: `Synthetic status for proposal ${n}`,
    statusEvidence: [],
    statusOverridden: false,
    timeline: Array.from({ length: 10 }, (_, i) => ({ at: day(i), type: i === 0 ? 'created' : 'comment', summary: `Event ${i}: ${words(n + i, 5)}`, ref: url })),
    stages: [
      { status: 'new', from: day(0), to: day(3), days: 3 },
      { status: STATUSES[n % STATUSES.length], from: day(3), to: null, days: 20 },
    ],
  };
}

function transcript(m: number, turns: number): { raw: string; blocks: { timestamp: string; label: string; span: [number, number]; seconds: number; line: number }[] } {
  let raw = `# Synthetic meeting ${m}\n\nDate: 2025-01-01\n\n## Notes\n- ${words(m, 20)}\n\n## Transcript\n\n`;
  const blocks: { timestamp: string; label: string; span: [number, number]; seconds: number; line: number }[] = [];
  for (let t = 0; t < turns; t += 1) {
    if (t % 5 === 0) {
      const seconds = t * 60;
      const stamp = `00:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:00`;
      const start = raw.length;
      raw += `### ${stamp}\n`;
      blocks.push({ timestamp: stamp, label: `### ${stamp}`, span: [start, raw.length], seconds, line: 0 });
    }
    raw += `${PEOPLE[(m + t) % PEOPLE.length]}: ${words(m * 3 + t, 25)}.\n\n`;
  }
  return { raw, blocks };
}

/** Inserts the given amount of synthetic proposals, comments, analyses, meetings and mentions. */
export async function seedBulk(db: Db, size: BulkSize): Promise<void> {
  const first = size.firstNumber ?? 10_000;
  const source = await upsertSource(db, 'discussions', 'bulk-dao/proposals');
  const meetingSource = await upsertSource(db, 'meetings', 'bulk:notes');
  await db.insertInto('authors').values(PEOPLE.map((login) => ({ login }))).onConflict((oc) => oc.column('login').doNothing()).execute();
  const category = await db
    .insertInto('categories')
    .values({ source_id: source.id, node_id: 'BULK_CAT', name: 'Proposals', slug: 'proposals', is_answerable: false, raw: '{}' })
    .onConflict((oc) => oc.columns(['source_id', 'node_id']).doUpdateSet({ name: 'Proposals' }))
    .returning('id')
    .executeTakeFirstOrThrow();
  const base = Date.UTC(2023, 0, 1);
  const discussions = Array.from({ length: size.proposals }, (_, i) => {
    const number = first + i;
    const created = new Date(base + i * 3_600_000 * 5);
    return {
      source_id: source.id,
      node_id: `BULK_D_${number}`,
      number,
      title: `${words(number, 4)} proposal ${number}`,
      body: `## Summary\n${words(number, 60)}\n\n## Budget\n| Phase | Amount |\n|---|---|\n| One | $${5 + (number % 40)},000 |\n\n${words(number + 9, 120)}`,
      url: `https://github.com/bulk-dao/proposals/discussions/${number}`,
      author_login: PEOPLE[number % PEOPLE.length]!,
      category_id: category.id,
      created_at: created,
      updated_at: new Date(created.getTime() + 86_400_000 * 10),
      closed: number % 8 >= 5,
      comment_count: size.commentsPerProposal,
      raw: '{}',
      synced_at: new Date(),
    };
  });
  const ids: { id: number; number: number; created_at: Date; url: string }[] = [];
  await insertChunked(discussions, 500, async (chunk) => {
    ids.push(...(await db.insertInto('discussions').values(chunk).returning(['id', 'number', 'created_at', 'url']).execute()));
  });
  const comments = ids.flatMap((d) =>
    Array.from({ length: size.commentsPerProposal }, (_, c) => ({
      discussion_id: d.id,
      node_id: `BULK_C_${d.number}_${c}`,
      parent_node_id: c % 4 === 3 ? `BULK_C_${d.number}_${c - 1}` : null,
      author_login: PEOPLE[(d.number + c) % PEOPLE.length]!,
      body: `${words(d.number + c, 40)}?\n\n${words(d.number * 2 + c, 30)}.`,
      url: `${d.url}#discussioncomment-${d.number}-${c}`,
      created_at: new Date(d.created_at.getTime() + (c + 1) * 3_600_000),
      updated_at: new Date(d.created_at.getTime() + (c + 1) * 3_600_000),
      raw: '{}',
    })),
  );
  await insertChunked(comments, 1000, (chunk) => db.insertInto('comments').values(chunk).execute());
  await insertChunked(ids, 500, (chunk) =>
    db
      .insertInto('proposal_analyses')
      .values(
        chunk.map((d) => {
          const result = analysisResult(d.number, d.created_at, d.url);
          return {
            discussion_id: d.id,
            version: 1,
            input_hash: 'bulk',
            analyzed_at: new Date(),
            status: result.status!,
            status_reason: result.statusReason,
            requested: JSON.stringify(result.requested),
            open_question_count: 1,
            question_count: 3,
            mention_count: 0,
            last_proposer_activity_at: new Date(d.created_at.getTime() + 4 * 86_400_000),
            last_committee_activity_at: new Date(d.created_at.getTime() + (d.number % 3) * 3 * 86_400_000),
            last_mention_date: null,
            result: JSON.stringify(result),
          };
        }),
      )
      .execute(),
  );
  const meetings = Array.from({ length: size.meetings }, (_, m) => {
    const { raw, blocks } = transcript(m, 60);
    const date = new Date(base + m * 86_400_000 * 2).toISOString().slice(0, 10);
    return {
      source_id: meetingSource.id,
      path: `bulk/meetings/${first}-${m}.md`,
      content_hash: `bulk-${m}`,
      title: `Synthetic meeting ${m}`,
      number: m,
      group_slug: m % 2 ? 'committee-steering' : 'sig-economics',
      group_name: m % 2 ? 'Steering Committee' : 'SIG Economics',
      group_kind: m % 2 ? 'committee' : 'sig',
      date,
      committee: JSON.stringify(COMMITTEE.map((name) => ({ name, affiliation: null }))),
      participants: JSON.stringify(PEOPLE.slice(0, 4).map((name) => ({ name, affiliation: null }))),
      agenda: JSON.stringify([{ text: words(m, 5), depth: 0 }]),
      action_items: JSON.stringify([]),
      parsed: JSON.stringify({ transcriptBlocks: blocks, turns: [], sections: [{ isTranscript: true, span: [raw.indexOf('## Transcript'), raw.length] }], committee: [], participants: [], agenda: [], actionItems: [] }),
      raw,
      updated_at: new Date(),
    };
  });
  const meetingIds: number[] = [];
  await insertChunked(meetings, 100, async (chunk) => {
    meetingIds.push(...(await db.insertInto('meetings').values(chunk).returning('id').execute()).map((r) => r.id));
  });
  const perMeeting = size.mentionsPerMeeting ?? 3;
  const mentions = meetingIds.flatMap((meetingId, m) =>
    Array.from({ length: Math.min(perMeeting, ids.length) }, (_, k) => {
      const d = ids[(m * perMeeting + k) % ids.length]!;
      return { meeting_id: meetingId, discussion_id: d.id, kind: 'name' as const, confidence: 0.8, heading: 'Transcript', speaker: PEOPLE[k % PEOPLE.length]!, timestamp: '00:05:00', excerpt: words(d.number, 15), matched_text: 'proposal', span_start: 100 + k * 10, span_end: 105 + k * 10 };
    }),
  );
  await insertChunked(mentions, 1000, (chunk) => db.insertInto('meeting_mentions').values(chunk).execute());
}
