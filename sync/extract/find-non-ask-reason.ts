import type { MoneyMention } from './parse-money.js';

const PAST_FUNDING = /\b(?:(?:was|were|did|have|has|had) receive|received|raised|earned|spent|generated|grossed|won|awarded|granted|secured|collected|distributed|paid out|have paid|already (?:got|have)|funded by|backed by|invested)\b/iu;
/**
 * "covered by our own infrastructure budget (we spend ~$2,400/month on it today)": money the
 * proposer pays from its own funds, or spends today, is context rather than the ask. A future
 * "we will spend $10,000 on …" stays an ask.
 */
const OWN_MONEY_BEFORE = /\b(?:(?:covered|paid(?:\s+for)?|funded|financed)\s+(?:by|from|out\s+of|with)\s+(?:our|their|its|my)\s+own|self[- ]funded|out\s+of\s+(?:our|their|my)\s+(?:own\s+)?pockets?)\b|\b(?:we|they|i)\s+(?:currently|already|now)\s+(?:spend|pay)\b/iu;
const PRESENT_SPEND_BEFORE = /\b(?:we|they|i)\s+(?:spend|pay)\s*(?:about|around|roughly|over|~|≈)?\s*$/iu;
const PRESENT_AFTER = /^[^.;\n]{0,40}?\b(?:today|currently|right now|at the moment|these days|out of pocket)\b/iu;
const MARKET = String.raw`market\s+(?:size|cap|value|opportunity|is|was|of)|(?:the|a|this|global|total|addressable|gpu|cloud|ai|compute)\s+(?:market|industry)`;
const MARKET_BEFORE = new RegExp(String.raw`\b(?:${MARKET}|tam|sam|som|valued|valuation|revenues?|tvl|volume|(?:reference|token|akt|atom|current|spot|average|market) price|priced at|trading at|trades at|(?:akt|atom|token)\s*(?:at|@|=|is|was|of)|(?:akt|atom|token|price)\b[^.;]{0,24}\b(?:below|above|under|drops?|falls?|rises?|hits?|reaches?))\b`, 'iu');
const PAST_AFTER = /^[^.;|\n]{0,30}?\b(?:last year|ago|so far|to date|previously|in revenue|of revenue|market\s+(?:size|cap|value|opportunity)|valuation|tvl|in volume|market cap|in funding from|in grants? from|were raised|was raised|(?:was|were|already|been) spent)\b/iu;
const NOT_ASKED_AFTER = /^[^.;\n]{0,60}?\b(?:already (?:funded|covered|paid)|funded by|covered by|(?:paid|funded|financed)\s+(?:from|out\s+of|with)\s+(?:our|their|its|my)\s+own|self[- ]funded|out\s+of\s+(?:our|their|my)\s+(?:own\s+)?pockets?|not (?:part of|included in|covered by) (?:this|the|our)|excluded from|outside (?:of )?(?:this|the) (?:ask|request|budget))\b/iu;
/** "Earlier drafts asked for $200,000 and then $150,000": figures of a superseded version. */
const EARLIER_VERSION = String.raw`(?:earlier|previous|prior|original|old|initial)\s+(?:drafts?|versions?|revisions?|iterations?|asks?|requests?|budgets?|submissions?)`;
const EARLIER_VERSION_BEFORE = new RegExp(
  String.raw`\b${EARLIER_VERSION}\b[^.;:]{0,30}\b(?:asked|requested|had|was|were|proposed|sought|listed|called for|showed|said)\b|\b(?:in|from)\s+(?:the|an|our)\s+${EARLIER_VERSION}\b`,
  'iu',
);
/** "Our first grant (AKT 20,000)", "the previous round of $30k": an amount that belongs to earlier funding. */
const EARLIER_GRANT_BEFORE = /\b(?:first|previous|prior|earlier|last|past|original)\s+(?:grant|round|funding round|proposal)\s*(?:\(|of|was|were|:)?\s*[~≈]?\s*$/iu;
/** "engineers earn $180k a year", "the market rate is $120/hour": pay quoted as context, not the ask. */
const PAY_CONTEXT_BEFORE = /\b(?:earns?|earned|earning|charges?|charged|bills?|billed|(?:salar(?:y|ies)|wages?|(?:market|going|typical|average|median)\s+(?:rates?|pay))\s+(?:of|is|are|around|averages?|averaging|ranges?\s+from))\s*(?:about|around|roughly|up to|over|~|≈)?\s*$/iu;
/** "Compared with the $80,000 …": a figure held up for comparison. */
const COMPARISON_BEFORE = /\b(?:compared (?:with|to)|in comparison (?:with|to)|versus|vs\.?|unlike|relative to)\s+(?:the\s+|our\s+|their\s+|a\s+)?[~≈]?\s*$/iu;
/** "the $80,000 we asked for in round one", "the $5k they received": an amount someone already asked for or got. */
const PAST_ASK_AFTER = /^\s*\)?\s*(?:that\s+|which\s+)?(?:we|they|you|the team|it)\s+(?:asked for|requested|received|got|raised|spent|were given|had)\b/iu;
const OLD_VALUE_BEFORE = /\b(?:from|previously|was|were|instead of|originally|initially|formerly|down from|up from|reduced from|increased from)\s*[~≈]?\s*$/iu;
const BARE_NOUN_AFTER = /^\s*\+?\s*(?!for\b|to\b|in\b|over\b|per\b|total\b|budget\b|each\b|and\b|or\b|of\b|from\b|at\b|—|–|-)[a-z]{3,}/iu;
const CLAUSE_BOUNDARY = /[.;!?|\n]\s|[|\n]/gu;
const LARGEST_PLAUSIBLE_ASK = 1e9;

