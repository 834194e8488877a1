import { stripMarkdownNoise } from './split-markdown-lines.js';

export interface QuestionSentence {
  text: string;
  /** The item number when the question is a point of a numbered list. */
  listNumber: number | null;
}

const LIST_ITEM = /^\s*(?:(\d{1,3})[.)]|[-*+•])\s+(.*)$/u;
const INTERROGATIVE = /^(?:what|why|how|when|where|who|whom|whose|which|is|are|does|did|could|would|should|can)\b/iu;
const REQUEST_FORM = new RegExp(
  [
    String.raw`\b(?:i['’]?d|i would|we['’]?d|we would) (?:like|love|want|need) to (?:know|understand|hear|see|learn)\b`,
    String.raw`\b(?:could|can|would) you (?:please )?(?:clarify|explain|elaborate|share|provide|confirm|comment|walk us|outline|detail|expand|speak to|break down)\b`,
    String.raw`^(?:(?:and|also|so),?\s+)?(?:please|pls|kindly) (?:clarify|explain|elaborate|share|provide|confirm|comment|outline|detail|expand|break down|justify|add|include|list|specify|describe|publish|document|attach)\b`,
    // "Any chance you'd share your playbook …"
    String.raw`^(?:(?:and|also|so)\s+)?any chance\b`,
    // "any plans for a JetBrains plugin", "Any timeline for the audit".
    String.raw`^(?:(?:and|also|so),?\s+)?any (?:plans?|timeline|eta|estimate)\s+(?:to|for|on)\b`,
    String.raw`\b(?:i'?m|i am|we'?re|we are) curious\b`,
    String.raw`\b(?:i|we) (?:wonder|was wondering|were wondering|am wondering|are wondering)\b|\b(?:i['’]?m|we['’]re) wondering\b`,
    String.raw`\bit would (?:be )?(?:good|great|helpful|useful|nice) to (?:know|understand|see|hear)\b`,
    String.raw`\bcan we (?:get|see|have) (?:more )?(?:details|clarity|a breakdown|numbers)\b`,
    // Without a subject: "Curious how …", "Wondering whether …", "Would love to see …".
    String.raw`^(?:(?:just|also|still)\s+)?(?:curious|wondering)\s+(?:about|how|what|why|whether|if|when|where|who|which)\b`,
    String.raw`^(?:(?:i|we)\s+)?(?:would|'d)\s+(?:love|like|want)\s+to\s+(?:see|know|understand|hear|learn)\b`,
    String.raw`\b(?:i'?d|i would|we'?d|we would)\s+(?:appreciate|welcome)\b`,
    String.raw`\bit(?:'?d| would) (?:be )?(?:good|great|helpful|useful|nice) (?:to (?:know|understand|see|hear|have)|if you (?:could|can))\b`,
  ].join('|'),
  'iu',
);
/**
 * A question that lost its "?": a wh-word with its verb ("What is the timeline …") or a verb with its
 * subject up front ("Do you plan to …"). "What we need is …" and "How we got here" stay statements.
 */
const BARE_INTERROGATIVE = new RegExp(
  String.raw`^(?:(?:and|but|plus|also,?)\s+)?(?:` +
    String.raw`(?:what|why|how|when|where|who|which)(?:'s|'re|\s+(?:is|are|was|were|will|would|do|does|did|can|could|should|has|have|much|many|long|often|exactly))` +
    String.raw`|(?:do|does|did|will|would|is|are|can|could|should|have|has)\s+(?:you|we|they|it|there|this|that|your|the team|anyone)\b` +
    // A noun phrase opened by a determiner ("Does the SDK work …"), after a verb that neither opens an
    // order nor a statement missing its subject: "Have a great day", "Did the same for …", "Was a
    // great call" are not questions.
    String.raw`|(?:does|will|would|is|are|can|could|should)\s+(?:the|these|those|any|its|their|our)\s` +
    // A bare plural subject before "be": "Will cohorts be in-person only" (not "Will eventually be").
    String.raw`|(?:will|would|can|could|should)\s+(?!\p{L}+ly\b|(?:also|just|still|maybe|even|then|now|not|all|always|never)\b)\p{L}+\s+be\b` +
    // "What stops someone from …", "Who decides …": the wh-word is the subject, unless a verb follows
    // the clause ("What matters is …", "What happens next was …").
    String.raw`|(?:what|who)\s+\p{L}{2,}s\b(?!.*\b(?:is|are|was|were)\b)` +
    // "how you will track that …": a wh-word, "you" and a modal, as non-native writers ask.
    String.raw`|(?:how|when|where|why|whether)\s+(?:you|they)\s+(?:will|would|can|could|plan|intend|are going to)\b(?!.*\b(?:is|are|was|were)\b)` +
    String.raw`)`,
  'iu',
);
/** "Should the vote pass, we start in March": a condition, not a question. */
const CONDITIONAL_INVERSION = /^(?:should|had|were)\s[^,?]{3,60},/iu;
/**
 * Questions that expect no answer: "Who wouldn't want cheaper GPUs?", "Who would even object?",
 * "Isn't that the whole point?", "What could possibly go wrong?".
 */
