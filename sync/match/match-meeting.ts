import type { ParsedMeeting } from '../parse/types.js';
import { scanWords } from './scan-words.js';
import { extractLinkMentions, extractNumberMentions, type RawMention } from './extract-number-mentions.js';
import { extractNameCandidates } from './extract-name-candidates.js';
import { lexiconFor } from './index-lexicon.js';
import { decidePairs, evidenceToKeep, type PairDecision } from './decide-pairs.js';
import { extractExcerpt, locateOffset } from './locate-offset.js';
import type { Mention, NameCandidate, ProposalIndex } from './types.js';

/**
 * A line that links one discussion is about that discussion: a name of another proposal on it ("[AI/Model](link to
 * the Thumper proposal)") is a description of the linked one, not a second mention.
 */
function withoutOtherLinkedNames(raw: string, names: NameCandidate[], links: RawMention[]): NameCandidate[] {
  if (links.length === 0) return names;
  const lineOf = (offset: number): number => raw.lastIndexOf('\n', offset - 1) + 1;
  const linkedOnLine = new Map<number, Set<number>>();
  for (const link of links) {
    const start = lineOf(link.start);
    const set = linkedOnLine.get(start) ?? new Set<number>();
    for (const p of link.proposals) set.add(p);
    linkedOnLine.set(start, set);
  }
  return names.filter((m) => {
    const linked = linkedOnLine.get(lineOf(m.start));
    return !linked || linked.has(m.proposal);
  });
}

/**
 * Raised whenever the matcher's rules change what it finds, so that stored mentions are matched again after an
 * upgrade even when no meeting or proposal changed.
 */
export const MATCHER_VERSION = 3;

export interface MeetingExplanation {
  mentions: Mention[];
  /** Every proposal the meeting gave any evidence for, accepted or not, with that evidence. */
  decisions: Map<number, PairDecision>;
}

/** `matchMeeting` with the per-proposal decisions behind it, for evaluation and review. */
export function explainMeeting(meeting: ParsedMeeting, index: ProposalIndex): MeetingExplanation {
  const raw = meeting.raw;
  const lexicon = lexiconFor(index);
  const text = scanWords(raw, lexicon.table);
  const links = extractLinkMentions(raw, index);
  const numbers = [...links, ...extractNumberMentions(raw, index)];
  const names = withoutOtherLinkedNames(raw, extractNameCandidates(text, index, meeting.date, lexicon), links);
  const decisions = decidePairs({ meeting, text, numbers, names, index });
  const found: RawMention[] = [...numbers];
  for (const d of decisions.values()) {
    if (!d.accepted) continue;
    for (const c of evidenceToKeep(d)) found.push({ proposals: [c.proposal], kind: c.kind, confidence: c.confidence, start: c.start, end: c.end });
  }
  found.sort((a, b) => a.start - b.start || b.confidence - a.confidence);

  const mentions: Mention[] = [];
  const lastEndByProposal = new Map<number, { end: number; mention: Mention }>();
  // Two names of one proposal found the same way in one passage ("the meetup sponsorship request for the fourth
  // quarter") are one mention; a garbled name beside a clean one stays apart, as it is evidence of its own.
  const byPassage = new Map<string, Mention>();
  const strengthen = (mention: Mention, f: RawMention): void => {
    if (f.confidence > mention.confidence) Object.assign(mention, { kind: f.kind, confidence: Math.round(f.confidence * 100) / 100 });
  };
  for (const f of found) {
    for (const number of f.proposals) {
      const previous = lastEndByProposal.get(number);
      if (previous && f.start < previous.end) {
        strengthen(previous.mention, f);
        continue;
      }
      const excerpt = extractExcerpt(raw, f.start, f.end);
      const samePassage = byPassage.get(`${number}\u0000${f.kind}\u0000${excerpt}`);
      if (samePassage) {
        strengthen(samePassage, f);
        continue;
      }
      const proposal = index.byNumber.get(number);
      const where = locateOffset(meeting, f.start);
      const mention: Mention = {
        proposalNumber: number,
        owner: proposal?.owner ?? null,
        repo: proposal?.repo ?? null,
        kind: f.kind,
        confidence: Math.round(f.confidence * 100) / 100,
        heading: where.heading,
        speaker: where.speaker,
        timestamp: where.timestamp,
        excerpt,
        span: [f.start, f.end],
        matchedText: raw.slice(f.start, f.end),
      };
      mentions.push(mention);
      lastEndByProposal.set(number, { end: f.end, mention });
      byPassage.set(`${number}\u0000${f.kind}\u0000${excerpt}`, mention);
    }
  }
  return { mentions, decisions };
}

/**
 * Finds every mention of a proposal in one parsed meeting: discussion links, AEP and on-chain numbers, names and
 * garbled names, kept only for the proposals the meeting as a whole is judged to speak of. Deterministic; cost grows
 * with the meeting's length, not with the number of proposals.
 */
export function matchMeeting(meeting: ParsedMeeting, index: ProposalIndex): Mention[] {
  return explainMeeting(meeting, index).mentions;
}
