import { describe, expect, test } from '@jest/globals';
import { parseAmountCell, parseMoney } from '../../sync/extract/parse-money.js';

function amounts(text: string): [number, string | null][] {
  return parseMoney(text).map((money) => [money.amount, money.currency]);
}

describe('parseMoney', () => {
  test.each([
    ['Phase 1 — indexer — $50,000', [[50000, 'USD']]],
    ['Tranche 2 … 25,000 AKT', [[25000, 'AKT']]],
    ['roughly 50K for the pilot', [[50000, null]]],
    ['a ceiling of $1.2M', [[1200000, 'USD']]],
    ['165,000 AKT', [[165000, 'AKT']]],
    ['~50k USD (AKT 165,000)', [[50000, 'USD'], [165000, 'AKT']]],
    ['paid as 12,500 USDC per milestone', [[12500, 'USDC']]],
    ['USDT 8k', [[8000, 'USDT']]],
    ['1.5 million USD', [[1500000, 'USD']]],
    ['$ 7,250.50 for hosting', [[7250.5, 'USD']]],
    ['3,000 ATOM', [[3000, 'ATOM']]],
    ['12 000 is not grouped by a plain space', []],
  ])('%s', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  test('multiplies a monthly rate by the stated number of months', () => {
    const [money] = parseMoney('Moderation: $5,000/month for 6 months');
    expect(money).toMatchObject({ amount: 30000, unitAmount: 5000, per: 'month', periods: 6, currency: 'USD' });
  });

  test('reads spelled-out durations and per-quarter rates', () => {
    expect(parseMoney('$10k per quarter over four quarters')[0]?.amount).toBe(40000);
    expect(parseMoney('$2,000 monthly (12 months)')[0]?.amount).toBe(24000);
  });

  test('multiplies an hourly rate by hours stated before it', () => {
    expect(parseMoney('350 hours at $50/hour')[0]).toMatchObject({ amount: 17500, per: 'hour', periods: 350 });
  });

  test('keeps a rate without a duration as a rate', () => {
    expect(parseMoney('$4,000 per month')[0]).toMatchObject({ amount: 4000, per: 'month', periods: null });
  });

  test('marks token prices and approximations', () => {
    expect(parseMoney('priced at $0.9 per AKT')[0]?.per).toBe('token');
    expect(parseMoney('about $45k')[0]?.approximate).toBe(true);
  });

  test('ignores versions, quarters, issue numbers, percentages and years', () => {
    expect(parseMoney('Cosmos SDK v0.47 in Q3 2024, see #231, 20% of the pool')).toEqual([]);
  });
});

describe('parseAmountCell', () => {
  test('accepts bare numbers in a money column', () => {
    expect(parseAmountCell('45,000')).toMatchObject({ amount: 45000, currency: null });
    expect(parseAmountCell('**$12k**')).toMatchObject({ amount: 12000, currency: 'USD' });
    expect(parseAmountCell('TBD')).toBeNull();
  });
});

describe('parseMoney ranges and counts', () => {
  test('a range is read as its upper bound and keeps the lower one', () => {
    expect(parseMoney('$20-25k depending on the venue')[0]).toMatchObject({ amount: 25000, low: 20000, currency: 'USD' });
    expect(parseMoney('$40k–$45k')[0]).toMatchObject({ amount: 45000, low: 40000 });
    expect(parseMoney('between $10k and $12k')).toHaveLength(1);
    expect(parseMoney('between 10k and 12k AKT')[0]).toMatchObject({ amount: 12000, low: 10000, currency: 'AKT' });
  });

  test('a hyphen that is no range leaves the amount alone', () => {
    expect(amounts('$10k - 2 months of work')).toEqual([[10000, 'USD']]);
    expect(amounts('$8k — 12,000 AKT')).toEqual([[8000, 'USD'], [12000, 'AKT']]);
    expect(parseMoney('released 2024-03-15, call 1-800-555-0199')).toEqual([]);
  });

  test('multiplies by a stated count before or after the amount', () => {
    expect(parseMoney('$1,500 x 3 events')[0]).toMatchObject({ amount: 4500, unitAmount: 1500, count: 3 });
    expect(parseMoney('$2,000 for each of the 4 workshops')[0]?.amount).toBe(8000);
    expect(parseMoney('5 bounties at $1,000 each')[0]?.amount).toBe(5000);
    expect(parseMoney('three prizes of $2,000')[0]?.amount).toBe(6000);
    expect(parseMoney('$1,200 per speaker for 4 speakers')[0]?.amount).toBe(4800);
  });

  test('combines a per-noun count with a monthly duration', () => {
    expect(parseMoney('$2,500/month per lab, for 10 labs, for 6 months')[0]).toMatchObject({ amount: 150000, count: 10, periods: 6, per: 'month' });
    expect(parseMoney('3 × $800/month for 12 months')[0]?.amount).toBe(28800);
  });

  test('a lump sum for a number of things or a duration is not multiplied', () => {
    expect(parseMoney('$2,000 for 4 workshops')[0]?.amount).toBe(2000);
    expect(parseMoney('$30,000 for 6 months')[0]?.amount).toBe(30000);
    expect(parseMoney('Q3 grants of $5,000')[0]?.amount).toBe(5000);
  });

  test('underscores of italics do not hide an amount', () => {
    expect(amounts('Requesting _12,500 USDC_ for the pilot')).toEqual([[12500, 'USDC']]);
  });
});
