import type { MoneyMention } from './parse-money.js';

export interface MoneyGroup {
  primary: MoneyMention;
  /** The same ask in another currency ("~50k USD (AKT 165,000)"): shown, never added. */
  equivalent: MoneyMention | null;
}

const ADDITION = /\+|\bplus\b/iu;
const CONJUNCTION = /\band\b|&/iu;
const NEXT_LABEL = /\b(?:phase|milestone|tranche|stage|sprint|step|q[1-4])\b/iu;
/**
 * ", design (" or " for hosting, " between two amounts of one currency: the next item of a list.
 * Not when either side restates ("$24,000, which is $2,000 a month", "$12k in total, about $1k a month").
 */
const LIST_ITEM_BETWEEN = /^(?<head>[^\d$€£,;.]{0,40}),\s*(?<label>[\p{L} -]{0,30})\(?\s*$/iu;
const RESTATING = /\b(?:which|that|i\.?e|or|about|around|roughly|approx\w*|equivalent|equal\w*|so|making|meaning|total\w*|in all|plus|and|per|each|at|a|an)\b|[~≈]/iu;

/** The duration already read into a rate ("… for 6 months"), skipped when looking for the next list item. */
const STATED_DURATION = /^[\s,]*\(?\s*(?:for|over|during|across|x|×)?\s*(?:\d{1,4}|[a-z-]+)[\s-]+(?:hours?|days?|weeks?|months?|quarters?|years?)\)?/iu;

/** "$60k for the year, $5k per month": a bare rate next to a sum restates it. */
function isLumpSum(mention: MoneyMention): boolean {
  return mention.per === null || mention.periods !== null;
}

function isNextListItem(between: string): boolean {
  const match = LIST_ITEM_BETWEEN.exec(between);
  if (!match?.groups) return false;
  const label = match.groups.label ?? '';
  const head = (match.groups.head ?? '').replace(/^\s*\)/u, '');
  return !RESTATING.test(head) && !RESTATING.test(label.split(/\s+/u).slice(0, 1).join(''));
}

/** For each position: how many brackets are open there, and where the innermost one opened (-1 when none). */
function parenDepths(text: string, positions: readonly number[]): { depth: number; openedAt: number }[] {
  const result: { depth: number; openedAt: number }[] = [];
  const open: number[] = [];
  let cursor = 0;
  for (const position of positions) {
    for (; cursor < position; cursor++) {
      const char = text[cursor];
      if (char === '(' || char === '[') open.push(cursor);
      else if ((char === ')' || char === ']') && open.length > 0) open.pop();
    }
    result.push({ depth: open.length, openedAt: open[open.length - 1] ?? -1 });
  }
  return result;
}

/**
 * "$75,000 for the event: venue $40,000, catering $15,000 and streaming $20,000": the amounts after a
 * colon that add up to the amount before it are its breakdown, not further requests. Returns the
 * indexes of such breakdown amounts.
 */
function breakdownIndexes(text: string, mentions: readonly MoneyMention[]): Set<number> {
  const absorbed = new Set<number>();
  for (let index = 0; index < mentions.length - 1; index++) {
    const whole = mentions[index];
    const next = mentions[index + 1];
    if (!whole || !next || absorbed.has(index)) continue;
    const between = text.slice(whole.end, next.start);
    // "for the pilot: $9,000 for leases and $6,000 for …" opens on the amount itself; then it takes
    // two parts at least, and no list separator or phase label before the colon ("…, Phase 2: $10,000").
    const labelled = /:\s*\p{L}/u.test(between);
    const bare = !labelled && /^[^,;:]*:\s*$/u.test(between) && !NEXT_LABEL.test(between);
    if (!labelled && !bare) continue;
    let sum = 0;
    for (let part = index + 1; part < mentions.length; part++) {
      const mention = mentions[part];
      if (!mention || mention.currency !== whole.currency) break;
      sum += mention.amount;
      if (Math.abs(sum - whole.amount) < 1 && (labelled || part > index + 1)) {
        for (let covered = index + 1; covered <= part; covered++) absorbed.add(covered);
        break;
      }
      if (sum > whole.amount) break;
    }
  }
  return absorbed;
}

/**
 * Turns the ask amounts of one line into separate requests. A second currency in brackets or
 * after "/", "≈", "or" is the same request restated; "+", "plus" or "and" adds a request;
 * a same-currency figure in brackets is a detail of the first ("$17,500 (350 hours at $50/hour)"), and
 * so is a breakdown after a colon that adds up to it.
 */
export function groupLineMoney(text: string, mentions: readonly MoneyMention[]): MoneyGroup[] {
  const groups: MoneyGroup[] = [];
  /** Index in `mentions` of each group's first amount. */
  const primaryIndexes: number[] = [];
  const startGroup = (index: number) => {
    const mention = mentions[index];
    if (!mention) return;
    groups.push({ primary: mention, equivalent: null });
    primaryIndexes.push(index);
  };
  const depths = parenDepths(text, mentions.map((mention) => mention.start));
  const breakdown = breakdownIndexes(text, mentions);
  let previous: MoneyMention | null = null;
  for (const [index, mention] of mentions.entries()) {
    if (breakdown.has(index)) {
      previous = mention;
      continue;
    }
    const last = groups[groups.length - 1];
    if (!last || !previous) {
      startGroup(index);
      previous = mention;
      continue;
    }
    const between = text.slice(previous.end, mention.start);
    const here = depths[index] ?? { depth: 0, openedAt: -1 };
    const primaryAt = depths[primaryIndexes[primaryIndexes.length - 1] ?? 0] ?? { depth: 0, openedAt: -1 };
    // "Development ($12,000), design ($3,000)": each amount in its own brackets is an item, not a detail.
    const sibling = here.depth > 0 && here.depth === primaryAt.depth && here.openedAt > last.primary.end;
    const nested = here.depth > 0 && !sibling;
    const sameCurrency = mention.currency === last.primary.currency;
    if (!nested && ADDITION.test(between)) {
      if (sameCurrency) last.primary = { ...last.primary, amount: last.primary.amount + mention.amount, end: mention.end };
      else startGroup(index);
    } else if (!nested && (CONJUNCTION.test(between) || NEXT_LABEL.test(between) || (sameCurrency && isLumpSum(mention) && isLumpSum(previous) && isNextListItem(previous.periods === null ? between : between.replace(STATED_DURATION, ''))))) {
      startGroup(index);
    } else if (!sameCurrency && last.equivalent === null) {
      last.equivalent = mention;
    }
    previous = mention;
  }
  return groups;
}
