import { parseMoneyCount } from './parse-money-count.js';

export type Period = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface MoneyMention {
  /** Whole currency units, after scale ("50K" → 50000) and after a stated duration ("/month for 6 months"). */
  amount: number;
  /** Upper-case code, or null for a bare "50K" whose currency comes from context. */
  currency: string | null;
  start: number;
  end: number;
  approximate: boolean;
  /** Set when the amount is a rate ("$5,000/month"). */
  per: Period | 'token' | null;
  /** How many periods the rate was multiplied by, when the text says. */
  periods: number | null;
  /** The amount before multiplying by periods and count. */
  unitAmount: number;
  /** How many times the amount is paid when the text says ("x 3 events", "5 bounties at $1,000"). */
  count: number | null;
  /** The lower bound of a range ("$20-25k", "between $10k and $12k"); `amount` is the upper bound. */
  low: number | null;
  raw: string;
}

const CODES = 'USDC|USDT|USD|AKT|ATOM|EUR|GBP|DAI|OSMO|ETH|BTC|SOL|TIA|NTRN|CHF';
const NUMBER = String.raw`\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** "€12.500", "1.200.000 AKT": dots grouping thousands, as European writers do. */
const DOT_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/u;
const SCALE = String.raw`(?:k|mm|m|bn|b)(?![a-z])|\s?(?:thousand|million|billion|mil|mln)\b`;

// One pass, no nested quantifiers: prefix currency, number, optional scale, optional range, optional suffix currency.
// Letters and digits (not "_") bound a number, so "_12,500 USDC_" in italics still reads.
function moneyPattern(withRange: boolean, flags: string): RegExp {
  const range = withRange ? String.raw`(?:\s?[-–]\s?(?:US\$|\$|€|£)?(?<high>${NUMBER})(?<highScale>${SCALE})?)?` : '';
  return new RegExp(
    String.raw`(?<pre>(?:US\$|\$|€|£)\s?|(?<![\p{L}\p{N}])(?:${CODES})(?![\p{L}\p{N}])\s?\$?)?` +
      String.raw`(?<![\p{L}\p{N}#./:-])(?<num>${NUMBER})` +
      String.raw`(?<scale>${SCALE})?` +
      range +
      String.raw`(?<post>\s?\$?(?:${CODES})(?![\p{L}\p{N}])|\s(?:US\s)?dollars?\b)?` +
      String.raw`(?![\p{L}\p{N}%]|\.\d)`,
    flags,
  );
}
const MONEY = moneyPattern(true, 'giu');
/** The same amount read without a range, for "$10k - 2 months" where the second number is no upper bound. */
const MONEY_SINGLE = moneyPattern(false, 'iuy');
/** "between $10,000 and $12,000", "between 10k and 12k AKT": one range. */
const BETWEEN_BEFORE = /\bbetween\s*[~≈]?\s*$/iu;
const BETWEEN_JOIN = /^\s*(?:and|to|-|–)\s*$/iu;

const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mil: 1e6, mln: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};

const SYMBOLS: Record<string, string> = { '$': 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP' };

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24,
};

const PERIOD_WORDS: Record<string, Period> = {
  hour: 'hour', hr: 'hour', h: 'hour', day: 'day', week: 'week', wk: 'week', month: 'month', mo: 'month',
  quarter: 'quarter', qtr: 'quarter', year: 'year', yr: 'year', annum: 'year', annual: 'year',
};
const ADVERB_PERIODS: Record<string, Period> = {
  hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year', annually: 'year',
};

const RATE_AFTER = new RegExp(
  String.raw`^\s*(?:\/|per\b|an?\b|each\b)\s*(?<unit>hours?|hrs?|h|days?|weeks?|wks?|months?|mo|quarters?|qtrs?|years?|yrs?|annum|(?:${CODES})|tokens?)\b` +
    String.raw`|^\s*(?<adverb>hourly|daily|weekly|monthly|quarterly|yearly|annually)\b`,
  'iu',
);
const COUNT = String.raw`(?<count>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|twenty-four)`;
const UNIT = String.raw`(?<unit>hours?|hrs?|days?|weeks?|months?|quarters?|years?)`;
const DURATION_AFTER = new RegExp(
  String.raw`^[\s,]*(?:\(\s*)?(?:for|over|during|across|x|×|\*|times)?\s*(?:the\s+(?:next|first)\s+|a\s+period\s+of\s+|a\s+total\s+of\s+)?${COUNT}[\s-]*${UNIT}\b`,
  'iu',
);
const DURATION_BEFORE = new RegExp(String.raw`${COUNT}[\s-]*${UNIT}\s*(?:at|x|×|\*|@|of)\s*[~≈]?\s*$`, 'iu');
const APPROX_BEFORE = /(?:~|≈|\bapprox(?:imately|\.)?|\babout|\baround|\broughly|\bcirca|\bca\.)\s*$/iu;

