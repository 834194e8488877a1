import { MATCH_END, MATCH_START, type SearchHit } from '../../db/queries/search.js';
import { meetingPath, proposalPath, timestampAnchor } from './view-helpers.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MARKED = new RegExp(`${MATCH_START}([^${MATCH_START}${MATCH_END}]*)${MATCH_END}`, 'g');
const STRAY = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');

/** A ts_headline snippet as safe HTML: the text is escaped first, then the matched words are wrapped in <mark>. */
export function snippetHtml(snippet: string): string {
  const flattened = snippet.replace(/\s+/g, ' ').trim();
  return escapeHtml(flattened).replace(MARKED, '<mark>$1</mark>').replace(STRAY, '');
}

/** The transcript block a position in the meeting's markdown falls in: the last block starting at or before it. */
export function findBlockTimestamp(blocks: unknown, position: number | null): string | null {
  if (position === null || !Array.isArray(blocks)) return null;
  let found: string | null = null;
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const { timestamp, span } = block as { timestamp?: unknown; span?: unknown };
    if (typeof timestamp !== 'string' || !Array.isArray(span) || typeof span[0] !== 'number') continue;
    if (span[0] <= position) found = timestamp;
    else break;
  }
  return found;
}

export function presentSearchHit(hit: SearchHit) {
  const html = snippetHtml(hit.snippet);
  if (hit.kind === 'meeting' && hit.meeting) {
    const stamp = findBlockTimestamp(hit.meeting.blocks, hit.meeting.position);
    return {
      kind: hit.kind,
      kindLabel: stamp ? `Transcript at ${stamp}` : 'Meeting notes',
      title: hit.meeting.title ?? 'Untitled meeting',
      href: `${meetingPath(hit.meeting.id)}${stamp ? `#${timestampAnchor(stamp)}` : '#notes'}`,
      context: [hit.meeting.groupName, hit.meeting.date].filter(Boolean).join(' · '),
      at: hit.at,
      html,
    };
  }
  const proposal = hit.proposal ?? { owner: '', repo: '', number: 0, title: '' };
  if (hit.kind === 'comment' && hit.comment) {
    return {
      kind: hit.kind,
      kindLabel: `Comment${hit.comment.author ? ` by @${hit.comment.author}` : ''}`,
      title: proposal.title,
      href: `${proposalPath(proposal)}#comment-${hit.comment.nodeId}`,
      context: `#${proposal.number}`,
      at: hit.at,
      html,
    };
  }
  return { kind: hit.kind, kindLabel: 'Proposal', title: proposal.title, href: proposalPath(proposal), context: `#${proposal.number}`, at: hit.at, html };
}
