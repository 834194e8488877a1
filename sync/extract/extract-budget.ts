import { extractBudgetCandidates, type BudgetCandidate } from './extract-budget-candidates.js';
import type { MoneyMention } from './parse-money.js';
import type { BudgetExtraction, BudgetMismatch, BudgetPhase, CurrencyAmount } from './types.js';

const DEFAULT_CURRENCY = 'USD';

function round(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function dominantCurrency(candidates: readonly BudgetCandidate[]): string | null {
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    const currency = candidate.primary.currency ?? candidate.currencyHint;
    if (currency) counts.set(currency, (counts.get(currency) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [currency, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = currency;
  return best;
}

function toAmount(mention: MoneyMention, fallback: string): CurrencyAmount {
  return { currency: mention.currency ?? fallback, amount: round(mention.amount) };
}

function toPhase(candidate: BudgetCandidate, fallback: string): BudgetPhase {
  const { currency, amount } = toAmount(candidate.primary, candidate.currencyHint ?? fallback);
  const { per, periods } = candidate.primary;
  const rateNote = per && per !== 'token' && periods === null ? `per ${per}, duration not stated` : '';
  const description = [rateNote, candidate.description].filter((part) => part !== '').join('; ');
  const phase: BudgetPhase = { label: candidate.label, amount, currency, description };
  if (candidate.equivalent) phase.equivalent = toAmount(candidate.equivalent, fallback);
  if (candidate.primary.approximate) phase.approximate = true;
  return phase;
}

function dedupePhases(phases: readonly BudgetPhase[]): BudgetPhase[] {
  const seen = new Set<string>();
  return phases.filter((phase) => {
    const key = `${phase.label.toLowerCase()}|${phase.currency}|${phase.amount}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A prose figure that equals the sum of at least two table rows or list items in its currency
 * restates them as a total ("Up to 165,000 AKT over three months" above a table of three 55,000 AKT
 * months), so it is taken out of the phases and returned as a stated total. Items of one list never
 * restate each other: "Phase 3 — $100,000" after $30,000 and $70,000 is a phase of its own.
 */
function splitRestatedTotals(candidates: readonly BudgetCandidate[], fallback: string): { phases: BudgetCandidate[]; totals: BudgetCandidate[] } {
  const restated = new Set<BudgetCandidate>();
  const currencyOf = (candidate: BudgetCandidate) => candidate.primary.currency ?? candidate.currencyHint ?? fallback;
  for (const currency of new Set(candidates.map(currencyOf))) {
    const same = candidates.filter((candidate) => currencyOf(candidate) === currency);
    const sum = same.reduce((total, candidate) => total + candidate.primary.amount, 0);
    const total = same.find((candidate) => candidate.form === 'prose' && Math.abs(candidate.primary.amount * 2 - sum) < 1);
    const parts = same.filter((candidate) => candidate !== total);
    if (total && parts.length >= 2 && parts.every((part) => part.form !== 'prose')) restated.add(total);
  }
  return {
    phases: candidates.filter((candidate) => !restated.has(candidate)),
    totals: [...restated].map((candidate) => ({ ...candidate, kind: 'total' })),
  };
}

function sumByCurrency(phases: readonly BudgetPhase[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const phase of phases) sums.set(phase.currency, round((sums.get(phase.currency) ?? 0) + phase.amount));
  return sums;
}

/**
 * One stated total per currency: the first inside a budget section, else the first elsewhere.
 * A total written only in a currency the phases give as an equivalent restates them, so it is
 * moved to the phases' currency (or dropped when it has no figure there).
 */
function chooseStatedTotals(totals: readonly BudgetCandidate[], phases: readonly BudgetPhase[], fallback: string): CurrencyAmount[] {
  const ordered = [...totals.filter((total) => total.inBudgetSection), ...totals.filter((total) => !total.inBudgetSection)];
  const phaseCurrencies = new Set(phases.map((phase) => phase.currency));
  const equivalentCurrencies = new Set(phases.flatMap((phase) => (phase.equivalent ? [phase.equivalent.currency] : [])));
  const chosen = new Map<string, number>();
  for (const total of ordered) {
    let stated = toAmount(total.primary, total.currencyHint ?? fallback);
    if (phaseCurrencies.size > 0 && !phaseCurrencies.has(stated.currency)) {
      const equivalent = total.equivalent ? toAmount(total.equivalent, fallback) : null;
      if (equivalent && phaseCurrencies.has(equivalent.currency)) stated = equivalent;
      else if (equivalentCurrencies.has(stated.currency)) continue;
    }
    if (!chosen.has(stated.currency)) chosen.set(stated.currency, stated.amount);
  }
  return [...chosen].map(([currency, amount]) => ({ currency, amount }));
}

function withinTolerance(stated: number, sum: number, approximate: boolean): boolean {
  const tolerance = approximate ? Math.max(1, stated * 0.01) : 1;
  return Math.abs(stated - sum) < tolerance;
}

/**
 * The money one version of a proposal body asks for: its phases and, per currency, the total.
 * Rule for the total: a stated total ("Total: $130,000") is what the proposer asked for, so it
 * is reported even when the phases add up to something else; that disagreement is kept in
 * `mismatch`. Without a stated total the phases are summed.
 */
export function extractBudget(body: string): BudgetExtraction {
  const candidates = extractBudgetCandidates(body);
  const fallback = dominantCurrency(candidates) ?? DEFAULT_CURRENCY;
  const split = splitRestatedTotals(candidates.filter((c) => c.kind === 'phase'), fallback);
  const phases = dedupePhases(split.phases.map((c) => toPhase(c, fallback)));
  const statedTotal = chooseStatedTotals([...candidates.filter((c) => c.kind === 'total'), ...split.totals], phases, fallback);
  const sums = sumByCurrency(phases);
  const totals = new Map(sums);
  const mismatch: BudgetMismatch[] = [];
  const approximate = phases.some((phase) => phase.approximate === true);
  for (const { currency, amount } of statedTotal) {
    const phaseSum = sums.get(currency);
    if (phaseSum !== undefined && !withinTolerance(amount, phaseSum, approximate)) {
      mismatch.push({ currency, stated: amount, phaseSum });
    }
    totals.set(currency, amount);
  }
  const result: BudgetExtraction = {
    phases,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
  };
  if (statedTotal.length > 0) result.statedTotal = statedTotal;
  if (mismatch.length > 0) result.mismatch = mismatch;
  return result;
}
