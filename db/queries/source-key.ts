/** A discussions source is stored as "owner/repo"; pages and the API show the two parts. */
export function splitSourceKey(key: string | null | undefined): { owner: string; repo: string } {
  const [owner = '', repo = ''] = (key ?? '').split('/');
  return { owner, repo };
}

/** What every list of proposals shows about each one. */
export interface ProposalRef {
  owner: string;
  repo: string;
  number: number;
  title: string;
  url: string;
  author: string | null;
  category: string | null;
  createdAt: Date;
}

/** The columns every proposal list selects for its ProposalRef part. */
export interface ProposalRefColumns {
  key: string;
  number: number;
  title: string;
  url: string;
  author_login: string | null;
  category: string | null;
  created_at: Date;
}

export function toProposalRef(r: ProposalRefColumns): ProposalRef {
  return { ...splitSourceKey(r.key), number: r.number, title: r.title, url: r.url, author: r.author_login, category: r.category, createdAt: r.created_at };
}
