import type { Period } from './parse-money.js';

export interface MoneyCount {
  /** How many times the amount is paid ("x 3 events", "for each of the 4 workshops"), or null. */
  count: number | null;
  /** Periods found among the qualifiers ("… per lab, for 10 labs, for 6 months"), or null. */
  periods: number | null;
}

const WORD_COUNTS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, fifty: 50, hundred: 100,
};
const COUNT = String.raw`\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty-four|twenty|thirty|fifty|hundred`;
const NOUN = String.raw`[a-z][a-z-]{1,24}`;
const PERIOD_NOUN = /^(?:hours?|hrs?|days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?)$/iu;
const LARGEST_COUNT = 1000;

/** One qualifier after an amount; the loop below reads up to a few of them in a row. */
const QUALIFIER = new RegExp(
  String.raw`^[\s,]*\(?\s*(?:` +
    String.raw`(?<eachOf>(?:for\s+)?each\s+of\s+(?:the\s+|our\s+|these\s+|those\s+)?(?<eachCount>${COUNT})\b)` +
    String.raw`|(?:(?:per|each|an?)\s+|\/\s*)(?!(?:for|over|across|during|and|or|in|to|at|of|the|with)\b)(?<perNoun>${NOUN})\b` +
    String.raw`|(?:x|×|\*|times)\s*(?<timesCount>${COUNT})\b(?:\s+(?<timesNoun>${NOUN}))?` +
    String.raw`|(?:for|over|during|across|covering)\s+(?:the\s+(?:next|first)\s+|a\s+period\s+of\s+|a\s+total\s+of\s+|all\s+)?(?<spanCount>${COUNT})[\s-]+(?<spanNoun>${NOUN})\b` +
    // "$1,500 each": the amount is per item of a count written elsewhere.
    String.raw`|(?<bareEach>each|apiece)\b` +
    String.raw`)\)?`,
  'iu',
);
/**
 * "6 speakers, $1,500 each", "two meetups per quarter, ~$700 each": the count of plural things in
 * the same clause before an amount said to be each; a "per <period>" after the things is kept so
 * that a later "for 3 quarters" multiplies too.
 */
const COUNT_BEFORE_EACH = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?<count>${COUNT})\s+(?:[a-z-]+\s+){0,2}?(?<noun>[a-z-]+s)\b(?<rest>[^.;:!?$€£\d]{0,40})$`,
  'iu',
);
const PER_PERIOD = /\bper\s+(?<period>hours?|days?|weeks?|months?|quarters?|years?)\b|\b(?<adverb>weekly|monthly|quarterly|yearly|annually)\b/iu;
/** "3 × $800", "2 speakers × $1,200", "4 track prizes × $3,000", "5 bounties at $1,000", "three prizes of $2,000". */
const COUNT_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?<count>${COUNT})\s*(?:(?:${NOUN}\s+)?(?<noun>${NOUN})\s+)?(?<link>x|×|\*|at|of|@)\s*[~≈]?\s*$`,
  'iu',
);

function toCount(raw: string): number | null {
  const lower = raw.toLowerCase();
  const value = WORD_COUNTS[lower] ?? Number(lower);
  return Number.isInteger(value) && value >= 1 && value <= LARGEST_COUNT ? value : null;
}

/** "labs" → "lab", "bounties" → "bounty", "speakers" → "speaker". */
function singular(noun: string): string {
  return noun.toLowerCase().replace(/ies$/u, 'y').replace(/(?:ss|ch|sh|x)es$/u, (ending) => ending.slice(0, -2)).replace(/(?<!s)s$/u, '');
}

function periodOf(noun: string): Period | null {
  const stem = singular(noun).replace(/^(?:hr)$/u, 'hour').replace(/^(?:wk)$/u, 'week').replace(/^(?:mo)$/u, 'month')
    .replace(/^(?:qtr)$/u, 'quarter').replace(/^(?:yr)$/u, 'year');
  return ['hour', 'day', 'week', 'month', 'quarter', 'year'].includes(stem) ? (stem as Period) : null;
}

/**
 * How many times an amount is paid, from the words around it: "x 3 events", "for each of the 4
 * workshops", "per lab, for 10 labs" (a count only when the counted noun is the one the amount is
 * per), "3 × $800", "5 bounties at $1,000". A duration in the same run of qualifiers ("…, for 6
 * months") is returned as periods when it matches the rate. "$2,000 for 4 workshops" is a lump sum.
 */
export function parseMoneyCount(text: string, start: number, end: number, per: Period | null): MoneyCount {
  let count: number | null = null;
  let periods: number | null = null;
  let perNoun: string | null = null;
  let rest = text.slice(end, end + 120);
  /** Set by a bare "each": the amount is per item, and "for 6 speakers" after it counts them. */
  let each = false;
  /** The count written before a bare "each", with the period it is per ("two meetups per quarter"). */
  const eachCount = readEachCount(text, start);
  for (let step = 0; step < 5; step++) {
    const match = QUALIFIER.exec(rest);
    if (!match?.groups || match[0].trim() === '') break;
    const groups = match.groups;
    rest = rest.slice(match[0].length);
    if (groups.eachCount) {
      count = (count ?? 1) * (toCount(groups.eachCount) ?? 1);
    } else if (groups.bareEach) {
      each = true;
    } else if (groups.perNoun) {
      if (periodOf(groups.perNoun) === null) perNoun = singular(groups.perNoun);
    } else if (groups.timesCount) {
      const times = toCount(groups.timesCount);
      const period = groups.timesNoun ? periodOf(groups.timesNoun) : null;
      if (times === null) break;
      if (period !== null && period === per) periods ??= times;
      else count = (count ?? 1) * times;
    } else if (groups.spanCount && groups.spanNoun) {
      const span = toCount(groups.spanCount);
      const period = periodOf(groups.spanNoun);
      if (span === null) break;
      if (period !== null) {
        if (each && per === null && eachCount?.period === period) {
          count = (count ?? 1) * span;
          continue;
        }
        if (period !== per) break;
        periods ??= span;
      } else if ((perNoun !== null && singular(groups.spanNoun) === perNoun) || (each && eachCount === null)) {
        count = (count ?? 1) * span;
      } else break;
    }
  }
  const before = COUNT_BEFORE.exec(text.slice(Math.max(0, start - 48), start));
  if (before?.groups?.count) {
    const { noun, link } = before.groups;
    const multiplies = link === 'x' || link === 'X' || link === '×' || link === '*' ? true : noun !== undefined && /s$/iu.test(noun);
    const times = toCount(before.groups.count);
    if (multiplies && times !== null && (noun === undefined || periodOf(noun) === null)) count = (count ?? 1) * times;
  } else if (each && eachCount !== null) {
    count = (count ?? 1) * eachCount.count;
  }
  return { count, periods };
}

function readEachCount(text: string, start: number): { count: number; period: Period | null } | null {
  const match = COUNT_BEFORE_EACH.exec(text.slice(Math.max(0, start - 60), start));
  if (!match?.groups?.count || !match.groups.noun || periodOf(match.groups.noun) !== null) return null;
  const count = toCount(match.groups.count);
  if (count === null) return null;
  const per = PER_PERIOD.exec(match.groups.rest ?? '');
  const word = per?.groups?.period ?? per?.groups?.adverb?.replace(/ly$/u, '').replace(/^annual$/u, 'year').replace(/^dai$/u, 'day');
  return { count, period: word ? periodOf(word) : null };
}
