import type { MentionKind } from './types.js';
import type { ProposalIndex } from './types.js';

export interface RawMention {
  proposals: number[];
  kind: MentionKind;
  confidence: number;
  start: number;
  end: number;
}

const DISCUSSION_LINK =
  /(?:https?:\/\/)?(?:www\.)?github\.com\/(?:orgs\/([\w.-]+)|([\w.-]+)\/([\w.-]+))\/discussions\/(\d+)(?:#discussioncomment-\d+)?/iy;
const ONCHAIN_URL = /(?:https?:\/\/)?(?:www\.)?mintscan\.io\/akash\/proposals?\/(\d+)|\/cosmos\/gov\/v1(?:beta1)?\/proposals\/(\d+)/gi;
const ONCHAIN_TEXT = /\b(?:governance\s+|gov\s+|on-?chain\s+)?(?:proposal|prop)s?\s*(?:#|no\.?|number|id)?\s*(\d{1,5})\b/iy;
const NUMBER_BEFORE = /\b(\d{2,5})\s+(?:[A-Za-z]+\s+){0,3}?(?:governance\s+)?(?:proposal|prop)\b/gi;
/** A proposal word, a few words on the same line (no other number, link or "#"), then a list of "#N". */
const PROPS_LIST = /\b(?:gov(?:ernance)?\s+)?(?:props|proposals)\b[^\n#\d:]{0,40}:\s*((?:#\d{2,5}(?:\s*(?:,|and|&)\s*(?=#))?)+)/gi;
const AEP = /\bA\.?E\.?P\s*[-#:]?\s*(\d{1,4})\b/gi;
const AP = /\bAP\s*[-#]?\s*(\d{1,4})\b/g;
const AEP_CONTEXT = /\bA\.?E\.?P|enhancement proposal/i;
/** What each pattern cannot match without, in any case: cheaper to look for than to run the pattern. */
const DISCUSSIONS_PATH = /\/discussions\//i;
const ONCHAIN_URL_WORD = /mintscan|\/cosmos\/gov\//i;
/** Where a discussion link can be: every match has "github.com/" just after one of these prefixes. */
const GITHUB_HOST = /github\.com\//gi;
const LINK_PREFIX_LENGTHS = [12, 11, 8, 7, 4, 0]; // "https://www.", "http://www.", "https://", "http://", "www.", none
/** Where an on-chain number can be: every match has "prop" just after one of these words and white space, or at its start. */
const PROP_ANYWHERE = /prop/gi;
const PROP_PREFIX_LENGTHS = [10, 8, 7, 3]; // "governance", "on-chain", "onchain", "gov"
const WHITE_SPACE = /\s/;

/**
 * The matches `pattern.matchAll` would find in `raw` for a pattern that can only match at `starts`, found by trying
 * the pattern (sticky) at those places alone instead of at every character. Same matches, same order.
 */
function* matchesAt(raw: string, pattern: RegExp, starts: Iterable<number>): Generator<RegExpExecArray> {
  let from = 0;
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    if (start < from) continue;
    pattern.lastIndex = start;
    const m = pattern.exec(raw);
    if (!m) continue;
    from = m.index + m[0].length;
    yield m;
  }
}

function* linkStarts(raw: string): Generator<number> {
  for (const host of raw.matchAll(GITHUB_HOST)) for (const length of LINK_PREFIX_LENGTHS) if (host.index >= length) yield host.index - length;
}

/**
 * Where "prop" is, in any case. The "prop" each pattern needs follows no word character (a "/", white space, the
 * start of a word), so none is missed for overlapping another "prop".
 */
function propPositions(raw: string): number[] {
  const at: number[] = [];
  for (const prop of raw.matchAll(PROP_ANYWHERE)) at.push(prop.index);
  return at;
}

/** `WHITE_SPACE.test(raw[i])`, without making a string for an ASCII character. */
function isWhiteSpaceAt(raw: string, i: number): boolean {
  const code = raw.charCodeAt(i);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : WHITE_SPACE.test(raw[i]!);
}

function onchainTextStarts(raw: string, props: readonly number[]): number[] {
  const starts: number[] = [];
  for (const prop of props) {
    starts.push(prop);
    let end = prop;
    while (end > 0 && isWhiteSpaceAt(raw, end - 1)) end--;
    if (end === prop) continue;
    for (const length of PROP_PREFIX_LENGTHS) if (end >= length) starts.push(end - length);
  }
  return starts;
}

/**
 * Can `PROPS_LIST` match? Each match has a ":" within 50 characters of the "prop" it starts from ("props" or
 * "proposals", at most 40 characters more): most meetings have none, and this is cheaper than running the pattern.
 */
function colonNearAProp(raw: string, props: readonly number[]): boolean {
  for (const prop of props) {
    const to = Math.min(raw.length, prop + 50);
    for (let i = prop + 4; i < to; i++) if (raw.charCodeAt(i) === 58) return true;
  }
  return false;
}

/** Links to GitHub discussions, in every form; only to the discussion they name. */
export function extractLinkMentions(raw: string, index: ProposalIndex): RawMention[] {
  const mentions: RawMention[] = [];
  // The pattern needs "/discussions/" in some case: most meetings have none, and looking for that is cheap.
  if (!DISCUSSIONS_PATH.test(raw)) return mentions;
  for (const m of matchesAt(raw, DISCUSSION_LINK, linkStarts(raw))) {
    const owner = (m[1] ?? m[2] ?? '').toLowerCase();
    const repo = m[3]?.toLowerCase() ?? null;
    const proposal = index.byNumber.get(Number(m[4]));
    if (!proposal) continue;
    if (proposal.owner && proposal.owner.toLowerCase() !== owner) continue;
    if (proposal.repo && repo && proposal.repo.toLowerCase() !== repo) continue;
    mentions.push({ proposals: [proposal.number], kind: 'link', confidence: 0.98, start: m.index, end: m.index + m[0].length });
  }
  return mentions;
}

/** On-chain proposal numbers ("proposal 291", "prop #291", mintscan links) and AEP numbers ("AEP-62", "Aep66"). */
export function extractNumberMentions(raw: string, index: ProposalIndex): RawMention[] {
  const mentions: RawMention[] = [];
  const push = (numbers: number[] | undefined, kind: MentionKind, confidence: number, start: number, end: number): void => {
    if (numbers && numbers.length > 0) mentions.push({ proposals: numbers, kind, confidence, start, end });
  };
  // Each pattern needs a word it starts from ("mintscan", "/cosmos/gov/", "prop"); without it the text is not searched.
  const props = index.byOnchain.size > 0 ? propPositions(raw) : [];
  // A link to an on-chain proposal has "/prop" in it.
  if (props.some((at) => at > 0 && raw.charCodeAt(at - 1) === 47) && ONCHAIN_URL_WORD.test(raw)) {
    for (const m of raw.matchAll(ONCHAIN_URL)) {
      push(index.byOnchain.get(Number(m[1] ?? m[2])), 'onchain', 0.95, m.index, m.index + m[0].length);
    }
  }
  if (props.length > 0) {
    for (const m of matchesAt(raw, ONCHAIN_TEXT, onchainTextStarts(raw, props))) {
      const before = raw.slice(Math.max(0, m.index - 30), m.index);
      if (/discussions?\/?\s*$|#\s*$/i.test(before)) continue;
      push(index.byOnchain.get(Number(m[1])), 'onchain', 0.85, m.index, m.index + m[0].length);
    }
    // "Props in voting: #318, #321": numbers listed after a proposal word on its line.
    const lists = colonNearAProp(raw, props) ? raw.matchAll(PROPS_LIST) : [];
    for (const m of lists) {
      const listStart = m.index + m[0].length - m[1]!.length;
      for (const n of m[1]!.matchAll(/#(\d{2,5})/g)) {
        const start = listStart + n.index;
        push(index.byOnchain.get(Number(n[1])), 'onchain', 0.85, start, start + n[0].length);
      }
    }
    for (const m of raw.matchAll(NUMBER_BEFORE)) {
      const n = Number(m[1]);
      if (n >= 1990 && n <= 2100) continue;
      const before = raw[m.index - 1] ?? ' ';
      if (/[$€£.,#\d]/.test(before) || /discussions?\/?\s*#?\s*$/i.test(raw.slice(Math.max(0, m.index - 20), m.index))) continue;
      push(index.byOnchain.get(n), 'onchain', 0.7, m.index, m.index + m[1]!.length);
    }
  }
  if (index.byAep.size > 0) {
    for (const m of raw.matchAll(AEP)) push(index.byAep.get(Number(m[1])), 'aep', 0.95, m.index, m.index + m[0].length);
    for (const m of raw.matchAll(AP)) {
      const line = lineAround(raw, m.index);
      if (AEP_CONTEXT.test(line)) push(index.byAep.get(Number(m[1])), 'aep', 0.8, m.index, m.index + m[0].length);
    }
  }
  return mentions;
}

function lineAround(raw: string, offset: number): string {
  const start = raw.lastIndexOf('\n', offset) + 1;
  const end = raw.indexOf('\n', offset);
  return raw.slice(Math.max(start, offset - 400), end === -1 ? raw.length : Math.min(end, offset + 400));
}