function clauseBefore(line: string, start: number): string {
  const before = line.slice(Math.max(0, start - 120), start);
  let cut = 0;
  for (const boundary of before.matchAll(CLAUSE_BOUNDARY)) cut = boundary.index + boundary[0].length;
  return before.slice(cut);
}

/**
 * Why an amount of money in a line is not something the proposal asks for, or null when it may
 * be an ask. Catches market sizes, past grants, token prices, hourly rates without hours, old
 * values in "changed from X to Y", and counts such as "10k users".
 */
export function findNonAskReason(line: string, money: MoneyMention): string | null {
  if (money.amount >= LARGEST_PLAUSIBLE_ASK) return 'too large to be an ask (a market size?)';
  if (money.per === 'token') return 'a token price';
  if ((money.per === 'hour' || money.per === 'day' || money.per === 'week') && money.periods === null) {
    return 'a rate without a stated quantity';
  }
  if (money.currency === null && BARE_NOUN_AFTER.test(line.slice(money.end, money.end + 24))) {
    return 'a count, not money';
  }
  if ((line.slice(0, money.start).match(/~~/gu)?.length ?? 0) % 2 === 1) return 'struck out';
  const before = clauseBefore(line, money.start);
  if (PAST_FUNDING.test(before)) return 'past or external funding';
  if (OWN_MONEY_BEFORE.test(before)) return 'paid from the proposer\'s own funds';
  if (PRESENT_SPEND_BEFORE.test(before) && PRESENT_AFTER.test(line.slice(money.end, money.end + 60))) return 'what is spent today';
  if (MARKET_BEFORE.test(before)) return 'a market figure or price';
  if (OLD_VALUE_BEFORE.test(before)) return 'an earlier value';
  if (EARLIER_VERSION_BEFORE.test(before)) return 'the ask of an earlier version';
  if (EARLIER_GRANT_BEFORE.test(before)) return 'earlier funding';
  if (PAY_CONTEXT_BEFORE.test(before)) return 'pay quoted as context';
  if (COMPARISON_BEFORE.test(before)) return 'a figure for comparison';
  const after = line.slice(money.end, money.end + 90);
  if (PAST_AFTER.test(after)) return 'past funding or a market figure';
  if (PAST_ASK_AFTER.test(after)) return 'an amount asked for or received before';
  if (NOT_ASKED_AFTER.test(after)) return 'paid for elsewhere, not part of the ask';
  return null;
}
