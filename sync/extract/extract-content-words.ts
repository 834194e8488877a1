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

/** The words of a sentence that carry its subject: lower case, accents dropped, three letters or more, no filler. */
export function extractContentWords(text: string): Set<string> {
  return new Set(normalizePersonName(text).split(' ').filter((word) => word.length >= 3 && !FILLER.has(word)));
}
