import { normalizePersonName, stripAffiliation } from './normalize-person-name.js';
import type { ProposalInput } from './types.js';

export interface ProposerIdentity {
  login: string | null;
  /** Normalised names the proposer side goes by in meetings. */
  names: string[];
}

const BYLINE = /\b(?:proposed|submitted|presented|written|authored)\s+by\s+@?([^\n.;:!?]{2,80})|^\s*(?:\*\*)?(?:author|proposer|presenter)s?(?:\*\*)?\s*:\s*(?:\*\*)?@?([^\n.;!?]{2,80})/gimu;
const GENERIC = new Set(['the team', 'team', 'the community', 'community', 'us', 'we', 'me']);

/** Who proposed: the discussion author plus names from bylines such as "Proposed by Ana Souza (Team X)". */
export function extractProposerIdentity(proposal: ProposalInput, extraNames: readonly string[] = []): ProposerIdentity {
  const names = new Set<string>();
  const add = (raw: string | null | undefined) => {
    if (!raw) return;
    for (const part of stripAffiliation(raw).split(/\s+(?:and|&)\s+/u)) {
      const name = normalizePersonName(part);
      if (name !== '' && !GENERIC.has(name) && name.split(' ').length <= 4) names.add(name);
    }
  };
  add(proposal.authorName);
  for (const extra of extraNames) add(extra);
  for (const match of proposal.body.matchAll(BYLINE)) add(match[1] ?? match[2]);
  return { login: proposal.author, names: [...names] };
}

/** Whether a comment author (login) or meeting speaker (name) is the proposer. */
export function isProposer(identity: ProposerIdentity, nameOrLogin: string | null): boolean {
  if (!nameOrLogin) return false;
  const key = normalizePersonName(stripAffiliation(nameOrLogin.replace(/^@/u, '')) || nameOrLogin);
  if (key === '') return false;
  if (identity.login && key === normalizePersonName(identity.login)) return true;
  return identity.names.some((name) => {
    if (name === key) return true;
    const [nameFirst] = name.split(' ');
    const [keyFirst] = key.split(' ');
    return (!name.includes(' ') || !key.includes(' ')) && nameFirst === keyFirst;
  });
}
