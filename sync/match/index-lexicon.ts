import { letterSet } from './build-proposal-index.js';
import { garbleStart, type GarbleStart, type NumberSet } from './garbled-names.js';
import { WordTable } from './word-table.js';
import { WordRunMemo } from './word-run-memo.js';
import type { IndexedProposal, NamePhrase, ProposalIndex } from './types.js';

/**
 * What each word of the meetings is to one proposal index, remembered across meetings (their vocabularies repeat a
 * lot): the words themselves (`WordTable`), the phrases a word starts, whether a garbled name may start with it, and
 * the garbled-name lookups already made.
 */
export interface IndexLexicon {
  index: ProposalIndex;
  table: WordTable;
  /** Phrases starting with each word's stem; null when none. */
  starts: (NamePhrase[] | null)[];
  /** The stems (`WordTable.stemIdOf`) of each of those phrases, in the same order. */
  startStems: (Int32Array[] | null)[];
  /** For each word a garbled name may start with, which names it may start (see `GarbleStart`); null for other words. */
  garbleStarts: (GarbleStart | null)[];
  /** Double-metaphone keys (primary, alternative) of each word, worked out when first needed. */
  sounds: ([string, string] | undefined)[];
  /** The garbled name one word is closest to (`closestName`), null when none; undefined: not looked up yet. */
  closest1: (NamePhrase | null | undefined)[];
  /** The same for two or three words in a row. */
  closestRun: WordRunMemo;
  /** The names `closestRun` remembers, by number: 0 for none, n for `closestNames[n]`. */
  closestNames: (NamePhrase | null)[];
  closestNumbers: Map<NamePhrase, number>;
  /** `letterSet` of each word. */
  letters: number[];
  /** `soundHashesOf` each word, worked out when first needed. */
  soundHashes: (Int32Array | undefined)[];
  /** `soundKeyHashes`, worked out when first needed. */
  soundKeys: NumberSet | null;
  /** The proposals each phrase may point to (see `candidatesFor`). */
  candidates: Map<NamePhrase, IndexedProposal[]>;
}

const lexicons = new WeakMap<ProposalIndex, IndexLexicon>();
/** Past this many distinct words, the memory starts afresh. */
const LEXICON_LIMIT = 1 << 20;

/** Word marks (`WordTable.marks`): a phrase may start with the word; a garbled name may. */
export const PHRASE_START = 1;
export const GARBLE_START = 2;

/** The lexicon of an index; call once per meeting, before scanning it (a full lexicon is replaced here). */
export function lexiconFor(index: ProposalIndex): IndexLexicon {
  let lexicon = lexicons.get(index);
  if (!lexicon || lexicon.table.size > LEXICON_LIMIT) {
    const fresh: IndexLexicon = {
      index,
      table: new WordTable((id) => markWord(fresh, index, id)),
      starts: [],
      startStems: [],
      garbleStarts: [],
      sounds: [],
      closest1: [],
      closestRun: new WordRunMemo(),
      closestNames: [null],
      closestNumbers: new Map(),
      letters: [],
      soundHashes: [],
      soundKeys: null,
      candidates: new Map(),
    };
    lexicon = fresh;
    lexicons.set(index, lexicon);
  }
  return lexicon;
}

/**
 * What a word newly seen is to the index, worked out once: the phrases and garbled names it may start. Words come
 * in order, so the per-word memory grows by one here.
 */
function markWord(lexicon: IndexLexicon, index: ProposalIndex, id: number): number {
  lexicon.sounds.push(undefined);
  lexicon.soundHashes.push(undefined);
  lexicon.letters.push(letterSet(lexicon.table.plain[id]!));
  lexicon.closest1.push(undefined);
  const phrases = index.phrasesByFirst.get(lexicon.table.stem[id]!) ?? null;
  lexicon.starts.push(phrases);
  lexicon.startStems.push(phrases && phrases.map((phrase) => lexicon.table.stemIdsOf(phrase.tokens)));
  const start = garbleStart(lexicon, index, id);
  lexicon.garbleStarts.push(start);
  return (phrases === null ? 0 : PHRASE_START) | (start === null ? 0 : GARBLE_START);
}

/**
 * The proposals a phrase may point to. "Akash events" is only in the 2023 title, but the 2024 events are as much
 * meant: a topic phrase stands for its whole program. A phrase with a series number in it ("Builder Quests Proposal
 * 2") names its edition.
 */
export function candidatesFor(lexicon: IndexLexicon, index: ProposalIndex, phrase: NamePhrase): IndexedProposal[] {
  let found = lexicon.candidates.get(phrase);
  if (found === undefined) {
    const numbered = phrase.tokens.some((w) => /^\d+$/.test(w));
    const numbers = numbered
      ? phrase.proposals
      : [...new Set(phrase.targets.flatMap((x) => (x.role === 'topic' ? index.seriesMembers.get(index.byNumber.get(x.proposal)!.series) ?? [x.proposal] : [x.proposal])))];
    found = [];
    for (const n of numbers) {
      const proposal = index.byNumber.get(n);
      if (proposal !== undefined) found.push(proposal);
    }
    lexicon.candidates.set(phrase, found);
  }
  return found;
}
