import { extractContentWords as contentWords } from './extract-content-words.js';

/** "We will share the confirmation once it is paid": material promised for later, which may follow an answer. */
const MATERIAL_PROMISE = /\b(?:will|'ll|shall|going to) (?:share|post|send|publish|upload|link)\b[^.!?]{0,40}\b(?:tomorrow|later|soon|shortly|next (?:week|call|meeting)|this week|asap|once|after)\b/iu;
/** A sentence in which the proposer says something is not settled yet ("we are still discussing …"). */
const DEFERRAL = new RegExp(
  [
    String.raw`\bstill (?:discussing|deciding|debating|working (?:on|out)|figuring|looking into|thinking about|checking|evaluating|waiting)\b`,
    String.raw`\bstill (?:being|to be) (?:discussed|decided|debated|worked out|evaluated)\b|\bunder discussion\b`,
    String.raw`\b(?:will|'ll|shall) (?:get back|come back|follow up|circle back|revert|report back)\b`,
    // "We'll talk to our Apple contact and get back to you", "Give me a day or two".
    String.raw`\b(?:will|'ll|shall)\s[^.!?;]{1,50}?\band (?:get|come|circle|report) back\b`,
    String.raw`\bgive (?:me|us) (?:a|an|some|a few|a couple(?: of)?) (?:more )?(?:days?|hours?|weeks?|time|moment)\b`,
    // Checking first, or an answer promised for later: "Let me check with the team", "Will answer this tomorrow".
    String.raw`\blet me (?:check|confirm|verify|find out|look into|ask|get back)\b|\b(?:need|have) to (?:check|confirm|verify|find out|look into|look at|look up|dig)\b`,
    String.raw`\b(?:will|'ll|shall|going to) (?:answer|respond|reply|address|clarify)\b[^.!?]{0,40}\b(?:tomorrow|later|soon|shortly|next (?:week|call|meeting)|this week|asap|once|after)\b`,
    MATERIAL_PROMISE.source,
    String.raw`\b(?:not|haven't|have not|hasn't|has not)\s+(?:yet\s+)?(?:decided|settled|finali[sz]ed|determined|worked out)\b`,
    String.raw`\bnot sure yet\b|\bno answer yet\b|\bdon'?t (?:have an answer|know) yet\b|\bto be (?:decided|determined|confirmed)\b|\btbd\b|\bopen question\b`,
  ].join('|'),
  'iu',
);

/** "Good point.", "Great question!!", "Thanks Marta.": says nothing about the answer. */
const ACKNOWLEDGEMENT = /^\W*(?:@[\w-]+\W*)*(?:(?:good|great|fair|valid|excellent|interesting)\s+(?:q|question|point|catch)s?|thanks?(?: you)?(?: so much)?(?:\s+\p{L}+)?)\W*$/iu;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/u).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** A clause boundary before a new subject: "Pre-booked with a deposit, we will share …". */
const CLAUSE = /[,;:–—]\s+(?=(?:and\s+|but\s+)?(?:we|i|they|it|that)\b)/iu;

/**
 * "Pre-booked with a deposit, we will share the confirmation once it is paid": when the only
 * deferral promises material for later and the rest of the reply says something of substance, the
 * question was answered; the promise is an extra. A promise of what the question itself asked for
 * ("Can you share the venue quotes?" – "We will share them next week") still leaves it open.
 */
function answersBeforePromising(sentences: readonly string[], question: string): boolean {
  const clauses = sentences.flatMap((sentence) => sentence.split(CLAUSE));
  const promises = clauses.filter((clause) => DEFERRAL.test(clause));
  if (promises.length === 0 || !promises.every((clause) => MATERIAL_PROMISE.test(clause) && !otherDeferral(clause))) return false;
  const questionWords = contentWords(question);
  if (promises.some((clause) => [...contentWords(clause)].some((word) => questionWords.has(word)))) return false;
  return clauses.some((clause) => !DEFERRAL.test(clause) && contentWords(clause).size >= 2);
}

function otherDeferral(clause: string): boolean {
  return DEFERRAL.test(clause.replace(MATERIAL_PROMISE, ' '));
}

/**
 * Which of a comment's questions a proposer reply explicitly leaves open ("Signers are A and B. We
 * are still discussing the year-end question."). Each deferring sentence points at the question it
 * shares the most content words with; when the comment asked one question and the reply says nothing
 * but the deferral, that question stays open. Returns the indexes of the deferred questions.
 */
export function extractDeferredQuestions(reply: string, questions: readonly string[]): Set<number> {
  const deferred = new Set<number>();
  const sentences = sentencesOf(reply);
  const deferrals = sentences.filter((sentence) => DEFERRAL.test(sentence));
  if (deferrals.length === 0 || questions.length === 0) return deferred;
  if (questions.length === 1) {
    if (answersBeforePromising(sentences, questions[0] ?? '')) return deferred;
    const onlyDeferral = sentences.every((sentence) => DEFERRAL.test(sentence) || ACKNOWLEDGEMENT.test(sentence) || contentWords(sentence).size <= 1);
    const overlaps = deferrals.some((sentence) => [...contentWords(sentence)].some((word) => contentWords(questions[0] ?? '').has(word)));
    if (onlyDeferral || overlaps) deferred.add(0);
    return deferred;
  }
  const questionWords = questions.map(contentWords);
  for (const sentence of deferrals) {
    const words = contentWords(sentence);
    let best = -1;
    let bestShared = 0;
    let tie = false;
    for (const [index, candidate] of questionWords.entries()) {
      const shared = [...words].filter((word) => candidate.has(word)).length;
      if (shared > bestShared) {
        best = index;
        bestShared = shared;
        tie = false;
      } else if (shared === bestShared && shared > 0) tie = true;
    }
    if (best >= 0 && !tie) deferred.add(best);
  }
  return deferred;
}
