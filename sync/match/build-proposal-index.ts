import { doubleMetaphone } from 'double-metaphone';
import { tokenize, stemWord, plainWord, type Token } from './tokenize.js';
import { GENERIC_WORDS, GRAMMAR_CAPITALS, PROPOSAL_CUES, STOP_WORDS, readOrdinal } from './stop-words.js';
import type { GarbledNameIndex, GarbledTarget, IndexedProposal, NamePhrase, PhraseRole, PhraseTarget, ProposalForMatching, ProposalIndex } from './types.js';

export interface ProposalIndexOptions {
  /**
   * Earliest meeting date at which each discussion number was linked (ISO dates). Discussion numbers grow
   * with time, so this bounds when a proposal without `createdAt` existed.
   */
  firstLinkedAt?: Record<number, string>;
}

const MAX_PHRASE = 4;

export function isYear(plain: string): boolean {
  return /^(19|20)\d\d$/.test(plain);
}

function isContent(stem: string): boolean {
  return !STOP_WORDS.has(stem) && !GENERIC_WORDS.has(stem) && !/^\d+$/.test(stem) && stem.length > 1;
}

/** Does a capitalised word sit mid-sentence (so its capital marks a name, not a sentence start)? */
function midSentence(text: string, start: number): boolean {
  if (inHeading(text, start)) return false;
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0) return false;
  return /[\p{L}\p{N},(&/'"’]/u.test(text[i]!);
}

/** Is `start` on a markdown heading line ("## AEP-78: Persistent IP Leases")? Headings are title case, not sentences. */
function inHeading(text: string, start: number): boolean {
  let i = text.lastIndexOf('\n', start - 1) + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '#';
}

/** "Proposed by Logan (Thumper.ai)", "Proposed by Praetor App team": the team, never the person. */
function teamNames(body: string): string[] {
  const names: string[] = [];
  for (const m of body.matchAll(/proposed by\s+([^\n.]*?)(?:\.|\n|$)/gi)) {
    const who = m[1]!.trim();
    const paren = /\(([^)]+)\)/.exec(who);
    // "(Dana Whitcombe, Marcus Feld and volunteers)": a list in brackets names people, not a team.
    const bracketed = paren && !isListOfPeople(paren[1]!) ? paren[1]! : null;
    const name = bracketed !== null ? bracketed.replace(/\bteam\b/gi, '').trim() : !paren && /\bteam\b/i.test(who) ? who.replace(/\bteam\b/gi, '').trim() : '';
    // A working group or SIG named after the program ("Meetups WG") is the program's own people, not a team.
    if (name.length > 1 && !GROUP_SUFFIX.test(name)) names.push(name);
  }
  return names;
}

/** Words in a byline's brackets separated by commas or "and": people, not one team's name. */
const isListOfPeople = (text: string): boolean => /,|\s(?:and|&)\s/.test(text);

const GROUP_SUFFIX = /\b(?:wg|sig|working group|special interest group)$/i;
/** Words that end a company's name ("Ridgeline Labs"): the word before them is what people call it. */
const COMPANY_SUFFIX = /^(?:labs?|inc|ltd|llc|gmbh|studios?|collective)$/i;

/** "Ridgeline Labs" is also said "Ridgeline": a team name without its company suffix, when one word is left. */
function shortTeamNames(names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const words = name.split(/\s+/);
    if (words.length === 2 && COMPANY_SUFFIX.test(words[1]!) && /^\p{Lu}\p{Ll}{3,}$/u.test(words[0]!)) out.push(words[0]!);
  }
  return out;
}

/**
 * People named in "Proposed by Jane Doe (Team)" lines: their names are not names of the proposal. Only the names
 * themselves: "Lena Okafor on behalf of the events working group" names Lena Okafor, and "Hugo Lindqvist, Lantern
 * Labs" names Hugo Lindqvist at a company (whose words may well be the proposal's name).
 */
export function personNames(body: string): string[] {
  const names: string[] = [];
  for (const m of body.matchAll(/proposed by:?\s+([^\n.(]*)(?:\(([^)\n]*)\))?/gi)) {
    // A list of people in brackets after a group ("the events working group (Dana Whitcombe, Marcus Feld)").
    if (m[2] !== undefined && isListOfPeople(m[2])) {
      for (const part of m[2].split(/\s*,\s*|\s+(?:and|&)\s+/)) if (leadingName(part).includes(' ')) names.push(leadingName(part));
    }
    const who = m[1]!.trim();
    if (/\bteam\b/i.test(who)) continue;
    who.split(/\s*,\s*/).forEach((segment, k) => {
      for (const part of segment.split(/\s+(?:and|&)\s+/i)) {
        const name = leadingName(part);
        // After a comma, one word or a company ("Lantern Labs") is where the person works, not another person.
        const words = name.split(' ');
        if (name !== '' && !(k > 0 && (words.length === 1 || COMPANY_SUFFIX.test(words[words.length - 1]!)))) names.push(name);
      }
    });
  }
  return names;
}