function parseCount(raw: string): number {
  const lower = raw.toLowerCase();
  return WORD_NUMBERS[lower] ?? Number(lower);
}

function unitPeriod(unit: string): Period | null {
  const singular = unit.toLowerCase().replace(/s$/u, '');
  return PERIOD_WORDS[singular] ?? null;
}

function currencyOf(pre: string | undefined, post: string | undefined): string | null {
  const tidy = (value: string) => value.replace(/[\s$]/gu, '').toUpperCase();
  if (post !== undefined) {
    const code = tidy(post);
    return /^(?:US)?DOLLARS?$/u.test(code) ? 'USD' : code;
  }
  if (pre === undefined) return null;
  const symbol = SYMBOLS[pre.trim()];
  return symbol ?? tidy(pre);
}

function readRate(text: string, end: number): { per: Period | 'token'; length: number } | null {
  const match = RATE_AFTER.exec(text.slice(end, end + 24));
  if (!match?.groups) return null;
  const adverb = match.groups.adverb;
  if (adverb !== undefined) {
    const period = ADVERB_PERIODS[adverb.toLowerCase()];
    return period ? { per: period, length: match[0].length } : null;
  }
  const unit = match.groups.unit ?? '';
  const period = unitPeriod(unit);
  return { per: period ?? 'token', length: match[0].length };
}

function readPeriods(text: string, start: number, end: number, per: Period): number | null {
  const after = DURATION_AFTER.exec(text.slice(end, end + 48));
  if (after?.groups?.count && after.groups.unit && unitPeriod(after.groups.unit) === per) {
    return parseCount(after.groups.count);
  }
  const before = DURATION_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (before?.groups?.count && before.groups.unit && unitPeriod(before.groups.unit) === per) {
    return parseCount(before.groups.count);
  }
  return null;
}

/**
 * Every amount of money written in `text`: "$50,000", "50K", "$1.2M", "165,000 AKT", "USD 20k",
 * "$5,000/month for 6 months". A plain number without a currency or a K/M scale is not money here
 * (tables handle bare numbers in a money column themselves).
 */
export function parseMoney(text: string): MoneyMention[] {
  const mentions: MoneyMention[] = [];
  MONEY.lastIndex = 0;
  for (let match = MONEY.exec(text); match !== null; match = MONEY.exec(text)) {
    let groups = match.groups ?? {};
    let matched = match[0];
    const start = match.index;
    let low: number | null = null;
    let value = toNumber(groups.num, groups.scale ?? groups.highScale);
    if (groups.high !== undefined) {
      const high = toNumber(groups.high, groups.highScale ?? groups.scale);
      const twoCurrencies = groups.pre !== undefined && groups.post !== undefined;
      if (high > value && !twoCurrencies) {
        low = value;
        value = high;
      } else {
        MONEY_SINGLE.lastIndex = start;
        const single = MONEY_SINGLE.exec(text);
        if (!single) continue;
        groups = single.groups ?? {};
        matched = single[0];
        value = toNumber(groups.num, groups.scale);
        MONEY.lastIndex = start + matched.length;
      }
    }
    if (matched === '') {
      MONEY.lastIndex = start + 1;
      continue;
    }
    const { pre, post } = groups;
    const scaleWord = (groups.scale ?? groups.highScale)?.trim().toLowerCase();
    if (pre === undefined && post === undefined && scaleWord === undefined) continue;
    if (groups.high === undefined && scaleWord === undefined && isDotThousands(groups.num, currencyOf(pre, post))) {
      value = Number((groups.num ?? '').replace(/\./gu, ''));
    }
    if (!Number.isFinite(value) || value <= 0) continue;
    let end = start + matched.length;
    const rate = readRate(text, end);
    let per: MoneyMention['per'] = null;
    let periods: number | null = null;
    if (rate) {
      per = rate.per;
      end += rate.length;
      if (per !== 'token') periods = readPeriods(text, start, end, per);
    }
    const counted = parseMoneyCount(text, start, end, per === 'token' ? null : per);
    if (per !== null && per !== 'token') periods ??= counted.periods;
    const factor = (periods ?? 1) * (counted.count ?? 1);
    mentions.push({
      amount: Math.round(value * factor * 100) / 100,
      unitAmount: value,
      currency: currencyOf(pre, post),
      start,
      end,
      approximate: APPROX_BEFORE.test(text.slice(Math.max(0, start - 16), start)),
      per,
      periods,
      count: counted.count,
      low: low === null ? null : Math.round(low * factor * 100) / 100,
      raw: text.slice(start, end),
    });
  }
  return joinBetweenRanges(text, mentions);
}

