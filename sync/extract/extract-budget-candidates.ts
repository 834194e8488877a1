import { findNonAskReason } from './find-non-ask-reason.js';
import { groupLineMoney, type MoneyGroup } from './group-line-money.js';
import { parseMarkdownTable, type MarkdownTable } from './parse-markdown-table.js';
import { parseAmountCell, parseMoney, type MoneyMention } from './parse-money.js';
import { splitMarkdownLines, type MarkdownLine } from './split-markdown-lines.js';

/** One ask found in the text, before currencies are resolved and totals are chosen. */
export interface BudgetCandidate {
  kind: 'phase' | 'total';
  label: string;
  description: string;
  primary: MoneyMention;
  equivalent: MoneyMention | null;
  /** Currency named by a table header ("Budget (AKT)") for bare numbers. */
  currencyHint: string | null;
  inBudgetSection: boolean;
  /** How the amount is written: a table row, a list item (or heading), or a prose line. */
  form: 'table' | 'bullet' | 'prose';
}

const BUDGET_HEADING = /budget|fund|financ|request|\bask\b|\bcosts?\b|compensation|payment|tranche|milestone|pricing|grant|allocation|spend|expense|disbursement|deliverables|how much|\bamount\b/iu;
const ASK_CUE = /\b(?:request(?:s|ed|ing)?|ask(?:s|ing)?|seek(?:s|ing)?|apply(?:ing)?|grant|budget|fund(?:s|ing)?|total|phase|milestone|tranche|costs?|need|require[sd]?)\b/iu;
const REQUEST_CUE = /\b(?:request(?:s|ed|ing)?|ask(?:s|ing)?|seek(?:s|ing)?|total|we need|in all|overall|altogether)\b/iu;
/** Outside a budget section a sentence must really state the ask: "we are requesting …", "total ask: …". */
const STRICT_REQUEST_CUE = new RegExp(
  [
    String.raw`\b(?:we|i|team|proposal)\b[^.;]{0,30}\b(?:request(?:s|ed|ing)?|ask(?:s|ing)?\b[^.;$€£\d]{0,40}?\bfor|seek(?:s|ing)?|apply(?:ing)? for|propos(?:e|es|ing)\b[^.;]{0,40}\b(?:budget|funding|grant|allocation|spend))\b`,
    String.raw`\btotal (?:request|ask|budget|funding|cost)\b|\b(?:request(?:s|ed|ing)?|ask(?:ing)?) (?:a total of|for a total of|funding of|funds of)\b`,
    // A sentence that opens with the request itself: "Requesting 15,000 AKT to …", "Seeking $12k for …".
    String.raw`^\s*(?:[-*+•]\s+)?[*_]{0,2}(?:requesting|seeking|asking\b[^.;$€£\d]{0,40}?\bfor|applying for)\b`,
    // The ask in the passive: "$9,000 is requested", "18,000 USDC is being requested".
    String.raw`\b(?:is|are|be|being)\s+(?:being\s+)?(?:requested|sought|asked for)\b`,
    // The ask as subject: "The budget for this initiative is $6,000", "The grant would be $12,000".
    String.raw`\b(?:the|our|this|total|overall)\s+(?:[a-z-]+\s+)?(?:budget|ask|request|grant|funding(?:\s+request)?|(?:requested|proposed|total|funding)\s+(?:amount|sum))\b[^.;]{0,40}?\b(?:is|would be|will be|comes to|amounts to|totals)\b`,
  ].join('|'),
  'iu',
);
/** "an AKT price of $2.40", "at $3.00/AKT", "AKT ≈ $2.40": the price of a token. */
const TOKEN_PRICE = /\b(?:AKT|ATOM|token)\s+price\b|\bprice\s+(?:of|for)\s+(?:AKT|ATOM|the token)\b|\$\s?\d[\d.,]*\s*(?:\/|per\s+)(?:AKT|ATOM|token)\b|\b(?:AKT|ATOM)\s*(?:@|=|≈|~|at)\s*[~≈]?\s*\$\s?\d/iu;
/** A line opened by a budget label states the ask wherever it stands: "Budget: 18k", "**Total ask** — $40,000". */
const LABELLED_ASK = /^\s*(?:[-*+•]\s+)?(?:\*\*|__)?(?:total\s+|requested\s+)?(?:budget|ask|funding(?:\s+(?:requested|request|ask))?|funds?(?:\s+requested)?|amount(?:\s+requested)?|grant(?:\s+request(?:ed)?)?|cost|request(?:ed)?)(?:\*\*|__)?\s*(?:\([^)]{0,20}\)\s*)?(?:[:=—–]|-\s)/iu;
/** "…, for 12 months. Total: $36,000": a later amount in the line labelled as the total. */
const TOTAL_LABEL_BEFORE = /\b(?:total|grand total|in total|altogether|overall|for a total of|totall?ing|sum)\b[^.;,\d$]{0,12}$/iu;
const TOTAL_WORD = /\b(?:total|grand total|overall|altogether|in all|sum)\b/iu;
const BULLET = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/u;
const GENERIC_LABEL = /^(?:budget|costs?|amount|funding|funds|ask|price|requested?(?: amount| funds)?|total|fee|payment|request)$/iu;
const SEPARATORS = /^[\s—–\-:…|=,;.*_~>]+|[\s—–\-:…|=,;(*_~>]+$/gu;

const MONEY_HEADER = /budget|amount|cost|price|fund|request|ask|usd|akt|usdc|usdt|atom|total|\$|fee|payment|compensation|allocation|spend|grant|reward|prize/iu;
const RATE_HEADER = /rate|unit|\bper\b|hourly|running|cumulative|%|percent|share|price per/iu;
const TOTAL_HEADER = /\btotal\b/iu;
const LABEL_HEADER = /phase|milestone|quarter|month|item|tranche|stage|category|component|period|name|workstream|activity|deliverable|line|sprint|task/iu;
const CURRENCY_IN_HEADER = /\b(USDC|USDT|USD|AKT|ATOM|EUR|GBP|DAI)\b|\$/iu;
const DURATION_IN_ROW = /\b(\d{1,3})\s*(months?|quarters?|weeks?|years?)\b/iu;

function tidy(text: string): string {
  return text.replace(/\*\*|__|`/gu, '').replace(SEPARATORS, '').replace(/\s+/gu, ' ').trim();
}

/** Removes each span, together with the brackets around it ("(~675k USD at time of writing)"). */
function withoutSpans(text: string, spans: readonly MoneyMention[]): string {
  let result = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    const open = result.lastIndexOf('(', span.start);
    const closeBefore = result.lastIndexOf(')', span.start);
    const close = result.indexOf(')', span.end);
    const enclosed = open !== -1 && open > closeBefore && close !== -1;
    result = enclosed ? result.slice(0, open) + result.slice(close + 1) : result.slice(0, span.start) + result.slice(span.end);
  }
  return result;
}

function askMentions(text: string): MoneyMention[] {
  return parseMoney(text).filter((mention) => findNonAskReason(text, mention) === null);
}

function labelFor(line: MarkdownLine, before: string, after: string): { label: string; description: string } {
  const ownLabel = tidy(before.replace(BULLET, ''));
  const nearest = line.headings[line.headings.length - 1] ?? '';
  const afterText = tidy(after.replace(/^[\s)—–\-:…|,]+/u, '').trim().replace(/^\(([^()]*)\)$/u, '$1'));
  if (ownLabel !== '' && !GENERIC_LABEL.test(ownLabel)) return { label: ownLabel.slice(0, 120), description: afterText };
  if (nearest !== '' && !BUDGET_HEADING.test(nearest) && ownLabel !== '') return { label: nearest, description: afterText };
  if (afterText !== '') return { label: afterText.slice(0, 120), description: '' };
  return { label: nearest || 'Request', description: '' };
}

/** Outside a budget section only totals and stated asks count, plus bullets when the body has no budget section. */
function lineCandidates(line: MarkdownLine, inBudgetSection: boolean, hasBudgetSection: boolean, bullet: boolean | null = null): BudgetCandidate[] {
  const text = line.text.replace(/^\s*>\s?/u, '');
  const mentions = askMentions(text);
  if (mentions.length === 0) return [];
  if (!inBudgetSection && !ASK_CUE.test(text)) return [];
  const isBullet = bullet ?? (BULLET.test(text) || line.isHeading);
  // "We priced the work at USD 96,000, using an AKT price of about $2.40": a sentence that quotes a
  // token's price and states no ask only converts the ask into another currency.
  if (!isBullet && TOKEN_PRICE.test(text) && !ASK_CUE.test(text)) return [];
  const laterTotal = mentions.findIndex((mention, index) => index > 0 && TOTAL_LABEL_BEFORE.test(text.slice(mentions[index - 1]?.end ?? 0, mention.start)));
  const total = mentions[laterTotal];
  if (total) {
    const earlier = inBudgetSection || (isBullet && !hasBudgetSection) ? lineCandidates({ ...line, text: text.slice(0, total.start) }, inBudgetSection, hasBudgetSection, isBullet) : [];
    const phases = earlier.map((candidate): BudgetCandidate => ({ ...candidate, kind: 'phase' }));
    const totalText = text.slice(total.start);
    const [group] = groupLineMoney(totalText, askMentions(totalText));
    if (!group) return phases;
    return [...phases, { kind: 'total', label: 'Total', description: '', primary: group.primary, equivalent: group.equivalent, currencyHint: null, inBudgetSection, form: isBullet ? 'bullet' : 'prose' }];
  }
  const groups = groupLineMoney(text, mentions);
  const first = groups[0];
  if (!first) return [];
  const isTotal = TOTAL_WORD.test(text.slice(0, first.primary.start)) || /^\s*in total\b/iu.test(text.slice(first.primary.end));
  // "Requesting 20,000 USDC and 10,000 AKT": one stated ask per currency.
  const onePerCurrency = groups.length === 1 || (groups.every((group) => group.primary.currency !== null) && new Set(groups.map((group) => group.primary.currency)).size === groups.length);
  const isStatedAsk = !isBullet && onePerCurrency && (inBudgetSection ? REQUEST_CUE : STRICT_REQUEST_CUE).test(text);
  // Outside a budget section, "Budget: $X" lines are the ask: the total next to a budget section, else its parts.
  const isLabelled = !inBudgetSection && !isBullet && groups.length === 1 && (first.primary.per === null || first.primary.periods !== null) && LABELLED_ASK.test(text);
  if (!inBudgetSection && !isTotal && !isStatedAsk && !isLabelled && (hasBudgetSection || !isBullet)) return [];
  const kind = isTotal || isStatedAsk || (isLabelled && hasBudgetSection) ? 'total' : 'phase';
  return groups.map((group: MoneyGroup, index) => {
    const next = groups[index + 1];
    const start = index === 0 ? 0 : (groups[index - 1]?.equivalent ?? groups[index - 1]?.primary)?.end ?? 0;
    const before = text.slice(start, group.primary.start);
    const spans = group.equivalent ? [group.equivalent] : [];
    const after = withoutSpans(text.slice(0, next?.primary.start ?? text.length), spans).slice(group.primary.end);
    const { label, description } = labelFor(line, index === 0 ? before : '', after);
    return { kind, label, description, primary: group.primary, equivalent: group.equivalent, currencyHint: null, inBudgetSection, form: isBullet ? 'bullet' : 'prose' };
  });
}

function columnRoles(table: MarkdownTable): { money: number[]; label: number; other: number[] } {
  const width = Math.max(table.header.length, ...table.rows.map((row) => row.length));
  const money: number[] = [];
  for (let column = 0; column < width; column++) {
    const header = table.header[column] ?? '';
    if (RATE_HEADER.test(header)) continue;
    const cells = table.rows.map((row) => row[column] ?? '').filter((cell) => cell.trim() !== '');
    if (cells.length === 0) continue;
    const amounts = cells.filter((cell) => parseAmountCell(cell) !== null).length / cells.length;
    const explicit = cells.filter((cell) => parseMoney(cell).some((m) => m.currency !== null)).length / cells.length;
    if ((MONEY_HEADER.test(header) && amounts >= 0.5) || explicit >= 0.6) money.push(column);
  }
  const totalColumn = money.find((column) => TOTAL_HEADER.test(table.header[column] ?? ''));
  if (totalColumn !== undefined) {
    money.splice(money.indexOf(totalColumn), 1);
    money.unshift(totalColumn);
  }
  const free = [...Array(width).keys()].filter((column) => !money.includes(column));
  const label = free.find((column) => LABEL_HEADER.test(table.header[column] ?? '')) ?? free[0] ?? -1;
  return { money, label, other: free.filter((column) => column !== label) };
}

function tableCandidates(table: MarkdownTable, inBudgetSection: boolean): BudgetCandidate[] {
  const roles = columnRoles(table);
  const primaryColumn = roles.money[0];
  if (primaryColumn === undefined) return [];
  const hint = CURRENCY_IN_HEADER.exec(table.header[primaryColumn] ?? '');
  const currencyHint = hint ? (hint[1] ?? 'USD').toUpperCase() : null;
  const candidates: BudgetCandidate[] = [];
  for (const row of table.rows) {
    const cell = row[primaryColumn] ?? '';
    const cellMoney = askMentions(cell);
    const groups = cellMoney.length > 0 ? groupLineMoney(cell, cellMoney) : [];
    let primary = groups[0]?.primary ?? parseAmountCell(cell);
    if (!primary || findNonAskReason(cell, primary) !== null) continue;
    const rowText = row.join(' | ');
    const duration = DURATION_IN_ROW.exec(row.filter((_, column) => column !== primaryColumn).join(' '));
    if (primary.per && primary.per !== 'token' && primary.periods === null && duration?.[1] && duration[2]?.startsWith(primary.per)) {
      const periods = Number(duration[1]);
      primary = { ...primary, periods, amount: primary.unitAmount * periods };
    }
    const secondColumn = roles.money[1];
    const secondMoney = secondColumn === undefined ? null : parseAmountCell(row[secondColumn] ?? '');
    const secondHint = secondColumn === undefined ? null : CURRENCY_IN_HEADER.exec(table.header[secondColumn] ?? '');
    const secondCurrency = secondMoney?.currency ?? (secondHint ? (secondHint[1] ?? 'USD').toUpperCase() : null);
    const equivalent = groups[0]?.equivalent ??
      (secondMoney && secondCurrency && secondCurrency !== (primary.currency ?? currencyHint) ? { ...secondMoney, currency: secondCurrency } : null);
    const label = tidy(roles.label >= 0 ? row[roles.label] ?? '' : '') || tidy(rowText).slice(0, 80);
    const description = roles.other.map((column) => tidy(row[column] ?? '')).filter((text) => text !== '' && text !== '-').join(' — ');
    const kind = /^(?:grand\s+)?(?:total|sum|overall)\b/iu.test(label) ? 'total' : 'phase';
    candidates.push({ kind, label, description, primary, equivalent, currencyHint, inBudgetSection, form: 'table' });
  }
  return candidates;
}

/** "approx. $5k", "e.g. 20k": a period after these does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:approx|ca|circa|e\.g|i\.e|etc|vs|incl|est|no|nr|mr|mrs|ms|dr|inc|ltd|co|fig|ref|vol|max|min|avg)\.$/iu;
const SENTENCE_END = /(?<=[.!?])\s+(?=[*_[("“]*[\p{Lu}$€£\d])/gu;

/**
 * A prose line read one sentence at a time, so that "AKT trades at $3.10. Requesting 10,000 AKT."
 * asks for the AKT alone. A period after an abbreviation, or after a list number ("1. Research"),
 * ends nothing.
 */
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  for (const boundary of text.matchAll(SENTENCE_END)) {
    const piece = text.slice(from, boundary.index);
    if (!/\p{L}{2}/u.test(piece) || ABBREVIATION.test(piece)) continue;
    sentences.push(piece);
    from = boundary.index + boundary[0].length;
  }
  sentences.push(text.slice(from));
  return sentences;
}

function indentOf(text: string): number {
  return (/^[ \t]*/u.exec(text)?.[0] ?? '').replace(/\t/gu, '    ').length;
}

/**
 * "- Prize pool: $30,000" with nested bullets "Grand prize: $10,000", "4 track prizes × $3,000", …:
 * sub-items in the parent's currency (or none) that add up to no more than the parent's amount break
 * it down, so only the parent counts. Sub-items that add up to more are left alone.
 */
function dropNestedBreakdowns(candidates: BudgetCandidate[], where: Map<BudgetCandidate, number>, lines: readonly MarkdownLine[]): BudgetCandidate[] {
  const dropped = new Set<BudgetCandidate>();
  for (const parent of candidates) {
    const at = where.get(parent);
    if (at === undefined) continue;
    const indent = indentOf(lines[at]?.text ?? '');
    let end = at;
    for (let index = at + 1; index < lines.length; index++) {
      const text = lines[index]?.text ?? '';
      if (text.trim() === '') continue;
      if (lines[index]?.isHeading || indentOf(text) <= indent) break;
      end = index;
    }
    const nested = candidates.filter((candidate) => {
      const line = where.get(candidate);
      return line !== undefined && line > at && line <= end;
    });
    if (nested.length === 0) continue;
    const childIndent = Math.min(...nested.map((candidate) => indentOf(lines[where.get(candidate) ?? 0]?.text ?? '')));
    const children = nested.filter((candidate) => indentOf(lines[where.get(candidate) ?? 0]?.text ?? '') === childIndent);
    const currency = parent.primary.currency ?? parent.currencyHint;
    if (!children.every((child) => (child.primary.currency ?? child.currencyHint) === null || currency === null || (child.primary.currency ?? child.currencyHint) === currency)) continue;
    const sum = children.reduce((total, child) => total + child.primary.amount, 0);
    if (sum < parent.primary.amount + 1) for (const child of children) dropped.add(child);
  }
  return candidates.filter((candidate) => !dropped.has(candidate));
}

/** Every ask-looking amount in a proposal body, with the section it sits in. */
export function extractBudgetCandidates(body: string): BudgetCandidate[] {
  const lines = splitMarkdownLines(body);
  const inBudget = lines.map((line) => line.headings.some((heading) => BUDGET_HEADING.test(heading)));
  const hasBudgetSection = lines.some((line, index) => inBudget[index] && !line.isHeading && line.text.trim() !== '');
  const texts = lines.map((line) => line.text);
  const candidates: BudgetCandidate[] = [];
  /** The line each list item's candidates come from, to find nested breakdowns. */
  const bulletLine = new Map<BudgetCandidate, number>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    const flagged = inBudget[index] ?? false;
    const table = parseMarkdownTable(texts, index);
    if (table) {
      if (flagged || !hasBudgetSection) candidates.push(...tableCandidates(table, flagged || !hasBudgetSection));
      index = table.end - 1;
      continue;
    }
    if (line.isHeading) {
      candidates.push(...lineCandidates(line, flagged, hasBudgetSection));
      continue;
    }
    const isBullet = BULLET.test(line.text.replace(/^\s*>\s?/u, ''));
    for (const sentence of splitSentences(line.text)) {
      const found = lineCandidates({ ...line, text: sentence }, flagged, hasBudgetSection, isBullet);
      if (isBullet) for (const candidate of found) bulletLine.set(candidate, index);
      candidates.push(...found);
    }
  }
  return dropNestedBreakdowns(candidates, bulletLine, lines);
}