/** Words of a person's name that are not capitalised ("Robert del Rey", "Anna van Dijk"). */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'do', 'dos', 'van', 'von', 'der', 'den', 'le', 'la', 'bin', 'al']);

/** The capitalised words a text starts with (with name particles between them): the name before "on behalf of ...". */
function leadingName(text: string): string {
  const words: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (/^\p{Lu}/u.test(word)) words.push(word);
    else if (words.length > 0 && NAME_PARTICLES.has(word)) words.push(word);
    else break;
  }
  while (words.length > 0 && NAME_PARTICLES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

const QUARTER_ORDINALS = new Map([['first', 1], ['second', 2], ['third', 3], ['fourth', 4]]);

/** Is token `i` part of a quarter ("Q3", "Q 3", "fourth quarter")? */
function isQuarterToken(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.plain === 'q') return /^[1-4]$/.test(tokens[i + 1]?.plain ?? '');
  if (QUARTER_ORDINALS.has(t.plain)) return tokens[i + 1]?.plain === 'quarter';
  if (t.plain === 'quarter') return QUARTER_ORDINALS.has(tokens[i - 1]?.plain ?? '');
  return /^[1-4]$/.test(t.plain) && tokens[i - 1]?.plain === 'q';
}

/** The quarter a title names ("Q3 2025 Ambassador Rewards", "... sponsorship, fourth quarter"), or null. */
function titleQuarter(tokens: Token[]): number | null {
  for (let k = 0; k < tokens.length; k++) {
    if (!isQuarterToken(tokens, k)) continue;
    return tokens[k]!.plain === 'q' ? Number(tokens[k + 1]!.plain) : QUARTER_ORDINALS.get(tokens[k]!.plain)!;
  }
  return null;
}

/** The dates a title's year, or its quarter of that year, runs: [from, to). */
function titlePeriod(year: number, quarter: number | null): { from: string; to: string } {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const month = (q: number): string => String((q - 1) * 3 + 1).padStart(2, '0');
  return { from: `${year}-${month(quarter)}-01`, to: quarter === 4 ? `${year + 1}-01-01` : `${year}-${month(quarter + 1)}-01` };
}

function titleOrdinal(title: string, tokens: Token[]): number | null {
  for (let i = tokens.length - 1; i >= 1; i--) {
    const t = tokens[i]!;
    if (!/^\d{1,2}$/.test(t.plain) || isYear(t.plain) || isQuarterToken(tokens, i)) continue;
    const after = title.slice(t.end, t.end + 2);
    const prev = tokens[i - 1]!;
    // Not a version ("2.0", "v0.47") or an AEP number ("AEP-12").
    if (/^[.,]\d/.test(after) || prev.plain === 'v' || prev.plain === 'aep' || prev.end === t.start && /^\d/.test(prev.plain)) continue;
    return readOrdinal(t.plain);
  }
  return null;
}

/** Double-metaphone keys of a word: one key, or two when the alternative pronunciation differs. */
export function metaphoneKeys(word: string): string[] {
  const [a, b] = doubleMetaphone(word);
  return a === b ? [a] : [a, b];
}

/**
 * How words said one after another sound: their primary double-metaphone keys joined, and their alternative keys
 * joined (one key when both are the same). Built from each word's keys, so a run of words is never sounded out again.
 * A vowel sounds ("A") only at the start of a word, so after the first word it is dropped, as in the words written as one.
 */
export function runSounds(words: readonly (readonly [string, string])[]): string[] {
  let primary = '';
  let alternative = '';
  for (let i = 0; i < words.length; i++) {
    const [a, b] = words[i]!;
    primary += i > 0 ? laterSound(a) : a;
    alternative += i > 0 ? laterSound(b) : b;
  }
  return soundKeys(primary, alternative);
}

/** A word's key as a later word of a run (`runSounds`): without a leading "A". */
export const laterSound = (key: string): string => (key.charCodeAt(0) === 65 ? key.slice(1) : key);

/** The keys of a run from its primary and alternative sounds: one key when both are the same. */
export const soundKeys = (primary: string, alternative: string): string[] => (primary === alternative ? [primary] : [primary, alternative]);

/**
 * The characters of a word as bits: one for each letter a-z, one for any digit, one for anything else. Each
 * character of one word in a bit the other lacks takes an edit, so the edit distance between two words is at least
 * the number of bits either has and the other lacks.
 */
export function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    set |= 1 << (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 : 27);
  }
  return set;
}