const RHETORICAL = new RegExp(
  [
    String.raw`^(?:(?:and|but|so|honestly|seriously),?\s+)?who\s+(?:hasn['’]t|has not|haven['’]t|have not|doesn['’]t|does not|don['’]t|do not|wouldn['’]t|would not|didn['’]t|did not|won['’]t|will not|isn['’]t|is not|can['’]t|cannot)\b`,
    String.raw`^(?:(?:and|but|so|honestly|seriously),?\s+)?who\s+(?:would|could|can|does|do|will)\s+(?:even|ever|possibly)\b`,
    String.raw`^(?:isn['’]t|is not|wasn['’]t|aren['’]t)\b.*\bthe (?:whole|entire|very) point\b`,
    String.raw`^what could (?:possibly )?go wrong\b`,
  ].join('|'),
  'iu',
);
const LEAD_IN = /\b(?:questions?|clarif\w*|wonder\w*|curious|know|understand|explain|ask)\b[^:]{0,40}:\s*$/iu;
const FACILITATION = new RegExp(
  [
    String.raw`\b(?:any|anymore|any more|any other|any further|other|more)\s+(?:questions?|thoughts|comments|feedback|concerns)\b`,
    String.raw`\b(?:any|some|every|no)(?:one|body)\b.{0,40}\b(?:questions?|thoughts|comments|else|hand)\b`,
    String.raw`\bcan (?:you|everyone|everybody|folks) (?:all )?(?:hear|see) (?:me|my)\b`,
    String.raw`\b(?:am i|are you) (?:on mute|muted|there|still there)\b`,
    String.raw`\b(?:does|did) that (?:make sense|answer|help)\b`,
    String.raw`\bwho(?:'s| is) (?:next|up next)\b`,
    String.raw`\bshould (?:we|i) (?:move on|continue|keep going)\b`,
    String.raw`^(?:right|ok|okay|yeah|yes|no|sorry|huh|really|correct|cool|great)\W*$`,
  ].join('|'),
  'iu',
);
/** "Which is right?" is a real question in a comment; three-word fragments in transcripts are mostly noise. */
const DEFAULT_MIN_WORDS = 3;

/** "Any questions?", "Can you hear me?" and the like: prompts to the room, not questions to the proposer. */
export function isFacilitationPrompt(text: string): boolean {
  return FACILITATION.test(text);
}

/** Plain text for question hunting: no code, links reduced to their text, bare URLs removed. */
function plainText(markdown: string): string {
  return stripMarkdownNoise(markdown)
    .replace(/`[^`\n]*`/gu, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/gu, '$1')
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ');
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length;
}

/** The smallest unpunctuated interrogative taken as a question ("What is the timeline for phase 2"). */
const BARE_INTERROGATIVE_MIN_WORDS = 5;

function isQuestionSentence(sentence: string, minWords: number, bareInterrogatives: boolean): boolean {
  const trimmed = sentence.trim().replace(/[*_]+$/u, '');
  if (wordCount(trimmed) < minWords || FACILITATION.test(trimmed) || RHETORICAL.test(trimmed)) return false;
  if (bareInterrogatives && !/[?!]/u.test(trimmed) && BARE_INTERROGATIVE.test(trimmed) && !CONDITIONAL_INVERSION.test(trimmed) &&
    wordCount(trimmed) >= BARE_INTERROGATIVE_MIN_WORDS) return true;
  if (/\?["”’)\]]*$/u.test(trimmed)) {
    // "?" right before a closing quote cites someone else's question rather than asking one.
    const cited = /\?["”]\s*[)\]]*$/u.test(trimmed) && /["“]/u.test(trimmed.slice(0, trimmed.lastIndexOf('?')));
    return !cited;
  }
  return REQUEST_FORM.test(trimmed);
}

/** A "?" or "!" followed by a space always ends a sentence, whatever comes next ("… per episode? $80k is a lot"). */
function sentencesOf(line: string): string[] {
  return line.split(/(?<=[!?])\s+|(?<=\.)\s+(?=["“(]?\p{Lu}|\d)/u).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

function tidy(text: string): string {
  return text.replace(/\*\*|__/gu, '').replace(/\s+/gu, ' ').trim();
}

/**
 * The questions in a comment or a transcript turn: sentences ending in "?", request forms
 * ("Could you clarify…", "I'd like to know…"), and the points of a list introduced as questions.
 * Quoted lines (`>`), code and URLs are ignored; so are "any questions?"-style prompts.
 */
export function extractQuestionSentences(markdown: string, options: { minWords?: number; bareInterrogatives?: boolean } = {}): QuestionSentence[] {
  const minWords = options.minWords ?? DEFAULT_MIN_WORDS;
  const bareInterrogatives = options.bareInterrogatives ?? true;
  const questions: QuestionSentence[] = [];
  let listIsQuestions = false;
  // A blank line between "A couple of questions:" and its list keeps the list a list of questions.
  let awaitingList = false;
  for (const rawLine of plainText(markdown).split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('>')) {
      if (line === '' && !awaitingList) listIsQuestions = false;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    awaitingList = false;
    if (item) {
      const text = tidy(item[2] ?? '');
      const asked = text.includes('?') || REQUEST_FORM.test(text) || (listIsQuestions && wordCount(text) >= 2) || (INTERROGATIVE.test(text) && wordCount(text) >= minWords + 1);
      if (asked && !FACILITATION.test(text)) questions.push({ text, listNumber: item[1] ? Number(item[1]) : null });
      continue;
    }
    listIsQuestions = LEAD_IN.test(line);
    awaitingList = listIsQuestions;
    for (const sentence of sentencesOf(line)) {
      if (isQuestionSentence(sentence, minWords, bareInterrogatives)) questions.push({ text: tidy(sentence), listNumber: null });
    }
  }
  return questions;
}
