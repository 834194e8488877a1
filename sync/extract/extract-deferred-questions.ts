import { extractContentWords as contentWords } from './extract-content-words.js';

/** A sentence in which the proposer says something is not settled yet ("we are still discussing …"). */
const DEFERRAL = new RegExp(
  [
    String.raw`\bstill (?:discussing|deciding|debating|working (?:on|out)|figuring|looking into|thinking about|checking|evaluating|waiting)\b`,
    String.raw`\bstill (?:being|to be) (?:discussed|decided|debated|worked out|evaluated)\b|\bunder discussion\b`,
    String.raw`\b(?:will|'ll|shall) (?:get back|come back|follow up|circle back|revert|report back)\b`,
    // Checking first, or an answer promised for later: "Let me check with the team", "Will answer this tomorrow".
    String.raw`\blet me (?:check|confirm|verify|find out|look into|ask|get back)\b|\b(?:need|have) to (?:check|confirm|verify|find out|look into)\b`,
    String.raw`\b(?:will|'ll|shall|going to) (?:answer|respond|reply|address|clarify|share|post)\b[^.!?]{0,40}\b(?:tomorrow|later|soon|shortly|next (?:week|call|meeting)|this week|asap|once|after)\b`,
    String.raw`\b(?:not|haven't|have not|hasn't|has not)\s+(?:yet\s+)?(?:decided|settled|finali[sz]ed|determined|worked out)\b`,
    String.raw`\bnot sure yet\b|\bno answer yet\b|\bdon'?t (?:have an answer|know) yet\b|\bto be (?:decided|determined|confirmed)\b|\btbd\b|\bopen question\b`,
  ].join('|'),
  'iu',
);

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/u).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
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
    const onlyDeferral = sentences.every((sentence) => DEFERRAL.test(sentence) || contentWords(sentence).size <= 1);
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