/**
 * Builds the lookup structures for matching meetings against a proposal set, once per set: name phrases from
 * titles and team names, their distinctiveness (document frequency over the set), AEP and on-chain numbers,
 * and each proposal's period for recurring programs.
 */
export function buildProposalIndex(input: ProposalForMatching[], options: ProposalIndexOptions = {}): ProposalIndex {
  const N = Math.max(1, input.length);
  const rareLimit = Math.max(3, Math.ceil(N * 0.03));
  const keyLimit = Math.max(6, Math.ceil(N * 0.15));

  const titleTokens = input.map((p) => tokenize(p.title));
  const bodyTokens = input.map((p) => tokenize(p.body ?? ''));
  const documentFrequency = new Map<string, number>();
  const lowercaseSeen = new Set<string>();
  const nameEvidence = new Set<string>();
  const titleFrequency = new Map<string, number>();
  const personWords = new Set<string>();
  const compoundParts = new Set<string>();
  input.forEach((p, i) => {
    const seen = new Set<string>();
    for (const t of [...titleTokens[i]!, ...bodyTokens[i]!]) seen.add(t.stem);
    for (const s of seen) documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
    for (const s of new Set(titleTokens[i]!.map((t) => t.stem))) titleFrequency.set(s, (titleFrequency.get(s) ?? 0) + 1);
    for (const name of personNames(p.body ?? '')) for (const t of tokenize(name)) personWords.add(t.stem);
    const body = p.body ?? '';
    const bt = bodyTokens[i]!;
    bt.forEach((t, k) => {
      if (!t.capitalised) {
        lowercaseSeen.add(t.stem);
        return;
      }
      // A capital marks a name only mid-sentence, and only a one-word name when its neighbours are not capitalised too.
      const prev = bt[k - 1];
      const next = bt[k + 1];
      const joinedToNeighbour = (n: Token | undefined): boolean =>
        n !== undefined && n.capitalised && !STOP_WORDS.has(n.stem) && !GENERIC_WORDS.has(n.stem) && body.slice(Math.min(n.end, t.end), Math.max(n.start, t.start)).trim() === '';
      if (midSentence(body, t.start) && !joinedToNeighbour(prev) && !joinedToNeighbour(next)) nameEvidence.add(t.stem);
      if (/\p{Ll}\p{Lu}/u.test(body.slice(t.start, t.end))) nameEvidence.add(t.stem);
    });
    for (const tokens of [titleTokens[i]!, bt]) {
      tokens.forEach((t, k) => {
        const next = tokens[k + 1];
        const prev = tokens[k - 1];
        if ((next && next.start === t.end) || (prev && prev.end === t.start)) compoundParts.add(t.stem);
      });
    }
    for (const t of titleTokens[i]!) {
      const raw = p.title.slice(t.start, t.end);
      if (!t.capitalised && !/^\d/.test(raw)) lowercaseSeen.add(t.stem);
      if (/\p{Ll}\p{Lu}/u.test(raw)) nameEvidence.add(t.stem);
    }
  });
  const df = (stem: string): number => documentFrequency.get(stem) ?? 0;
  const isNameToken = (stem: string): boolean =>
    isContent(stem) &&
    (titleFrequency.get(stem) ?? 0) === 1 &&
    df(stem) <= 2 &&
    nameEvidence.has(stem) &&
    !GRAMMAR_CAPITALS.has(stem) &&
    !lowercaseSeen.has(stem) &&
    !personWords.has(stem) &&
    !compoundParts.has(stem) &&
    stem.length >= 4;
  const idf = (stem: string): number => Math.log((N + 1) / (df(stem) + 0.5));

  // An AEP is the proposal that names it in its title (or lists it); another proposal's body that names it (an upgrade
  // "including AEP-71") only refers to it. A number no proposal claims so is taken from the body that names it.
  const aepsNamed = (text: string): number[] => [...text.matchAll(/\bAEP[\s#-]*(\d{1,4})\b/gi)].map((m) => Number(m[1]));
  const ownAeps = input.map((p) => new Set([...(p.aep ?? []), ...aepsNamed(p.title)]));
  const claimedAeps = new Set(ownAeps.flatMap((set) => [...set]));
  const proposals: IndexedProposal[] = input.map((p, i) => {
    const tokens = titleTokens[i]!;
    const year = tokens.find((t) => isYear(t.plain));
    const aep = new Set(ownAeps[i]);
    for (const n of aepsNamed(p.body ?? '')) if (!claimedAeps.has(n)) aep.add(n);
    const key = [...new Set(tokens.map((t) => t.stem).filter((s) => isContent(s) && df(s) <= keyLimit && !personWords.has(s)))];
    return {
      owner: p.owner ?? null,
      repo: p.repo ?? null,
      number: p.number,
      title: p.title,
      aep: [...aep],
      onchain: [...new Set(p.onchain ?? [])],
      key,
      titleStems: [...new Set(tokens.map((t) => t.stem).filter((w) => !STOP_WORDS.has(w) && !GENERIC_WORDS.has(w) && !isYear(w)))],
      year: year ? Number(year.plain) : null,
      ordinal: titleOrdinal(p.title, tokens),
      quarter: titleQuarter(tokens),
      period: year ? titlePeriod(Number(year.plain), titleQuarter(tokens)) : null,
      startsAt: p.createdAt ? p.createdAt.slice(0, 10) : null,
      anchor: p.createdAt ? p.createdAt.slice(0, 10) : null,
      anchorIsBound: false,
      linkBound: null,
      until: null,
      // A yearly program ("2025 Events ...") is not talked about before the middle of the year before.
      earliest: p.createdAt ? p.createdAt.slice(0, 10) : year ? `${Number(year.plain) - 1}-07-01` : null,
      people: [...new Set(personNames(p.body ?? '').flatMap((name) => tokenize(name).map((t) => t.stem)))],
      subject: [],
      series: '',
    };
  });

  // A word several titles share names a recurring program ("events", "Zealy") when it is all one of them is
  // about, or when all those titles say the same thing; otherwise ("Cosmos", "community") it is a shared topic.
  const keysByWord = new Map<string, string[]>();
  for (const p of proposals) for (const k of p.key) keysByWord.set(k, [...(keysByWord.get(k) ?? []), [...p.key].sort().join(' ')]);
  const isProgramWord = (stem: string): boolean => {
    const keys = keysByWord.get(stem) ?? [];
    return keys.length >= 2 && (keys.includes(stem) || keys.every((k) => k === keys[0]));
  };
  // A program's own name ("Zealy", "Cloudmos"), shared by its proposals, is still a name.
  const isNameWord = (stem: string): boolean =>
    isNameToken(stem) ||
    (isProgramWord(stem) && nameEvidence.has(stem) && !lowercaseSeen.has(stem) && !personWords.has(stem) && !compoundParts.has(stem) && stem.length >= 4);
  // Words written together with capitals in a sentence of the body ("runs on Deep Square"); not in a heading, and not
  // as part of a longer capitalised run ("Harbor Persistent Storage Operator" does not make "Persistent Storage" a name).
  const capitalisedInBody = (stems: string[], i: number): boolean => {
    const body = bodyTokens[i]!;
    const text = input[i]!.body ?? '';
    const capitalRun = (t: Token | undefined): boolean => t !== undefined && t.capitalised && isContent(t.stem);
    for (let a = 0; a + stems.length <= body.length; a++) {
      let ok = true;
      for (let k = 0; k < stems.length && ok; k++) {
        const t = body[a + k]!;
        ok = t.stem === stems[k] && (t.capitalised || !isContent(t.stem));
      }
      if (!ok || inHeading(text, body[a]!.start)) continue;
      const before = body[a - 1];
      const after = body[a + stems.length];
      const joined = (n: Token | undefined, from: number, to: number): boolean => capitalRun(n) && /^[ \t]*$/.test(text.slice(from, to));
      if (joined(before, before?.end ?? 0, body[a]!.start) || joined(after, body[a + stems.length - 1]!.end, after?.start ?? 0)) continue;
      return true;
    }
    return false;
  };

  // Per proposal: the byline team's words, the words in brackets in the title, and the title's core (what it is
  // about, without proposal words, periods, series numbers and those brackets).
  const teamWords = input.map((p) => new Set(teamNames(p.body ?? '').flatMap((name) => tokenize(name).map((t) => t.stem))));
  const bracketWords = input.map((p, i) => {
    const ranges = [...p.title.matchAll(/\(([^)]*)\)/g)].map((m) => [m.index, m.index + m[0].length] as const);
    return new Set(titleTokens[i]!.filter((t) => ranges.some(([a, b]) => t.start >= a && t.end <= b)).map((t) => t.stem));
  });
  // "Wallet Connector for Akash Console": what the work is for, named after "for", "to" or "on" late in the title, is
  // a platform others work on too, not the proposal's own name.
  const targetWords = input.map((p, i) => {
    const tokens = titleTokens[i]!;
    let at = -1;
    for (let k = tokens.length - 1; k >= 2 && at === -1; k--) if (['for', 'to', 'on'].includes(tokens[k]!.plain)) at = k;
    return new Set(at === -1 ? [] : tokens.slice(at + 1).map((t) => t.stem));
  });
  const cores = input.map((_, i) =>
    titleTokens[i]!
      .map((t) => t.stem)
      .filter((w) => isContent(w) && !PROPOSAL_CUES.has(w) && !bracketWords[i]!.has(w) && !teamWords[i]!.has(w) && !personWords.has(w)),
  );
  proposals.forEach((p, i) => {
    p.series = [...new Set(cores[i]!.filter((w) => !/^\d+$/.test(w) && readOrdinal(w) === null))].sort().join(' ');
  });
  // Subject words: title words no other program's title uses ("foundational", "acquisition", "onboarding").
  proposals.forEach((p) => {
    p.subject = p.key.filter((w) => proposals.every((q) => q.series === p.series || !q.key.includes(w)));
  });
  const oneSeries = (stem: string): boolean =>
    new Set(proposals.filter((_, i) => titleTokens[i]!.some((t) => t.stem === stem)).map((p) => p.series)).size === 1;
  // A name in several titles that are not one program ("Cloudmos" in a funding request, an acquisition and credits).
  const sharedAcrossPrograms = (stem: string): boolean => {
    const holding = proposals.filter((_, i) => titleTokens[i]!.some((t) => t.stem === stem));
    const series = new Set(holding.map((p) => p.series));
    // "Field Days 2025: Regional Workshop Budget" and "Field Days 2026": one name, one edition a year, one program.
    const yearly = holding.every((p) => p.year !== null) && new Set(holding.map((p) => p.year)).size === holding.length;
    return series.size >= 2 && !yearly;
  };

  const phraseMap = new Map<string, NamePhrase>();
  const addTarget = (key: string, make: () => NamePhrase, target: PhraseTarget): void => {
    const existing = phraseMap.get(key);
    if (!existing) {
      // Filled in place, not spread into a copy: a copy made by spreading may get another hidden class than its
      // source, and the matcher reads phrases on its hottest paths.
      const phrase = make();
      phrase.proposals.push(target.proposal);
      phrase.targets.push(target);
      phraseMap.set(key, phrase);
      return;
    }
    const same = existing.targets.find((t) => t.proposal === target.proposal);
    if (same) {
      // The same words twice in one title or byline: keep the reading that needs the least context.
      const rank: Record<PhraseRole, number> = { name: 0, topic: 1, acronym: 2, version: 2, team: 3 };
      if (rank[target.role] < rank[same.role]) Object.assign(same, target);
      return;
    }
    existing.targets.push(target);
    existing.proposals.push(target.proposal);
  };
  const addPhrase = (tokens: Token[], proposalIndex: number, knownName = false): void => {
    const proposal = input[proposalIndex]!.number;
    const stems = tokens.map((t) => t.stem);
    const content = stems.filter(isContent);
    // "Field Days", "Demo Day": a name may end on an everyday word when it is written as a name in title and body.
    const capitalisedName =
      tokens.length === 2 &&
      content.length === 1 &&
      STOP_WORDS.has(stems[1]!) &&
      !STOP_WORDS.has(stems[0]!) &&
      tokens.every((t) => t.capitalised) &&
      bodyTokens[proposalIndex]!.some((t, k, body) => t.stem === stems[0] && body[k + 1]?.stem === stems[1] && body[k + 1]!.capitalised && midSentence(input[proposalIndex]!.body ?? '', t.start));
    if (content.length === 0 || STOP_WORDS.has(stems[0]!) || (STOP_WORDS.has(stems[stems.length - 1]!) && !capitalisedName)) return;
    if (content.every((s) => personWords.has(s))) return;
    const letterWords = content.filter((w) => /\p{L}/u.test(w));
    if (letterWords.length === 0) return;
    const core = cores[proposalIndex]!;
    const team = teamWords[proposalIndex]!;
    const brackets = bracketWords[proposalIndex]!;
    const names = content.filter(isNameWord);
    const compound = tokens.length > 1 && tokens.every((t, k) => k === 0 || tokens[k - 1]!.end === t.start);
    const rareWords = content.filter((w) => (titleFrequency.get(w) ?? 0) <= 1 && !personWords.has(w));
    // A name: a name word, or several capitalised words together ("Deep Square"); one word and a number ("Console
    // 2.0") is a product line, said in everyday status talk, so it is treated as ordinary title words.
    // A capitalised word run together with a number ("Moxa7") is one name, unlike a product and its version ("Console 2.0").
    const numberedName =
      compound &&
      tokens.length === 2 &&
      tokens[0]!.capitalised &&
      /^\d+$/.test(stems[1]!) &&
      rareWords.includes(stems[0]!) &&
      !lowercaseSeen.has(stems[0]!) &&
      df(stems[0]!) <= 2;
    const nameLike =
      names.length > 0 ||
      numberedName ||
      capitalisedName ||
      // A team's name without its company suffix, or what a title names before its colon, is a name by
      // construction, when rare among the proposals.
      (knownName && stems.every((w) => df(w) <= 2)) ||
      (tokens.length > 1 && letterWords.length >= 2 && (capitalisedInBody(stems, proposalIndex) || (compound && rareWords.length >= 1)));
    let role: PhraseRole;
    let platform = false;
    if (nameLike) {
      const affiliation = (w: string): boolean =>
        team.has(w) || brackets.has(w) || targetWords[proposalIndex]!.has(w) || (names.includes(w) && sharedAcrossPrograms(w));
      const distinctive = content.filter((w) => !GENERIC_WORDS.has(w));
      role = distinctive.every(affiliation) ? 'team' : 'name';
      platform = role === 'team' && distinctive.every((w) => brackets.has(w) && !team.has(w));
      // A bracketed platform word is a name only when a name word is among the words; "2 (Zealy)" is not a phrase.
      if (content.some((w) => /^\d+$/.test(w)) && names.length === 0 && !numberedName) return;
    } else {
      if (!content.some((s) => df(s) <= rareLimit || isProgramWord(s))) return;
      if (tokens.length === 1 && stems[0]!.length < 5) return;
      role = 'topic';
    }
    // All the title is about, or all of it that no other program's title shares ("uptime bonus" for "Provider
    // Uptime Bonus Pilot" when other titles are about providers too).
    const own = core.filter((w) => proposals[proposalIndex]!.subject.includes(w));
    const whole = core.length > 0 && (core.every((w) => content.includes(w)) || (own.length >= 2 && own.every((w) => content.includes(w))));
    // One ordinary word names a program only when it is all its title is about, or every title using it is one program's.
    if (role === 'topic' && tokens.length === 1 && !whole && !(core.includes(stems[0]!) && oneSeries(stems[0]!) && (titleFrequency.get(stems[0]!) ?? 0) >= 2)) return;
    addTarget(
      stems.join(' '),
      () => ({
        tokens: stems,
        joined: tokens.map((t) => t.plain).join(''),
        plains: tokens.map((t) => t.plain),
        proposals: [],
        targets: [],
        gap: 0,
        content: content.length,
        nameLike,
        weight: content.reduce((sum, w) => sum + idf(w), 0),
      }),
      { proposal, role, whole, platform },
    );
  };
  input.forEach((p, i) => {
    const teams = teamNames(p.body ?? '');
    const sources = [titleTokens[i]!, ...teams.map((name) => tokenize(name))];
    for (const source of sources) {
      // Periods are said many ways ("Q3", "third quarter", "this quarter's"): they pick the edition, not the name.
      const words = source.filter((t, k) => !isYear(t.plain) && !isQuarterToken(source, k));
      for (let a = 0; a < words.length; a++) {
        for (let n = 1; n <= MAX_PHRASE && a + n <= words.length; n++) addPhrase(words.slice(a, a + n), i);
      }
    }
    for (const name of shortTeamNames(teams)) addPhrase(tokenize(name), i, true);
    const named = nameBeforeColon(p.title);
    if (named) addPhrase(named, i, true);
    for (const acronym of [...titleAcronyms(titleTokens[i]!, p.title), ...bracketedAcronyms(p.title)]) {
      addTarget(
        acronym,
        () => ({ tokens: [acronym], joined: acronym, plains: [acronym], proposals: [], targets: [], gap: 0, content: 1, nameLike: false, weight: idf(acronym) }),
        { proposal: p.number, role: 'acronym', whole: false, platform: false },
      );
    }
    for (const [word, number] of versionedNames(p.title)) {
      addTarget(
        `${word} ${number}`,
        () => ({ tokens: [word, number], joined: word + number, plains: [word, number], proposals: [], targets: [], gap: 2, content: 2, nameLike: false, weight: idf(word) + 2 }),
        { proposal: p.number, role: 'version', whole: true, platform: false },
      );
    }
  });

  estimateStarts(proposals, input, options.firstLinkedAt ?? {});

  const byNumber = new Map<number, IndexedProposal>();
  const byAep = new Map<number, number[]>();
  const byOnchain = new Map<number, number[]>();
  for (const p of proposals) {
    byNumber.set(p.number, p);
    for (const a of p.aep) byAep.set(a, [...(byAep.get(a) ?? []), p.number]);
    for (const o of p.onchain) byOnchain.set(o, [...(byOnchain.get(o) ?? []), p.number]);
  }

  const phrasesByFirst = new Map<string, NamePhrase[]>();
  const garbled: GarbledNameIndex = { byPrefix: new Map(), bySound: new Map(), firstWordSounds: new Set(), soundPrefixes: new Set() };
  let maxPhraseLength = 1;
  for (const phrase of phraseMap.values()) {
    phrase.proposals.sort((a, b) => a - b);
    const first = phrase.tokens[0]!;
    phrasesByFirst.set(first, [...(phrasesByFirst.get(first) ?? []), phrase]);
    maxPhraseLength = Math.max(maxPhraseLength, phrase.tokens.length);
    const lettersAtEdges = /^\p{L}/u.test(phrase.joined) && /\p{L}$/u.test(phrase.joined);
    // Garbled-name targets: proper names only, without generic words ("Nebulon", "Sky Harbor", not "Nebulon Funding").
    const onlyNameWords = phrase.tokens.every((w) => !GENERIC_WORDS.has(w) && !STOP_WORDS.has(w));
    if (phrase.nameLike && phrase.gap === 0 && onlyNameWords && phrase.joined.length >= 5 && lettersAtEdges) addGarbledTarget(garbled, phrase);
  }
  rankGarbledTargets(garbled);
  const seriesMembers = new Map<string, number[]>();
  for (const p of proposals) if (p.series) seriesMembers.set(p.series, [...(seriesMembers.get(p.series) ?? []), p.number]);
  for (const members of seriesMembers.values()) {
    const editions = members.map((n) => byNumber.get(n)!).filter((p) => p.startsAt !== null).sort((a, b) => (a.startsAt! < b.startsAt! ? -1 : a.startsAt! > b.startsAt! ? 1 : a.number - b.number));
    editions.forEach((p, k) => (p.until = editions[k + 1]?.startsAt ?? null));
  }
  return { proposals, byNumber, byAep, byOnchain, phrasesByFirst, garbled, documentFrequency, maxPhraseLength, seriesMembers };
}

function addGarbledTarget(garbled: GarbledNameIndex, phrase: NamePhrase): void {
  const target: GarbledTarget = { phrase, sounds: runSounds(phrase.plains.map((w) => doubleMetaphone(w))), letters: letterSet(phrase.joined), rank: 0 };
  const prefix = phrase.joined.slice(0, 3);
  let byLength = garbled.byPrefix.get(prefix);
  if (!byLength) garbled.byPrefix.set(prefix, (byLength = new Map()));
  byLength.set(phrase.joined.length, [...(byLength.get(phrase.joined.length) ?? []), target]);
  for (const sound of target.sounds) {
    garbled.bySound.set(sound, [...(garbled.bySound.get(sound) ?? []), target]);
    for (let end = 0; end <= sound.length; end++) garbled.soundPrefixes.add(sound.slice(0, end));
  }
  for (const sound of metaphoneKeys(phrase.plains[0]!)) garbled.firstWordSounds.add(sound);
}

/** Sets each target's `rank`: its name's place in `localeCompare` order, names that compare equal sharing one. */
function rankGarbledTargets(garbled: GarbledNameIndex): void {
  const targets = [...garbled.byPrefix.values()].flatMap((byLength) => [...byLength.values()].flat());
  targets.sort((a, b) => a.phrase.joined.localeCompare(b.phrase.joined));
  targets.forEach((target, i) => {
    const previous = targets[i - 1];
    target.rank = previous === undefined ? 0 : previous.phrase.joined.localeCompare(target.phrase.joined) < 0 ? i : previous.rank;
  });
}


/**
 * Initials of three or more title words in a row, none of them generic ("Provider Incentive Pilot" gives "pip"):
 * programs get called by them. Words in brackets and numbers end a run.
 */
export function titleAcronyms(tokens: Token[], title = ''): string[] {
  const out: string[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    if (run.length >= 3) out.push(run.map((t) => t.plain[0]).join(''));
    run = [];
  };
  const brackets = [...title.matchAll(/\([^)]*\)/g)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const t of tokens) {
    const inBrackets = brackets.some(([a, b]) => t.start >= a && t.end <= b);
    const word = !inBrackets && /^\p{L}/u.test(t.plain) && !STOP_WORDS.has(t.stem) && !GENERIC_WORDS.has(t.stem) && t.capitalised;
    if (word) run.push(t);
    else flush();
  }
  flush();
  return out.filter((a) => !STOP_WORDS.has(a) && !GENERIC_WORDS.has(a));
}

/** Initials a title gives in brackets ("Provider Uptime Rewards (PUR) Round 1"). */
export function bracketedAcronyms(title: string): string[] {
  return [...title.matchAll(/\(([A-Z]{2,6})\)/g)].map((m) => m[1]!.toLowerCase()).filter((a) => !STOP_WORDS.has(a) && !GENERIC_WORDS.has(a));
}

/**
 * "Sextant: Interactive Lease Map", "Lantern - Provider Observability Toolkit": one or two capitalised words before a
 * title's colon or spaced dash name the proposal.
 */
function nameBeforeColon(title: string): Token[] | null {
  const separator = /:|\s[-–—]\s/.exec(title);
  if (separator === null) return null;
  // "Spillway 2027: Builder Conference": the edition's year is not part of the name.
  const tokens = tokenize(title.slice(0, separator.index)).filter((t) => !isYear(t.plain));
  const ok =
    tokens.length >= 1 &&
    tokens.length <= 2 &&
    tokens.every((t) => t.capitalised && /^\p{L}/u.test(t.plain) && !STOP_WORDS.has(t.stem) && !GENERIC_WORDS.has(t.stem));
  return ok ? tokens : null;
}

/**
 * "Upgrading to Cosmos v0.47": a name followed by a version is said as the name and the version's telling number
 * ("Cosmos SDK 47"): the minor number when the major one is 0, else the major one.
 */
export function versionedNames(title: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of title.matchAll(/([\p{L}][\p{L}\p{N}-]*)\s+v?(\d+)\.(\d+)(?:\.\d+)?\b/gu)) {
    const word = tokenize(m[1]!).at(-1);
    if (!word || STOP_WORDS.has(word.stem) || GENERIC_WORDS.has(word.stem)) continue;
    out.push([word.stem, m[2] === '0' ? String(Number(m[3])) : String(Number(m[2]))]);
  }
  return out;
}