/** Currencies in which nobody writes a price to three decimals of zeros ("18.000 USD" is 18,000). */
const FIAT_LIKE = new Set(['USD', 'USDC', 'USDT', 'DAI', 'EUR', 'GBP', 'CHF']);

/**
 * A dot before exactly three digits groups thousands in euro amounts ("€12.500" is 12,500: nobody
 * prices in thousandths of a euro), in dollar-like amounts when the three digits are zeros
 * ("18.000 USD", "$4.000"), and in any currency when it repeats ("1.200.000 AKT"). A single dot in
 * "$2.500" or "1.250 AKT" stays a decimal point: token prices are written that way.
 */
function isDotThousands(digits: string | undefined, currency: string | null): boolean {
  if (digits === undefined || !DOT_THOUSANDS.test(digits)) return false;
  if (currency !== null && FIAT_LIKE.has(currency) && digits.endsWith('.000')) return true;
  return currency === 'EUR' || (digits.match(/\./gu)?.length ?? 0) >= 2;
}

function toNumber(digits: string | undefined, scale: string | undefined): number {
  const value = Number((digits ?? '').replace(/[,\u00a0\u202f]/gu, ''));
  const scaleWord = scale?.trim().toLowerCase();
  return scaleWord === undefined ? value : value * (SCALES[scaleWord] ?? 1);
}

/** "between $10,000 and $12,000 AKT": the two amounts are one range, read as its upper bound. */
function joinBetweenRanges(text: string, mentions: MoneyMention[]): MoneyMention[] {
  const joined: MoneyMention[] = [];
  for (const mention of mentions) {
    const previous = joined[joined.length - 1];
    const sameCurrency = previous && (previous.currency === null || mention.currency === null || previous.currency === mention.currency);
    if (previous && sameCurrency && previous.low === null && mention.amount > previous.amount &&
      BETWEEN_JOIN.test(text.slice(previous.end, mention.start)) && BETWEEN_BEFORE.test(text.slice(Math.max(0, previous.start - 24), previous.start))) {
      joined[joined.length - 1] = {
        ...mention, start: previous.start, low: previous.amount, currency: mention.currency ?? previous.currency,
        approximate: previous.approximate || mention.approximate, raw: text.slice(previous.start, mention.end),
      };
      continue;
    }
    joined.push(mention);
  }
  return joined;
}

/** A table cell such as "50,000", "$50k" or "20 000 AKT": bare numbers allowed, currency may be null. */
export function parseAmountCell(cell: string): MoneyMention | null {
  const money = parseMoney(cell)[0];
  if (money) return money;
  const bare = /(?<![\w.#/:-])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w%]|\.\d)/u.exec(cell);
  if (!bare?.[1]) return null;
  const value = Number(bare[1].replace(/[,\u00a0\u202f ]/gu, ''));
  if (!Number.isFinite(value) || value <= 0) return null;
  return {
    amount: value, unitAmount: value, currency: null, start: bare.index, end: bare.index + bare[0].length,
    approximate: APPROX_BEFORE.test(cell.slice(0, bare.index)), per: null, periods: null, count: null, low: null, raw: bare[0],
  };
}
