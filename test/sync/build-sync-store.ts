import { Store, type StoreOptions } from '../github-standin/index.js';

export const REPO = { owner: 'akash-network', repo: 'community' };

/**
 * A small repository with the shapes that stress paging: a discussion whose comments overflow
 * the first page, a comment whose replies overflow theirs, edits, labels, a closed discussion
 * and one in another category.
 */
export function buildSyncStore(options: StoreOptions = {}): Store {
  const store = new Store({ start: '2024-03-01T09:00:00Z', ...options });
  const repo = store.addRepository({ owner: REPO.owner, name: REPO.repo, categories: [{ name: 'Proposals' }, { name: 'General' }, { name: 'Ideas' }] });
  for (let i = 1; i <= 12; i++) {
    store.clock.advance(3600_000);
    const d = store.addDiscussion(repo, {
      title: `Proposal ${i}: funding for tooling batch ${i}`,
      body: `## Budget\n\n| Phase | Budget |\n| --- | --- |\n| Phase 1 | $${i * 1000} |\n`,
      author: `proposer${i}`,
      category: i % 4 === 0 ? 'General' : 'Proposals',
      labels: i % 3 === 0 ? ['funding', 'needs-review'] : ['funding'],
    });
    for (let c = 0; c < (i % 5) + 1; c++) {
      store.clock.advance(60_000);
      const comment = store.addComment(d, { body: `Question ${c} from a reviewer: what is the timeline?`, author: `reviewer${c}` });
      if (c % 2 === 0) store.addReply(comment, { body: `Answer to ${c}: six weeks.`, author: `proposer${i}` });
    }
    if (i % 2 === 0) store.editDiscussion(d, { body: `${d.body}\nEdited: total now $${i * 1200}.`, editor: `proposer${i}` });
    if (i === 7) store.closeDiscussion(d, 'RESOLVED');
  }
  store.clock.advance(3600_000);
  const big = store.addDiscussion(repo, { title: 'Long thread about the community pool', body: 'Let us talk.', author: 'host', category: 'Proposals' });
  for (let c = 0; c < 130; c++) {
    store.clock.advance(1000);
    const comment = store.addComment(big, { body: `Comment number ${c}`, author: `member${c % 9}` });
    if (c === 3) for (let r = 0; r < 45; r++) store.addReply(comment, { body: `Reply ${r} in a busy sub-thread`, author: `member${r % 4}` });
  }
  for (let e = 0; e < 14; e++) store.editDiscussion(big, { body: `Let us talk. (revision ${e + 1})`, editor: 'host' });
  return store;
}