/**
 * Discussion numbers grow with time in one repository, so a proposal first linked on the very date that bounds every
 * higher number (its own link is the earliest from there on) is a fair fix of (number, date). A number between two
 * such fixes is dated by interpolating between them; it never passes its upper bound. Unknown outside the fixes.
 */
export function interpolateDates(upper: Map<number, string | null>, firstLinkedAt: Record<number, string>): Map<number, string> {
  const fixes = [...upper.entries()]
    .filter(([n, bound]) => bound !== null && firstLinkedAt[n] === bound)
    .map(([n, bound]) => ({ n, t: Date.parse(bound!) }))
    .sort((a, b) => a.n - b.n);
  const out = new Map<number, string>();
  let k = 0;
  for (const n of [...upper.keys()].sort((a, b) => a - b)) {
    while (k < fixes.length && fixes[k]!.n < n) k++;
    const after = fixes[k];
    const before = k > 0 ? fixes[k - 1] : undefined;
    if (after === undefined) continue;
    let t = after.t;
    if (after.n !== n && before !== undefined) t = before.t + ((n - before.n) / (after.n - before.n)) * (after.t - before.t);
    else if (after.n !== n) continue;
    const date = new Date(Math.round(t / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    const bound = upper.get(n);
    out.set(n, bound !== null && bound !== undefined && bound < date ? bound : date);
  }
  return out;
}

/**
 * When a proposal for a period goes up at the latest: mid-November before its year, or some six weeks before its
 * quarter. Null for a proposal without a period.
 */
function periodProposedBy(p: IndexedProposal): string | null {
  if (p.period === null || p.year === null) return null;
  if (p.quarter === null || p.quarter === 1) return `${p.year - 1}-11-15`;
  return new Date(Date.parse(p.period.from) - 45 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * When did each proposal become current? `createdAt` when given. Otherwise: a yearly program ("2024 ...") is
 * current from mid-November of the year before (budgets go up ahead of the year); a discussion linked from a
 * meeting existed by then, as did every lower-numbered discussion, and its date is estimated between the dates of
 * the neighbouring numbers (see `interpolateDates`). Still unknown: after the nearest lower number.
 */
function estimateStarts(proposals: IndexedProposal[], input: ProposalForMatching[], firstLinkedAt: Record<number, string>): void {
  const sorted = [...proposals].sort((a, b) => b.number - a.number);
  let bound: string | null = null;
  const upper = new Map<number, string | null>();
  for (const p of sorted) {
    const linked = firstLinkedAt[p.number];
    if (linked && (bound === null || linked < bound)) bound = linked;
    upper.set(p.number, bound);
  }
  const estimated = interpolateDates(upper, firstLinkedAt);
  proposals.forEach((p, i) => {
    if (input[i]!.createdAt) return;
    p.linkBound = upper.get(p.number) ?? null;
    p.anchor = estimated.get(p.number) ?? upper.get(p.number) ?? null;
    // An interpolated date is an estimate, not a bound: the proposal is as likely to have gone up after it as before.
    p.anchorIsBound = p.anchor !== null && !(estimated.has(p.number) && firstLinkedAt[p.number] !== p.anchor);
    const candidates = [p.anchor, periodProposedBy(p)].filter((d): d is string => d !== null);
    p.startsAt = candidates.length > 0 ? candidates.sort()[0]! : null;
  });
  const ascending = [...proposals].sort((a, b) => a.number - b.number);
  let latest: string | null = null;
  for (const p of ascending) {
    // Created after the lower-numbered discussion: the day after its date.
    if (p.startsAt === null && latest !== null) p.startsAt = new Date(Date.parse(latest) + 86_400_000).toISOString().slice(0, 10);
    if (p.startsAt !== null && (latest === null || p.startsAt > latest)) latest = p.startsAt;
  }
}

export { isContent, plainWord, stemWord };
