import { normalizePersonName } from './normalize-person-name.js';

/** Words that say nothing about what a sentence is about. */
const FILLER = new Set(
  ('the and for are was were you your our ours this that these those with from have has had will would could should can ' +
    'what when where which who whom whose why how does did not yet still any all some there their them they its into onto ' +
    'about also just only more most than then very much many per question questions discussing deciding answer ' +
    'get back come follow sure know thanks thank yes please happy able like think want need make sense ' +
    // Words nearly every comment on an Akash proposal uses, so sharing them says nothing.
    'akash proposal proposals community team project network').split(' '),
);

/** Two-letter capitals that are no subject: "OK", "US", times of day, "PR" in "PR #12" is kept. */
const SHORT_FILLER = new Set(['ok', 'us', 'am', 'pm', 'id', 'it', 'or', 'so', 'no', 'of', 'on', 'in', 'to', 'is', 'be', 'we', 'my', 'me', 'hi']);

/**
 * The words of a sentence that carry its subject: lower case, accents dropped, three letters or
 * more, no filler; plus two-letter acronyms written in capitals ("IP", "QA", "UI").
 */
export function extractContentWords(text: string): Set<string> {
  const words = normalizePersonName(text).split(' ').filter((word) => word.length >= 3 && !FILLER.has(word));
  const acronyms = [...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2}(?![\p{L}\p{N}])/gu)].map((match) => match[0].toLowerCase()).filter((word) => !SHORT_FILLER.has(word));
  return new Set([...words, ...acronyms]);
}
