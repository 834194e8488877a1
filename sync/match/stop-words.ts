/** Common English function words: never part of a name on their own. */
export const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers him his how i if in into is it its itself just let me more most my no nor not now of off on once only or ' +
    'other our ours out over own same she should so some such than that the their them then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would ' +
    'you your yours new full via per misc etc vs us one two three four five six seven eight nine ten first second ' +
    'third next last get got make made take like yeah okay ok right well really think know going want go see say ' +
    'said thing things lot way time year years month months week weeks day days today people team teams work'
  ).split(' '),
);

/**
 * Words every governance proposal uses: they describe the kind of document, not which one.
 * Month names and quarter words are here because they date a proposal rather than name it.
 */
export const GENERIC_WORDS = new Set(
  (
    'proposal proposals prop props funding fund funds request requests requested grant budget ask asking ' +
    'discussion discussions governance vote voting onchain chain pool spend network akash akt usd ' +
    'sig wg working group groups committee steering meeting meetings update updates project projects program ' +
    'programs initiative initiatives phase phases part round plan plans based ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec q quarter quarterly annual'
  ).split(' '),
);

/**
 * Words English writes with a capital whatever they stand for: languages, peoples and places' adjectives, weekdays.
 * Capitalised in a proposal's body, they are no sign of a name ("guides in Spanish and Portuguese").
 */
export const GRAMMAR_CAPITALS = new Set(
  (
    'english spanish portuguese french german italian dutch polish russian ukrainian turkish arabic hebrew persian ' +
    'hindi bengali urdu chinese mandarin cantonese japanese korean vietnamese thai indonesian malay filipino tagalog ' +
    'swahili amharic yoruba hausa greek swedish norwegian danish finnish czech romanian hungarian serbian croatian ' +
    'american canadian mexican brazilian argentinian european african asian latin nordic ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** Words near a topic word that show a proposal (not the everyday thing) is meant. */
export const PROPOSAL_CUES = new Set(
  (
    'proposal proposals prop props aep aeps governance funding funded fund funds budget vote voted voting passed pass onchain ' +
    'discussion discussions spend request requested resourcing grant approved approval pilot program initiative ' +
    'campaign sprint series serie season'
  ).split(' '),
);

/**
 * The subset of cues that speak of the proposal itself (money, vote, the document), not of a running program: a
 * team's or product's own name needs one of these (or the proposal's subject words) to count. "Discussion" is not
 * among them: meeting notes call every agenda item a discussion.
 */
export const STRONG_PROPOSAL_CUES = new Set(
  (
    'proposal proposals prop props aep aeps governance funding funded fund funds budget vote voted voting passed pass onchain ' +
    'spend resourcing grant approved'
  ).split(' '),
);

/**
 * "request" (one, not "requests") speaks of the proposal only right after its name ("the meetup sponsorship
 * request"); elsewhere in a passage it is as often everyday ("one request from the Console side").
 */
export const ADJACENT_ONLY_CUES = new Set(['request', 'requested']);

/** Words of the governance decision itself: what a program word alone ("the hackathon") needs nearby. */
export const DECISION_CUES = new Set('proposal proposals prop props aep aeps governance vote voted voting passed onchain approved'.split(' '));

/** Two-word cues: "community pool", "on chain". The first word is looked up, the second must follow. */
export const PAIR_CUES: ReadonlyMap<string, string> = new Map([
  ['community', 'pool'],
  ['on', 'chain'],
]);

/** Words a series number follows ("round four of the uptime challenge", "Season 3"): an edition, never a name. */
export const SERIES_WORDS = new Set(['round', 'rnd', 'season', 'sprint', 'phase', 'part', 'cohort', 'edition', 'pilot']);

// A Map, not an object literal: "constructor" or "toString" said after a name must not read as a number.
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
  }),
);

/** A small series number written as digits ("02", "3") or as a word ("two", "third"). */
export function readOrdinal(plain: string): number | null {
  if (isShortNumber(plain)) return Number(plain);
  return NUMBER_WORDS.get(plain) ?? null;
}

/** One or two digits (`/^\d{1,2}$/`, without the regular expression: this is asked of many words near names). */
export function isShortNumber(plain: string): boolean {
  const length = plain.length;
  return (length === 1 || length === 2) && isDigit(plain.charCodeAt(0)) && (length === 1 || isDigit(plain.charCodeAt(1)));
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
