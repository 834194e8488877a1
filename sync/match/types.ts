import type { Span } from '../parse/types.js';
import type { PassageCues } from './read-passage-cues.js';

export type MentionKind = 'link' | 'aep' | 'onchain' | 'name' | 'fuzzy_name';

export interface ProposalForMatching {
  owner?: string;
  repo?: string;
  number: number;
  title: string;
  body?: string;
  aep?: number[];
  onchain?: number[];
  /** ISO date; when absent, recurring programs are placed in time by their title period or discussion number. */
  createdAt?: string;
  url?: string;
}

export interface Mention {
  proposalNumber: number;
  owner: string | null;
  repo: string | null;
  kind: MentionKind;
  /** 0..1: links highest, garbled names lowest. */
  confidence: number;
  /** Section heading path joined with " > ", or null outside any section. */
  heading: string | null;
  speaker: string | null;
  /** Transcript block timestamp (`HH:MM:SS`), or null outside the transcript. */
  timestamp: string | null;
  /** The line or sentence around the mention, at most about 300 characters. */
  excerpt: string;
  span: Span;
  /** The words that matched, as written in the meeting. */
  matchedText: string;
}

/**
 * What a phrase is to one proposal, which decides how much context a mention of it needs:
 * - `name`: a proper name that is the proposal's subject ("Deep Square", "Akash Accelerate"): enough on its own
 *   while the proposal is current, otherwise with a proposal word or the proposal's subject words nearby;
 * - `team`: the proposer's own team or product (from the byline), a platform named in brackets in the title, or a
 *   name several unrelated proposals share ("Cloudmos"): the team going about its business is not the proposal, so
 *   it needs a proposal word or the proposal's subject words nearby;
 * - `topic`: ordinary words of the title ("provider incentives", "events"): need a proposal word, a period, or
 *   (when they are the whole of what the title is about) the proposal's time window;
 * - `acronym`: initials of title words ("PIP"): need a series number or a proposal word;
 * - `version`: a piece of software with the version the title names ("Cosmos v0.47" as "Cosmos SDK 47"): talk of the
 *   software (upgrade status, testnets) is the work, not the proposal, so it needs a proposal word or subject words.
 */
/** A name (or garbled name) of a proposal found in a meeting, with what its passage says; decided per meeting later. */
export interface NameCandidate {
  proposal: number;
  kind: 'name' | 'fuzzy_name';
  /** What the mention is worth on its own (see `Mention.confidence`). */
  confidence: number;
  /** Character range of the matched words in the meeting text. */
  start: number;
  end: number;
  /** Token range [fromToken, toToken) of the matched words. */
  fromToken: number;
  toToken: number;
  role: PhraseRole;
  /** The phrase covers everything the proposal's title is about (see `PhraseTarget.whole`). */
  whole: boolean;
  /** The passage alone shows the proposal (or its program) is meant, by the rules of `PhraseRole`. */
  qualified: boolean;
  cues: PassageCues;
  /** The proposal's own subject words are near. */
  support: boolean;
  /** Days from the proposal's known date to the meeting, null when unknown. */
  days: number | null;
  /** The meeting falls while the proposal's program runs. */
  current: boolean;
  writtenAsName: boolean;
  writtenAsTitle: boolean;
  /** The meeting date, not the text, picked this proposal among editions of one program. */
  byDate: boolean;
  /** The date picked the edition running this year over a newer one whose proposal is up (see `resolveCandidates`). */
  runningEdition: boolean;
  /** Content words in the matched phrase. */
  content: number;
  /** The stemmed words of the proposal's phrase that matched. */
  phrase: string[];
}

export type PhraseRole = 'name' | 'team' | 'topic' | 'acronym' | 'version';

export interface PhraseTarget {
  proposal: number;
  role: PhraseRole;
  /** The phrase is everything the title is about besides proposal words, periods and brackets ("events"). */
  whole: boolean;
  /** A platform named in brackets in the title ("(Zealy)"): may stand alone shortly after the proposal went up. */
  platform: boolean;
}

