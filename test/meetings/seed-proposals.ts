import type { DatabaseHandle } from '../../db/database.js';
import { upsertDiscussion, type DiscussionRecord } from '../../db/queries/discussions.js';
import { upsertSource } from '../../db/queries/sources.js';

export interface SeedProposal {
  number: number;
  title: string;
  body: string;
  createdAt: string;
}

/** Stores proposals as the discussions sync would (without the network), under `owner/repo`. */
export async function seedProposals(handle: DatabaseHandle, proposals: SeedProposal[], owner = 'akash-network', repo = 'community'): Promise<void> {
  const source = await upsertSource(handle.db, 'discussions', `${owner}/${repo}`);
  for (const p of proposals) {
    const record: DiscussionRecord = {
      nodeId: `D_${owner}_${repo}_${p.number}`,
      databaseId: p.number * 10,
      number: p.number,
      title: p.title,
      body: p.body,
      url: `https://github.com/${owner}/${repo}/discussions/${p.number}`,
      author: { login: 'proposer', type: 'User' },
      category: null,
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
      lastEditedAt: null,
      closed: false,
      closedAt: null,
      stateReason: null,
      isAnswered: null,
      answerNodeId: null,
      locked: false,
      upvoteCount: 0,
      labels: [],
      raw: { number: p.number, title: p.title, body: p.body },
      comments: [],
      edits: [],
    };
    await handle.db.transaction().execute((trx) => upsertDiscussion(trx, source.id, record, new Date()));
  }
}