/** A name phrase derived from one or more proposals, as stemmed tokens. */
export interface NamePhrase {
  tokens: string[];
  /** Unstemmed letters of the phrase joined, for garbled-speech comparison ("cloudmos"). */
  joined: string;
  /** The unstemmed words, for how the phrase sounds and the cheap sound-alike gate on its first word. */
  plains: string[];
  proposals: number[];
  targets: PhraseTarget[];
  /** How many of the words are neither stop words nor generic proposal words. */
  content: number;
  /** Words allowed between the last two tokens ("Cosmos SDK 47" for "Cosmos v0.47"). */
  gap: number;
  /** Written like a proper name (capitalised in the proposal text): only such phrases are looked for garbled. */
  nameLike: boolean;
  weight: number;
}

/** A name looked for in garbled speech, with how it sounds. */
export interface GarbledTarget {
  phrase: NamePhrase;
  /** Double-metaphone keys of the phrase's words, joined (see `runSounds`). */
  sounds: string[];
  /** `letterSet` of `phrase.joined`. */
  letters: number;
  /**
   * Where `phrase.joined` comes in `localeCompare` order among all targets (equal for names that compare equal), so
   * that ties between equally weighty names are broken without comparing strings again and again.
   */
  rank: number;
}

/** Garbled-name targets by spelling and by sound; each list keeps the order the phrases were indexed in. */
export interface GarbledNameIndex {
  /** Targets by the first three letters of `joined`, then by the length of `joined`. */
  byPrefix: Map<string, Map<number, GarbledTarget[]>>;
  /** Targets by each of their `sounds`. */
  bySound: Map<string, GarbledTarget[]>;
  /** Double-metaphone keys of the targets' first words. */
  firstWordSounds: Set<string>;
  /** Every beginning of every key of `bySound` (the empty one too): words whose keys are none of these begin no name's sound. */
  soundPrefixes: Set<string>;
}

export interface IndexedProposal {
  owner: string | null;
  repo: string | null;
  number: number;
  title: string;
  aep: number[];
  onchain: number[];
  /** Distinctive stemmed tokens of the title that a mention should cover or find nearby. */
  key: string[];
  /** All stemmed title words that are not stop words or years. */
  titleStems: string[];
  /** Year named in the title ("2024 Events ...", "... Q3 2024"). */
  year: number | null;
  /** Series number in the title ("Pilot 02", "Proposal 3"), null when absent. */
  ordinal: number | null;
  /** Quarter named in the title ("Q3 2025 Ambassador Rewards"), null when absent. */
  quarter: number | null;
  /** The period the title names (its year, or a quarter of that year), when the program it funds runs: [from, to). */
  period: { from: string; to: string } | null;
  /** When the proposal became current (ISO date), from createdAt or the title period; null when unknown. */
  startsAt: string | null;
  /** A known date of the proposal (createdAt, else the latest it can have been created by, from meeting links). */
  anchor: string | null;
  /** True when `anchor` is only an upper bound (from meeting links), so the proposal may have gone up weeks before. */
  anchorIsBound: boolean;
  /** The latest the proposal can have been created by, from meeting links to it or to later numbers; null when unknown. */
  linkBound: string | null;
  /** Before this date the proposal surely did not exist (createdAt, or mid-year before a yearly program's year). */
  earliest: string | null;
  /** When the next edition of the same program became current (its `startsAt`), null when there is none. */
  until: string | null;
  /** Stemmed words of the proposers' names (from "Proposed by ..."). */
  people: string[];
  /** Distinctive title words that no other program's title uses: seeing one near a name shows the proposal is meant. */
  subject: string[];
  /** Title words minus years, series numbers and proposal words: proposals with the same series are one program. */
  series: string;
}

export interface ProposalIndex {
  proposals: IndexedProposal[];
  byNumber: Map<number, IndexedProposal>;
  byAep: Map<number, number[]>;
  byOnchain: Map<number, number[]>;
  /** Phrases keyed by their first stemmed token. */
  phrasesByFirst: Map<string, NamePhrase[]>;
  /** The names looked for in garbled speech. */
  garbled: GarbledNameIndex;
  /** How many proposals each stemmed token appears in (title and body). */
  documentFrequency: Map<string, number>;
  maxPhraseLength: number;
  /** Proposals of each program (same `series`), so a phrase of one edition also finds the others. */
  seriesMembers: Map<string, number[]>;
}
